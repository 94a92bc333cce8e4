// Trains one run: the GPT of the spec (dense, MoE or shared) on the objective's rows of the
// repetition sampler's stream (with replay), AdamW with the spec's LR and dropout schedules,
// clipping and accumulation; evaluates every validation corpus and the downstream tasks; detects
// the onset of overfitting; writes last.pt and best.pt; reports everything through one
// MetricsSink. Free of LibTorch so the CLI need not include it.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/metrics_sink.hpp"
#include "spec/run_spec.hpp"

namespace wb {

struct PreparedDataset;
class Communicator;

// The datasets a run reads; not owned. All share the main dataset's tokenizer vocabulary.
struct TrainingData {
  PreparedDataset* main = nullptr;    // data.corpus: training stream and eval/val_loss
  PreparedDataset* replay = nullptr;  // data.replay.corpus, when replay is on
  // eval.corpora: validation splits logged as eval/val_loss/NAME (forgetting, adaptation).
  std::vector<std::pair<std::string, PreparedDataset*>> eval;
};

struct TrainerOptions {
  std::int64_t run_id = 0;                   // reported in RunStartRecord
  std::filesystem::path checkpoint_dir;      // empty: no checkpoints
  bool resume = false;                       // continue from checkpoint_dir/last.pt when present
  const std::atomic<bool>* stop = nullptr;   // set on SIGINT: checkpoint, then stop
  Communicator* communicator = nullptr;      // null: single process
  int local_rank = -1;                       // rank on this node (picks the GPU); -1: the global rank
  std::int64_t stop_after_steps = -1;        // stop (as if interrupted) after this step; tests
  std::filesystem::path init_checkpoint;     // init_from: start from these weights (not on resume)
  std::int64_t gradient_bucket_bytes = 0;    // data parallel: all-reduce bucket size; 0: DDP's 1 + 25 MiB
  std::int64_t sync_interval = 0;            // read step losses every N steps (step_sync.hpp); 0: auto
};

// Applies the thread count (0: all cores) to LibTorch's intra-op pool. Call once per process.
void configure_torch_threads(int threads);
// "cpu" or "cuda:0" for a spec's device field ("auto" picks CUDA when LibTorch has it).
std::string resolve_device(const std::string& requested, int local_rank = 0);
// Library versions for the run store: {"libtorch": "1.13.0", "cuda": false, ...}.
std::string library_versions_json();
// "1.13.0": the LibTorch this program was built against.
std::string libtorch_version();

class Trainer {
 public:
  // Throws SpecError / DataError for specs the data cannot serve (too few unique tokens, ...).
  Trainer(const RunSpec& spec, TrainingData data, MetricsSink& sink, TrainerOptions options = {});
  Trainer(const RunSpec& spec, PreparedDataset& data, MetricsSink& sink, TrainerOptions options = {});
  ~Trainer();
  Trainer(const Trainer&) = delete;
  Trainer& operator=(const Trainer&) = delete;

  // Runs to the end of the plan (or until stopped). Returns status finished or interrupted;
  // exceptions propagate after the sink has been told the run failed.
  RunSummary run();

  std::int64_t parameter_count() const;
  // A fingerprint of the current weights; equal on every rank of a data-parallel run.
  double parameter_checksum() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wb
