// MetricsSink that writes a run's records into the run store: metrics in batched transactions
// (flushed at every evaluation, before every checkpoint, every 2 seconds and at the end, so a
// killed run loses at most the
// last two seconds of per-step losses), events at once, and the final status.
#pragma once

#include <chrono>
#include <cstdint>
#include <vector>

#include "common/metrics_sink.hpp"
#include "store/run_store.hpp"

namespace wb {

class StoreSink : public MetricsSink {
 public:
  StoreSink(RunStore& store, std::int64_t run_id);
  ~StoreSink() override;  // flushes

  // Drops records after record.start_step (a resume logs them again), status -> running.
  void run_started(const RunStartRecord& record) override;
  void step(const StepRecord& record) override;              // "train/loss", "lr"
  void eval(const EvalRecord& record) override;  // "eval/train_loss", "eval/val_loss", "tokens_per_s"
  void event(const EventRecord& record) override;
  void run_finished(const RunSummary& summary) override;  // flush + status
  void flush() override;

 private:
  RunStore& store_;
  std::int64_t run_id_;
  std::vector<MetricRow> pending_;
  std::chrono::steady_clock::time_point last_flush_;
};

}  // namespace wb
