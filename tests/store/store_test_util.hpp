// Small fixtures shared by the run store tests: a database with one experiment and one run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/errors.hpp"
#include "store/run_store.hpp"

namespace wb::test {

inline RunEnvironment sample_environment() {
  return {"testhost", "0.1.0 (git abc1234)", R"({"sqlite": "3.40.1"})", 4242};
}

struct SampleRun {
  RunStore store;
  std::int64_t experiment_id;
  std::int64_t run_id;
};

inline SampleRun make_sample_run(const std::filesystem::path& db,
                                 const std::string& name = "run-a") {
  RunStore store = RunStore::open(db);
  const std::int64_t experiment = store.create_experiment("token-crisis-mini", R"({"n_layer": 2})");
  const std::int64_t run =
      store.create_run(experiment, name, R"({"epochs": 4})", sample_environment());
  return {std::move(store), experiment, run};
}

// One metric row per step for steps (first, last].
inline std::vector<MetricRow> losses(std::int64_t first, std::int64_t last,
                                     const std::string& name = "train/loss") {
  std::vector<MetricRow> rows;
  for (std::int64_t step = first + 1; step <= last; ++step)
    rows.push_back(
        {step, step * 1024, step / 100.0, name, 10.0 / static_cast<double>(step), step * 0.01});
  return rows;
}

}  // namespace wb::test
