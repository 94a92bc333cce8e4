// The metric points of the runs a view shows, read once and then kept up to date: an update reads
// only the rows after the last step it has (live runs append), re-reads a run whose history
// changed (a resumed run is cut back to its checkpoint and logs those steps again), and forgets
// runs no longer shown. First reads of several runs go out on parallel read-only connections,
// one per core. figure_from_cache (run_figure.hpp) draws from it without touching the store.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/run_store.hpp"

namespace wb::series {

class MetricCache {
 public:
  struct Run {
    std::vector<MetricPoint> points;  // in step order, as RunStore::metric_points returns them
    // Changes whenever `points` was replaced rather than appended to: whatever was derived from
    // the points before must then be derived again.
    std::uint64_t generation = 0;
    std::optional<std::size_t> best;          // index of the lowest finite value (first of equals)
    std::optional<std::int64_t> onset_step;   // validation loss only: the last overfitting onset
  };

  // Counters since construction, for tests and the benchmark.
  struct Stats {
    std::size_t full_reads = 0;  // runs read from their first row
    std::size_t rows_read = 0;   // rows fetched, full and incremental reads together
  };

  // Brings the cache up to `runs`' current rows of `metric`; runs not in `runs` are dropped. A
  // different metric, or a store at another path, starts over. Throws StoreError.
  void update(const RunStore& store, const std::vector<RunRow>& runs, const std::string& metric);
  void clear();

  const std::string& metric() const { return metric_; }
  const Run* find(std::int64_t run_id) const;
  std::size_t size() const { return runs_.size(); }
  const Stats& stats() const { return stats_; }

 private:
  // Reads the rows after the last cached step into `run`; false when the cached tail is no longer
  // in the store as it was (the run must be read again from the start).
  bool append_new_rows(const RunStore& store, std::int64_t run_id, Run& run);
  void read_from_start(const RunStore& store, const std::vector<std::int64_t>& run_ids);

  std::string metric_;
  std::string store_path_;
  std::unordered_map<std::int64_t, Run> runs_;
  std::uint64_t next_generation_ = 1;
  Stats stats_;
};

}  // namespace wb::series
