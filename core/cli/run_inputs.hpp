// The data a run reads, prepared once per process: built-in corpora imported when missing, each
// dataset (corpus + tokenizer + split) tokenized or loaded once and shared by every run that uses
// it, and a run's TrainingData (its corpus, replay corpus and extra validation corpora) assembled
// from them. Used by the experiment runner and by the other ranks of a data-parallel job.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "common/workspace.hpp"
#include "data/dataset.hpp"
#include "spec/run_spec.hpp"
#include "train/trainer.hpp"

namespace wb {

class RunInputs {
 public:
  // `quiet`: no "using the tokenized ..." lines (workers, whose parent prepared the data).
  RunInputs(Workspace workspace, bool quiet) : workspace_(std::move(workspace)), quiet_(quiet) {}

  // Imports a built-in recipe's corpus when the workspace lacks it; DataError with the fix for
  // an unknown corpus.
  void ensure_corpus(const std::string& corpus);
  PreparedDataset& dataset_for(const DataSpec& data);
  // Every dataset the run reads, prepared; the pointers stay valid for this object's lifetime.
  TrainingData training_data(const RunSpec& spec);

 private:
  Workspace workspace_;
  bool quiet_;
  std::map<std::string, std::unique_ptr<PreparedDataset>> datasets_;  // by data settings
};

// Every corpus a run reads: its own, the tokenizer's, replay and extra validation corpora.
std::vector<std::string> corpora_of(const RunSpec& spec);

}  // namespace wb
