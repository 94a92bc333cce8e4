// Formats experiment outcomes as a plain-text table and as JSON.
#include "cli/summary_table.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cli/progress_bar.hpp"

namespace wb {

std::string format_summary_table(const std::vector<RunOutcome>& runs) {
  const auto degradation = degradation_percent(runs);
  std::size_t name_width = 4;
  for (const auto& r : runs) name_width = std::max(name_width, r.name.size());
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line, "%5s  %-*s  %-11s %7s %13s %10s %9s %9s %10s %11s\n", "run",
                static_cast<int>(name_width), "name", "status", "epochs", "unique tok", "final val",
                "best val", "at step", "overfit@", "vs 1 ep.");
  out += line;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& r = runs[i];
    const std::string onset = r.onset_step >= 0 ? std::to_string(r.onset_step) : "-";
    char final_loss[16] = "-", best_loss[16] = "-", best_step[24] = "-", change[24] = "-";
    if (r.evaluated) {
      std::snprintf(final_loss, sizeof final_loss, "%.4f", r.final_val_loss);
      std::snprintf(best_loss, sizeof best_loss, "%.4f", r.best_val_loss);
      std::snprintf(best_step, sizeof best_step, "%lld", static_cast<long long>(r.best_step));
    }
    if (!std::isnan(degradation[i])) std::snprintf(change, sizeof change, "%+.2f%%", degradation[i]);
    std::snprintf(line, sizeof line, "%5lld  %-*s  %-11s %7.2f %13s %10s %9s %9s %10s %11s\n",
                  static_cast<long long>(r.run_id), static_cast<int>(name_width), r.name.c_str(),
                  r.status.c_str(), r.epochs, format_count(static_cast<double>(r.unique_tokens)).c_str(),
                  final_loss, best_loss, best_step, onset.c_str(), change);
    out += line;
  }
  return out;
}

nlohmann::json summary_json(const std::vector<RunOutcome>& runs) {
  const auto degradation = degradation_percent(runs);
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& r = runs[i];
    const auto loss = [&](double v) { return r.evaluated ? nlohmann::json(v) : nlohmann::json(); };
    rows.push_back({{"run_id", r.run_id}, {"name", r.name}, {"status", r.status}, {"epochs", r.epochs},
                    {"unique_tokens", r.unique_tokens}, {"train_tokens", r.train_tokens},
                    {"final_val_loss", loss(r.final_val_loss)}, {"best_val_loss", loss(r.best_val_loss)},
                    {"best_step", r.best_step}, {"overfitting_onset_step", r.onset_step},
                    {"degradation_percent", std::isnan(degradation[i]) ? nlohmann::json() : nlohmann::json(degradation[i])},
                    {"wall_s", r.wall_s}});
  }
  return rows;
}

}  // namespace wb
