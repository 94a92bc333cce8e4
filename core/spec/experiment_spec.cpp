// Experiment documents: validation of the base spec and expansion of its sweeps (`grid` and
// `runs`) into runs. Nothing here lists the run spec's sections: a sweep may set any field, and
// the run-spec parser decides what exists, so new sections need no change here.
#include "spec/experiment_spec.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "common/errors.hpp"
#include "spec/spec_reader.hpp"

namespace wb {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxRuns = 1000;
// Keys of the experiment document itself: no sweep may set them in a run.
const std::vector<std::string> kExperimentKeys = {"name", "description", "schema", "grid", "runs"};

// One value a sweep sets in a run: where it was written (for messages), its path and value.
struct Override {
  std::string origin;  // "grid" or "runs[2]"
  std::string path;    // "model.dropout"
  json value;
  std::string where() const { return origin + "." + path; }
};

// One element of `runs` (or the single implicit entry of a spec without `runs`).
struct RunEntry {
  std::string origin;  // "runs[2]"; empty for the implicit entry
  std::string label;   // its "name", or a label made from its overrides
  json overrides = json::object();
};

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::stringstream in(path);
  for (std::string part; std::getline(in, part, '.');) parts.push_back(part);
  if (!path.empty() && path.back() == '.') parts.emplace_back();
  return parts;
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

void check_path(const std::string& where, const std::string& path) {
  const auto parts = split_path(path);
  if (parts.empty() || std::any_of(parts.begin(), parts.end(), [](auto& p) { return p.empty(); }))
    throw SpecError(where + ": not a dotted path into the run spec",
                    "write paths as section.field, e.g. \"data.epochs\", or a whole section, e.g. \"model\"");
  if (std::find(kExperimentKeys.begin(), kExperimentKeys.end(), parts.front()) != kExperimentKeys.end())
    throw SpecError(where + ": \"" + parts.front() + "\" is a field of the experiment, not of a run",
                    "sweep run fields only (e.g. \"data.epochs\", \"model.dropout\"); a `runs` entry's "
                    "\"name\" labels it");
}

// True when applying `o` sets the field at `target` (e.g. {"data", "epochs"}), whether by its
// path ("data.epochs") or inside an object value ("data": {"epochs": 4}).
bool sets_field(const Override& o, const std::vector<std::string>& target) {
  const auto parts = split_path(o.path);
  if (parts.size() > target.size() || !std::equal(parts.begin(), parts.end(), target.begin())) return false;
  const json* value = &o.value;
  for (std::size_t i = parts.size(); i < target.size(); ++i) {
    if (!value->is_object() || !value->contains(target[i])) return false;
    value = &value->at(target[i]);
  }
  return true;
}

// Sets the value at its dotted path; an object value is merged into an existing object there.
void apply_override(json& spec, const Override& o) {
  const auto parts = split_path(o.path);
  json* node = &spec;
  std::string walked;
  for (std::size_t i = 0; i + 1 < parts.size(); ++i) {
    walked += (walked.empty() ? "" : ".") + parts[i];
    json& child = (*node)[parts[i]];
    if (child.is_null()) child = json::object();
    if (!child.is_object())
      throw SpecError(o.where() + ": " + walked + " is " + child.dump() + ", not an object, so it has no field \"" +
                          parts[i + 1] + "\"",
                      "sweep the whole of " + walked + " instead (e.g. \"" + walked + "\": [...])");
    node = &child;
  }
  json& target = (*node)[parts.back()];
  if (o.value.is_object() && target.is_object()) {
    target.merge_patch(o.value);
  } else {
    target = o.value;
  }
  // A sweep over one of U or R at a fixed budget replaces the other (setting both is left to the
  // run-spec parser, which says to give one).
  const bool sets_epochs = sets_field(o, {"data", "epochs"});
  const bool sets_unique = sets_field(o, {"data", "unique_tokens"});
  if (sets_epochs != sets_unique && spec.contains("data") && spec["data"].is_object())
    spec["data"].erase(sets_epochs ? "unique_tokens" : "epochs");
}

std::string label_value(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_float()) return format_number(value.get<double>());
  if (!value.is_object()) return value.dump();
  std::string out;
  for (const auto& [k, v] : value.items()) {
    if (!out.empty()) out += ',';
    out.append(k).append("=").append(label_value(v));
  }
  return out;
}

// "epochs=4,dropout=0.1" for {"data.epochs": 4, "model.dropout": 0.1}.
std::string overrides_label(const json& overrides) {
  std::string out;
  for (const auto& [path, value] : overrides.items()) {
    if (!out.empty()) out += ',';
    if (!value.is_object()) out.append(split_path(path).back()).append("=");
    out.append(label_value(value));
  }
  return out;
}

std::vector<json> expand_grid(const json& grid) {
  SpecReader check(grid, "grid");
  std::vector<json> points = {json::object()};
  for (const auto& [path, values] : grid.items()) {
    check_path("grid." + path, path);
    if (!values.is_array() || values.empty())
      throw SpecError("grid." + path + ": " + values.dump() + " is not allowed; allowed: a non-empty array of values");
    std::vector<json> next;
    for (const auto& point : points) {
      for (const auto& value : values) {
        auto p = point;
        p[path] = value;
        next.push_back(std::move(p));
      }
    }
    points = std::move(next);
    if (points.size() > kMaxRuns)
      throw SpecError("grid: expands to more than " + std::to_string(kMaxRuns) +
                      " runs; split the experiment into several specs");
  }
  return points;
}

