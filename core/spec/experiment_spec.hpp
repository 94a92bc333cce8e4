// An experiment: a base run spec plus a `grid` that expands into runs (e.g. over epochs at a fixed
// token budget, model sizes, dropout rates).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "spec/run_spec.hpp"

namespace wb {

struct ExperimentRun {
  RunSpec spec;
  nlohmann::json grid_point;  // e.g. {"data.epochs": 4}; empty object for a spec without grid
};

struct ExperimentSpec {
  std::string name;
  std::string description;
  nlohmann::json source;  // the spec as written, stored with the experiment
  std::vector<ExperimentRun> runs;
};

// Validates the whole document and expands the grid (cartesian product; keys in alphabetical
// order, the last key varying fastest). Grid keys are dotted paths into the spec ("data.epochs", "model.dropout", "model");
// a value that is an object is merged into that path. Setting data.epochs drops
// data.unique_tokens and vice versa, so a grid can sweep either at a fixed token budget.
ExperimentSpec parse_experiment(const nlohmann::json& document);

// Reads and parses a spec file; errors name the file.
ExperimentSpec load_experiment_file(const std::string& path);

}  // namespace wb
