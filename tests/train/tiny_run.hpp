// Builds a real, tiny training setup for trainer tests: a synthetic corpus imported into a temp
// workspace, prepared (split, byte tokenizer, token stores), and a tiny GPT spec.
#pragma once

#include <fstream>

#include "common/metrics_sink.hpp"
#include "common/synthetic_corpus.hpp"
#include "common/temp_dir.hpp"
#include "data/corpus_store.hpp"
#include "data/dataset.hpp"
#include "spec/run_spec.hpp"

namespace wb::test {

// Records every step loss and evaluation, for comparisons.
class RecordingSink : public MetricsSink {
 public:
  void step(const StepRecord& r) override { losses.push_back(r.loss); steps.push_back(r); }
  void eval(const EvalRecord& r) override { evals.push_back(r); }
  void event(const EventRecord& r) override { events.push_back(r); }
  void run_finished(const RunSummary& s) override { summary = s; }
  std::vector<double> losses;
  std::vector<StepRecord> steps;
  std::vector<EvalRecord> evals;
  std::vector<EventRecord> events;
  RunSummary summary;
};

inline Workspace make_tiny_workspace(const TempDir& dir, int documents = 40, int words = 120) {
  Workspace workspace{dir.path() / "home"};
  std::filesystem::create_directories(dir.path() / "docs");
  auto docs = synthetic_documents(documents, words);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::ofstream out(dir.path() / "docs" / ("doc" + std::to_string(1000 + i) + ".txt"));
    out << docs[i];
  }
  CorpusStore(workspace).import_path("tiny", dir.path() / "docs", ImportFormat::kFolder);
  return workspace;
}

inline RunSpec tiny_spec() {
  RunSpec spec;
  spec.name = "tiny";
  spec.data.corpus = "tiny";
  spec.data.tokenizer.kind = TokenizerKind::kByte;
  spec.data.validation_fraction = 0.1;
  spec.data.epochs = 2.0;
  spec.model.n_layer = 2;
  spec.model.n_head = 2;
  spec.model.n_embd = 32;
  spec.model.block_size = 16;
  spec.optimizer.warmup_steps = 3;
  spec.optimizer.lr = 3e-3;
  spec.optimizer.min_lr = 3e-4;
  spec.training.batch_size = 4;
  spec.training.token_budget = 4 * 16 * 24;  // 24 steps
  spec.training.eval_interval = 8;
  spec.training.eval_batches = 2;
  spec.training.threads = 1;
  spec.training.device = "cpu";
  spec.training.seed = 42;
  return spec;
}

}  // namespace wb::test
