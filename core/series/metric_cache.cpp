// MetricCache: incremental reads of the shown runs' metric points, with parallel first reads.
#include "series/metric_cache.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <thread>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "series/run_figure.hpp"

namespace wb::series {
namespace {

// SQLite reads a row in roughly 0.3 us on the development machine, so a first read of 50 runs of
// 100k points takes 1.5 s on one core; each core gets its own connection (a connection serves
// one thread at a time). More than 4 helps little: the page cache and the disk are shared.
constexpr unsigned kMaxReaders = 4;

void note_best(MetricCache::Run& run, std::size_t from) {
  for (std::size_t i = from; i < run.points.size(); ++i) {
    const double value = run.points[i].value;
    if (std::isfinite(value) && (!run.best || value < run.points[*run.best].value)) run.best = i;
  }
}

// The last overfitting_onset event's onset step (trainer.cpp writes it when the detector confirms).
std::optional<std::int64_t> read_onset_step(const RunStore& store, std::int64_t run_id) {
  std::optional<std::int64_t> step;
  for (const auto& event : store.events(run_id, "overfitting_onset")) {
    const auto data = nlohmann::json::parse(event.data_json, nullptr, false);
    if (data.is_object() && data.contains("onset_step") && data["onset_step"].is_number())
      step = data["onset_step"].get<std::int64_t>();
  }
  return step;
}

}  // namespace

void MetricCache::clear() {
  // next_generation_ keeps counting: a FigureMemo of the old points can never match the new ones.
  runs_.clear();
  metric_.clear();
  store_path_.clear();
}

const MetricCache::Run* MetricCache::find(std::int64_t run_id) const {
  const auto it = runs_.find(run_id);
  return it == runs_.end() ? nullptr : &it->second;
}

void MetricCache::update(const RunStore& store, const std::vector<RunRow>& runs, const std::string& metric) {
  if (metric != metric_ || store.path().string() != store_path_) {
    clear();
    metric_ = metric;
    store_path_ = store.path().string();
  }
  std::unordered_set<std::int64_t> shown;
  for (const auto& run : runs) shown.insert(run.id);
  std::erase_if(runs_, [&](const auto& entry) { return !shown.contains(entry.first); });

  std::vector<std::int64_t> unread;
  for (const auto& run : runs) {
    const auto it = runs_.find(run.id);
    if (it == runs_.end() || !append_new_rows(store, run.id, it->second)) unread.push_back(run.id);
  }
  read_from_start(store, unread);
  if (metric_ == kValidationLoss)
    for (auto& [id, run] : runs_) run.onset_step = read_onset_step(store, id);
}

bool MetricCache::append_new_rows(const RunStore& store, std::int64_t run_id, Run& run) {
  if (run.points.empty()) {  // not started yet, or no row of this metric: nothing to check
    run.points = store.metric_points(run_id, metric_);
    stats_.rows_read += run.points.size();
    note_best(run, 0);
    return true;
  }
  // Read from the last cached step on, not after it: the rows of that step come back first and
  // must be the cached ones. A run resumed from a checkpoint had its later rows deleted and
  // logged again (other wall times), so a changed or missing tail means: read it all again.
  const std::int64_t last_step = run.points.back().step;
  auto tail_begin = run.points.end();
  while (tail_begin != run.points.begin() && std::prev(tail_begin)->step == last_step) --tail_begin;
  const auto tail = static_cast<std::size_t>(run.points.end() - tail_begin);
  const auto rows = store.metric_points(run_id, metric_, last_step - 1);
  stats_.rows_read += rows.size();
  if (rows.size() < tail || !std::equal(tail_begin, run.points.end(), rows.begin())) return false;
  const std::size_t old_size = run.points.size();
  run.points.insert(run.points.end(), rows.begin() + static_cast<std::ptrdiff_t>(tail), rows.end());
  note_best(run, old_size);
  return true;
}

void MetricCache::read_from_start(const RunStore& store, const std::vector<std::int64_t>& run_ids) {
  if (run_ids.empty()) return;
  std::vector<std::vector<MetricPoint>> read(run_ids.size());
  std::atomic<std::size_t> next{0};
  const auto read_some = [&](const RunStore& connection) {
    for (std::size_t i = next++; i < run_ids.size(); i = next++) read[i] = connection.metric_points(run_ids[i], metric_);
  };
  // Helper connections are opened per call and closed after it: first reads are rare (a new
  // selection or metric, a resumed run), and a fresh connection can never see a stale file.
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t wanted = std::min<std::size_t>({cores, kMaxReaders, run_ids.size()}) - 1;
  std::vector<RunStore> helpers;
  for (std::size_t i = 0; i < wanted; ++i) {
    try {
      helpers.push_back(RunStore::open(store.path(), RunStore::Mode::kReadOnly));
    } catch (const StoreError&) {
      break;  // e.g. the file went away: the caller's connection reads the rest on its own
    }
  }
  std::vector<std::exception_ptr> errors(helpers.size() + 1);
  std::vector<std::thread> threads;
  for (std::size_t h = 0; h < helpers.size(); ++h)
    threads.emplace_back([&, h] {
      try {
        read_some(helpers[h]);
      } catch (...) {
        errors[h + 1] = std::current_exception();
      }
    });
  try {
    read_some(store);
  } catch (...) {
    errors[0] = std::current_exception();
  }
  for (auto& thread : threads) thread.join();
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);

  for (std::size_t i = 0; i < run_ids.size(); ++i) {
    Run run;
    run.points = std::move(read[i]);
    run.generation = next_generation_++;
    note_best(run, 0);
    stats_.rows_read += run.points.size();
    ++stats_.full_reads;
    runs_[run_ids[i]] = std::move(run);
  }
}

}  // namespace wb::series
