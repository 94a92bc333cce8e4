// MetricsSink that writes one versioned JSON object per line (flushed per line) for tools that
// drive workbench-cli remotely: {"v": 1, "type": "step" | "eval" | "event" | "run_started" |
// "run_finished" | "experiment_finished" | "detached", ...}. docs/cli.md documents every field.
#pragma once

#include <cstdio>

#include "common/metrics_sink.hpp"

namespace wb {

class JsonlEvents : public MetricsSink {
 public:
  static constexpr int kVersion = 1;
  explicit JsonlEvents(std::FILE* out = stdout) : out_(out) {}
  void run_started(const RunStartRecord& record) override;
  void step(const StepRecord& record) override;
  void eval(const EvalRecord& record) override;
  void event(const EventRecord& record) override;
  void run_finished(const RunSummary& summary) override;
  void write(nlohmann::json object);  // adds "v" and "run", writes, flushes

 private:
  std::FILE* out_;
  std::int64_t run_id_ = 0;
  std::string run_name_;
};

}  // namespace wb
