// An experiment: a base run spec plus sweeps that expand it into runs: a `grid` (cartesian
// product over dotted paths, e.g. epochs at a fixed token budget, model sizes, dropout rates)
// and a `runs` list (one set of overrides per run), or both crossed.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "spec/run_spec.hpp"

namespace wb {

struct ExperimentRun {
  RunSpec spec;
  nlohmann::json grid_point;     // e.g. {"data.epochs": 4}; empty object for a spec without grid
  nlohmann::json run_overrides;  // the `runs` entry, without "name"; empty object without `runs`
};

struct ExperimentSpec {
  std::string name;
  std::string description;
  nlohmann::json source;  // the spec as written, stored with the experiment
  std::vector<ExperimentRun> runs;
};

// Validates the whole document and expands its sweeps.
// - `grid`: dotted path -> non-empty array of values; the cartesian product (keys in
//   alphabetical order, the last key varying fastest). A path may name any run-spec field
//   ("data.epochs", "model.dropout", "model", ...); a path the run spec does not know is an error
//   that names the grid key.
// - `runs`: an array of objects, one run each: keys are dotted paths or nested objects applied to
//   the base; "name" labels the run (else a label is made from its overrides).
// - both: every `runs` entry crossed with the grid (entry outer, grid inner); the grid's values are
//   applied after the entry's, so a grid key wins over the same field in an entry.
// A value that is an object is merged into the object at its path. Setting data.epochs drops
// data.unique_tokens and vice versa, so a sweep can vary either at a fixed token budget.
// Runs are named NAME/LABEL, with LABEL the entry's name and the grid point's KEY=VALUE pairs.
ExperimentSpec parse_experiment(const nlohmann::json& document);

// Reads and parses a spec file; errors name the file.
ExperimentSpec load_experiment_file(const std::string& path);

// Throws SpecError naming the first run whose batch cannot be split over `world_size` ranks:
// every launch path checks before it starts (or queues) anything.
void check_rank_split(const ExperimentSpec& experiment, int world_size);

}  // namespace wb
