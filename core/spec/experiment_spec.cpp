// Experiment documents: validation of the base spec and expansion of the `grid` into runs.
#include "spec/experiment_spec.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "common/errors.hpp"
#include "spec/spec_reader.hpp"

namespace wb {
namespace {

constexpr std::size_t kMaxGridRuns = 1000;
const std::vector<std::string> kSections = {"data", "model", "optimizer", "training"};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream in(path);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
  return parts;
}

// Sets `value` at a dotted path; an object value is merged into an existing object there.
void apply_grid_value(nlohmann::json& spec, const std::string& path, const nlohmann::json& value) {
  auto parts = split_path(path);
  nlohmann::json* node = &spec;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) node = &(*node)[parts[i]];
  nlohmann::json& target = (*node)[parts.back()];
  if (value.is_object() && target.is_object()) {
    target.merge_patch(value);
  } else {
    target = value;
  }
  // A sweep over one of U or R at a fixed budget replaces the other.
  if (path == "data.epochs") (*node).erase("unique_tokens");
  if (path == "data.unique_tokens") (*node).erase("epochs");
}

std::string label_value(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) return format_number(value.get<double>());
  if (!value.is_object()) return value.dump();
  std::string out;
  for (const auto& [k, v] : value.items()) out += (out.empty() ? "" : ",") + k + "=" + label_value(v);
  return out;
}

std::string grid_label(const nlohmann::json& point) {
  std::string out;
  for (const auto& [path, value] : point.items()) {
    std::string key = split_path(path).back();
    out += (out.empty() ? "" : ",") + (value.is_object() ? label_value(value) : key + "=" + label_value(value));
  }
  return out;
}

std::vector<nlohmann::json> expand_grid(const nlohmann::json& grid) {
  SpecReader check(grid, "grid");
  std::vector<nlohmann::json> points = {nlohmann::json::object()};
  for (const auto& [path, values] : grid.items()) {
    auto parts = split_path(path);
    if (parts.empty() || std::find(kSections.begin(), kSections.end(), parts.front()) == kSections.end())
      throw SpecError("grid." + path + ": unknown path; grid keys are dotted paths into the spec "
                      "starting with data, model, optimizer or training (e.g. \"data.epochs\")");
    if (!values.is_array() || values.empty())
      throw SpecError("grid." + path + ": " + values.dump() + " is not allowed; allowed: a non-empty array of values");
    std::vector<nlohmann::json> next;
    for (const auto& point : points) {
      for (const auto& value : values) {
        auto p = point;
        p[path] = value;
        next.push_back(std::move(p));
      }
    }
    points = std::move(next);
    if (points.size() > kMaxGridRuns)
      throw SpecError("grid: expands to more than " + std::to_string(kMaxGridRuns) +
                      " runs; split the experiment into several specs");
  }
  return points;
}

}  // namespace

ExperimentSpec parse_experiment(const nlohmann::json& document) {
  SpecReader top(document, "");
  ExperimentSpec experiment;
  experiment.source = document;
  top.text("name", experiment.name);
  if (experiment.name.empty()) throw SpecError("name: missing; give the experiment a name, e.g. \"my-sweep\"");
  if (top.has("description")) top.text("description", experiment.description);
  if (top.has("schema")) {
    std::string schema;
    top.choice("schema", schema, {"workbench.experiment/1", "workbench.run/1"});
  }

  nlohmann::json base = document;
  base.erase("grid");
  base.erase("description");
  base.erase("schema");
  parse_run_spec(base);  // errors in the base spec are reported without grid context

  const nlohmann::json grid = document.contains("grid") ? document.at("grid") : nlohmann::json::object();
  for (const auto& point : expand_grid(grid)) {
    nlohmann::json run = base;
    for (const auto& [path, value] : point.items()) apply_grid_value(run, path, value);
    std::string label = grid_label(point);
    run["name"] = label.empty() ? experiment.name : experiment.name + "/" + label;
    try {
      experiment.runs.push_back({parse_run_spec(run), point});
    } catch (const SpecError& e) {
      throw SpecError("grid point " + point.dump() + ": " + e.what(), e.fix());
    }
  }
  return experiment;
}

ExperimentSpec load_experiment_file(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw SpecError("cannot read spec file " + path,
                    "check the path, or name a preset (`workbench-cli presets list`)");
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(in, nullptr, true, /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    throw SpecError(path + ": not valid JSON (" + std::string(e.what()) + ")",
                    "fix the JSON syntax at the byte offset shown");
  }
  try {
    return parse_experiment(document);
  } catch (const SpecError& e) {
    throw SpecError(path + ": " + e.what(), e.fix());
  }
}

}  // namespace wb