std::vector<RunEntry> read_run_entries(const json& document) {
  if (!document.contains("runs")) return {RunEntry{}};
  const json& runs = document.at("runs");
  if (!runs.is_array() || runs.empty())
    throw SpecError("runs: " + runs.dump() + " is not allowed; allowed: a non-empty array of objects",
                    "give one object of overrides per run, e.g. \"runs\": [{\"name\": \"small\", \"model.n_layer\": 2}]");
  if (runs.size() > kMaxRuns)
    throw SpecError("runs: more than " + std::to_string(kMaxRuns) + " entries; split the experiment into several specs");
  std::vector<RunEntry> entries;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    RunEntry entry;
    entry.origin = "runs[" + std::to_string(i) + "]";
    const json& element = runs[i];
    if (!element.is_object())
      throw SpecError(entry.origin + ": " + element.dump() + " is not an object",
                      "give one run's overrides as an object, e.g. {\"name\": \"small\", \"model.n_layer\": 2}");
    for (const auto& [key, value] : element.items()) {
      if (key == "name") {
        if (!value.is_string() || value.get<std::string>().empty())
          throw SpecError(entry.origin + ".name: " + value.dump() + " is not allowed; allowed: a non-empty string");
        entry.label = value.get<std::string>();
        continue;
      }
      check_path(entry.origin + "." + key, key);
      entry.overrides[key] = value;
    }
    if (entry.label.empty()) entry.label = overrides_label(entry.overrides);
    entries.push_back(std::move(entry));
  }
  return entries;
}

// The run-spec parser names the field it rejects ("model.n_hed: unknown key ..."). When a sweep
// introduced that field, the message names the sweep key instead, which is where the typo is.
[[noreturn]] void rethrow_in_context(const SpecError& e, const std::vector<Override>& overrides,
                                     const std::string& context) {
  const std::string message = e.what();
  const auto colon = message.find(": ");
  if (colon != std::string::npos && message.compare(colon, 13, ": unknown key") == 0) {
    const std::string field = message.substr(0, colon);
    for (const auto& o : overrides) {
      if (field == o.path || starts_with(field, o.path + ".")) throw SpecError(o.origin + "." + message, e.fix());
      if (starts_with(o.path, field + ".")) throw SpecError(o.where() + ": " + message, e.fix());
    }
  }
  throw SpecError(context + ": " + message, e.fix());
}

std::string run_context(const RunEntry& entry, const json& point) {
  std::string context = entry.origin;
  if (!entry.origin.empty() && !entry.label.empty()) context += " (\"" + entry.label + "\")";
  if (!point.empty()) context += (context.empty() ? "grid point " : " at grid point ") + point.dump();
  return context.empty() ? "run" : context;
}

}  // namespace

ExperimentSpec parse_experiment(const json& document) {
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

  json base = document;
  for (const char* key : {"grid", "runs", "description", "schema"}) base.erase(key);
  parse_run_spec(base);  // errors in the base spec are reported without sweep context

  const json grid = document.contains("grid") ? document.at("grid") : json::object();
  const auto points = expand_grid(grid);
  const auto entries = read_run_entries(document);
  if (entries.size() * points.size() > kMaxRuns)
    throw SpecError("runs x grid: " + std::to_string(entries.size()) + " entries x " + std::to_string(points.size()) +
                    " grid points is more than " + std::to_string(kMaxRuns) +
                    " runs; split the experiment into several specs");

  std::set<std::string> names;
  for (const auto& entry : entries) {
    for (const auto& point : points) {
      std::vector<Override> overrides;
      for (const auto& [path, value] : entry.overrides.items()) overrides.push_back({entry.origin, path, value});
      for (const auto& [path, value] : point.items()) overrides.push_back({"grid", path, value});
      json run = base;
      for (const auto& o : overrides) apply_override(run, o);
      const std::string grid_label = overrides_label(point);
      std::string label = entry.label;
      if (!grid_label.empty()) label += (label.empty() ? "" : ",") + grid_label;
      run["name"] = label.empty() ? experiment.name : experiment.name + "/" + label;
      const std::string context = run_context(entry, point);
      if (!names.insert(run["name"].get<std::string>()).second)
        throw SpecError(context + ": a second run named \"" + run["name"].get<std::string>() + "\"",
                        "give each `runs` entry its own \"name\", and each grid value once");
      try {
        experiment.runs.push_back({parse_run_spec(run), point, entry.overrides});
      } catch (const SpecError& e) {
        rethrow_in_context(e, overrides, context);
      }
    }
  }
  return experiment;
}

ExperimentSpec load_experiment_file(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw SpecError("cannot read spec file " + path,
                    "check the path, or name a preset (`workbench-cli presets list`)");
  json document;
  try {
    document = json::parse(in, nullptr, true, /*ignore_comments=*/true);
  } catch (const json::parse_error& e) {
    // e.what() reads "[json.exception.parse_error.101] parse error at line L, column C: ...": the
    // library's tag means nothing to a user.
    std::string what = e.what();
    if (const auto tag_end = what.find("] "); what.starts_with("[json.exception.") && tag_end != std::string::npos)
      what = what.substr(tag_end + 2);
    throw SpecError(path + ": not valid JSON (" + what + ")", "fix the JSON syntax at the line and column shown");
  }
  try {
    return parse_experiment(document);
  } catch (const SpecError& e) {
    throw SpecError(path + ": " + e.what(), e.fix());
  }
}

void check_rank_split(const ExperimentSpec& experiment, int world_size) {
  for (const auto& run : experiment.runs) check_rank_split(run.spec, world_size);
}

}  // namespace wb
