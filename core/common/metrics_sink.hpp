// The one interface a training run reports through. The SQLite store, the JSON-lines event stream
// and the terminal progress bar implement it; MetricsFanout sends each record to all of them.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace wb {

struct RunStartRecord {
  std::int64_t run_id = 0;     // row id in the run store (0 when there is none)
  std::string name;            // e.g. "token-crisis-mini/epochs=4"
  nlohmann::json spec;         // the resolved run spec
  nlohmann::json plan;         // tokens_per_step, total_steps, train_/unique_tokens, epochs, ranks, threads
  std::int64_t start_step = 0; // > 0 when resuming from a checkpoint
  std::int64_t parameters = 0; // trainable parameters
  std::string device;          // "cpu" or "cuda:0"
};

// One optimizer step (reported by rank 0 only).
struct StepRecord {
  std::int64_t step = 0;         // 1-based: the step just finished
  std::int64_t total_steps = 0;
  std::int64_t tokens = 0;       // training tokens seen, all ranks together
  double epoch = 0.0;            // tokens / unique tokens (fractional)
  double lr = 0.0;
  double loss = 0.0;             // mean loss of this step's micro-batches
  double tokens_per_s = 0.0;     // smoothed
  double wall_s = 0.0;           // training time of the run, across resumes
};

// A validation evaluation every eval_interval steps and at the end.
struct EvalRecord {
  std::int64_t step = 0;
  std::int64_t tokens = 0;
  double epoch = 0.0;
  double lr = 0.0;
  double train_loss = 0.0;  // mean training loss over the steps since the last evaluation
  double val_loss = 0.0;    // mean loss over the fixed validation batches
  double tokens_per_s = 0.0;
  double wall_s = 0.0;
  // Further metrics of this evaluation, stored under their names: "eval/val_loss/brown" (another
  // corpus), "dropout/resid", "flops", "moe/dropped_fraction", "downstream/cloze/acc", ...
  std::vector<std::pair<std::string, double>> metrics;
};

// Something that happened: "checkpoint" {path}, "overfitting_onset" {best_step, best_val_loss}, ...
struct EventRecord {
  std::int64_t step = 0;
  std::int64_t tokens = 0;
  std::string kind;
  nlohmann::json data;
  double wall_s = 0.0;
};

struct RunSummary {
  std::string status;  // finished | failed | interrupted
  std::int64_t steps = 0;
  double final_val_loss = 0.0;  // 0 (and best_* too) when no evaluation ran
  double best_val_loss = 0.0;
  std::int64_t best_step = 0;
  double wall_s = 0.0;
  std::string error;  // for failed runs
};

class MetricsSink {
 public:
  virtual ~MetricsSink() = default;
  virtual void run_started(const RunStartRecord&) {}
  virtual void step(const StepRecord&) {}
  virtual void eval(const EvalRecord&) {}
  virtual void event(const EventRecord&) {}
  virtual void run_finished(const RunSummary&) {}
  // Makes what was recorded so far durable. Called before a checkpoint is written: a run resumed
  // from it continues after its step, so every row up to that step must be stored first.
  virtual void flush() {}
};

// Fans every record out to several sinks (not owned), in the order they were added.
class MetricsFanout : public MetricsSink {
 public:
  void add(MetricsSink* sink) { sinks_.push_back(sink); }
  void run_started(const RunStartRecord& r) override { for (auto* s : sinks_) s->run_started(r); }
  void step(const StepRecord& r) override { for (auto* s : sinks_) s->step(r); }
  void eval(const EvalRecord& r) override { for (auto* s : sinks_) s->eval(r); }
  void event(const EventRecord& r) override { for (auto* s : sinks_) s->event(r); }
  void run_finished(const RunSummary& r) override { for (auto* s : sinks_) s->run_finished(r); }
  void flush() override { for (auto* s : sinks_) s->flush(); }

 private:
  std::vector<MetricsSink*> sinks_;
};

}  // namespace wb
