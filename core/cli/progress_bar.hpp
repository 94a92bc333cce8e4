// MetricsSink that draws a progress bar with loss, tokens/s and ETA on stderr. On a terminal it
// redraws one line (at most 10 times a second); in a log file it prints a line per evaluation.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "cli/recent_pace.hpp"
#include "common/metrics_sink.hpp"

namespace wb {

class ProgressBar : public MetricsSink {
 public:
  explicit ProgressBar(std::FILE* out = stderr);
  void run_started(const RunStartRecord& record) override;
  void step(const StepRecord& record) override;
  void eval(const EvalRecord& record) override;
  void event(const EventRecord& record) override;
  void run_finished(const RunSummary& summary) override;

 private:
  void draw(const StepRecord& record, bool force);
  std::FILE* out_;
  bool tty_;
  std::string name_;
  double last_val_loss_ = -1.0;
  RecentPace pace_;  // for the ETA; per run
  std::int64_t total_steps_ = 0;
  std::chrono::steady_clock::time_point last_draw_{};
};

// One line of status on stderr, flushed ("tokenizing brown (train): 128/474 documents").
void print_status_line(const std::string& message);
// "1m05s", "2h03m", "12s"
std::string format_duration(double seconds);
// "12.3k", "1.05M"
std::string format_count(double value);

}  // namespace wb
