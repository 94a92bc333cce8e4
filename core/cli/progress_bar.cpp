// Terminal progress for long runs: step, loss, validation loss, throughput and ETA.
#include "cli/progress_bar.hpp"

#include <unistd.h>

#include <cmath>

namespace wb {

void print_status_line(const std::string& message) {
  std::fprintf(stderr, "%s\n", message.c_str());
  std::fflush(stderr);
}

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  const long s = std::lround(seconds);
  char buffer[32];
  if (s >= 3600) std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", s / 3600, (s % 3600) / 60);
  else if (s >= 60) std::snprintf(buffer, sizeof buffer, "%ldm%02lds", s / 60, s % 60);
  else std::snprintf(buffer, sizeof buffer, "%lds", s);
  return buffer;
}

std::string format_count(double v) {
  char buffer[32];
  if (v >= 1e9) std::snprintf(buffer, sizeof buffer, "%.2fG", v / 1e9);
  else if (v >= 1e6) std::snprintf(buffer, sizeof buffer, "%.2fM", v / 1e6);
  else if (v >= 1e3) std::snprintf(buffer, sizeof buffer, "%.1fk", v / 1e3);
  else std::snprintf(buffer, sizeof buffer, "%.0f", v);
  return buffer;
}

ProgressBar::ProgressBar(std::FILE* out) : out_(out), tty_(isatty(fileno(out)) != 0) {}

void ProgressBar::run_started(const RunStartRecord& r) {
  name_ = r.name;
  last_val_loss_ = -1.0;
  pace_ = RecentPace();
  const std::string from = r.start_step > 0 ? " from its checkpoint at step " + std::to_string(r.start_step) : "";
  std::fprintf(out_, "%s %s%s: %s parameters on %s, %s steps, %s unique tokens x %.2f epochs\n",
               r.start_step > 0 ? "resuming" : "training", r.name.c_str(), from.c_str(),
               format_count(static_cast<double>(r.parameters)).c_str(), r.device.c_str(),
               format_count(r.plan.value("total_steps", 0.0)).c_str(),
               format_count(r.plan.value("unique_tokens", 0.0)).c_str(), r.plan.value("epochs", 0.0));
  std::fflush(out_);
}

void ProgressBar::draw(const StepRecord& r, bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  const double fraction = static_cast<double>(r.step) / static_cast<double>(std::max<std::int64_t>(1, r.total_steps));
  const int width = 24;
  const int filled = static_cast<int>(fraction * width);
  std::string bar(filled, '#');
  bar += std::string(width - filled, '.');
  const double eta = pace_.seconds_left(r.total_steps);
  char val[32] = "";
  if (last_val_loss_ >= 0) std::snprintf(val, sizeof val, " val %.4f", last_val_loss_);
  std::fprintf(out_, "%s[%s] %3.0f%% step %lld/%lld epoch %.2f loss %.4f%s %s tok/s ETA %s%s",
               tty_ ? "\r\033[K" : "", bar.c_str(), 100.0 * fraction, static_cast<long long>(r.step),
               static_cast<long long>(r.total_steps), r.epoch, r.loss, val,
               format_count(r.tokens_per_s).c_str(), format_duration(eta).c_str(), tty_ ? "" : "\n");
  std::fflush(out_);
}

void ProgressBar::step(const StepRecord& r) {
  pace_.add(r.step, r.wall_s);  // wall_s goes on from the checkpoint's after a resume: one pace
  total_steps_ = r.total_steps;
  if (tty_) draw(r, r.step == r.total_steps);
}

void ProgressBar::eval(const EvalRecord& r) {
  last_val_loss_ = r.val_loss;
  if (!tty_) {
    std::fprintf(out_, "%s step %lld/%lld epoch %.2f train %.4f val %.4f %s tok/s %s ETA %s\n", name_.c_str(),
                 static_cast<long long>(r.step), static_cast<long long>(total_steps_), r.epoch, r.train_loss,
                 r.val_loss, format_count(r.tokens_per_s).c_str(), format_duration(r.wall_s).c_str(),
                 format_duration(pace_.seconds_left(total_steps_)).c_str());
    std::fflush(out_);
  }
}

void ProgressBar::event(const EventRecord& r) {
  if (r.kind == "cuda_graphs") {
    if (r.data.value("recorded", false))
      std::fprintf(out_, "%s%s: step recorded as a CUDA graph at step %lld, replayed from there\n", tty_ ? "\r\033[K" : "",
                   name_.c_str(), static_cast<long long>(r.step));
    else
      std::fprintf(out_, "%s%s: no CUDA graphs: %s\n", tty_ ? "\r\033[K" : "", name_.c_str(),
                   r.data.value("reason", std::string("unknown")).c_str());
    return;
  }
  if (r.kind != "overfitting_onset") return;
  std::fprintf(out_, "%s%s: overfitting from step %lld, epoch %.2f (best val loss %.4f at epoch %.2f)\n",
               tty_ ? "\r\033[K" : "", name_.c_str(), static_cast<long long>(r.data.value("onset_step", 0)),
               r.data.value("onset_epoch", 0.0), r.data.value("best_val_loss", 0.0), r.data.value("epoch_at_best", 0.0));
}

void ProgressBar::run_finished(const RunSummary& s) {
  char losses[96] = "before its first evaluation";  // a cross-entropy is never 0: 0 means none ran
  if (s.final_val_loss > 0)
    std::snprintf(losses, sizeof losses, "final val loss %.4f (best %.4f at step %lld)", s.final_val_loss,
                  s.best_val_loss, static_cast<long long>(s.best_step));
  std::fprintf(out_, "%s%s: %s after %lld steps in %s, %s\n", tty_ ? "\r\033[K" : "", name_.c_str(),
               s.status.c_str(), static_cast<long long>(s.steps), format_duration(s.wall_s).c_str(), losses);
  std::fflush(out_);
}

}  // namespace wb
