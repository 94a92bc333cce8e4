// Launch folders' records; see launch_records.hpp.
#include "cli/launch_records.hpp"

#include <algorithm>
#include <fstream>
#include <string>

#include "cli/cli_context.hpp"
#include "common/errors.hpp"
#include "remote/event_decode.hpp"

namespace wb {

std::vector<LaunchFolder> launches_in(const Workspace& workspace) {
  std::vector<LaunchFolder> launches;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(workspace.root / "launches", ec)) {
    const auto id = entry.path().filename().string();
    if (entry.is_directory() && is_launch_id(id)) launches.push_back(LaunchFolder::of(workspace, id));
  }
  std::sort(launches.begin(), launches.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return launches;
}

nlohmann::json read_start_record(const LaunchFolder& launch) {
  nlohmann::json record = nlohmann::json::object();
  if (std::ifstream in(launch.start_record()); in) record = nlohmann::json::parse(in, nullptr, false);
  return record.is_object() ? record : nlohmann::json::object();
}

std::optional<std::int64_t> launch_experiment(const LaunchFolder& launch, const std::filesystem::path& db) {
  if (const auto id = read_start_record(launch).value("experiment_id", std::int64_t{0}); id > 0) return id;
  std::ifstream in(launch.events());
  for (std::string line; std::getline(in, line);) {
    const auto event = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    EventHeader header;
    try {
      header = decode_header(event);
    } catch (const UserError&) {
      continue;  // not an event (a damaged line)
    }
    if (header.run_id > 0) {
      const std::string id = std::to_string(header.run_id);
      if (const auto run = CliContext::open_store_for_reading(db).find_run(id)) return run->experiment_id;
      throw UserError(ExitCode::kUsage, "launch " + launch.id + " trained run " + id + ", which " + db.string() + " lacks",
                      "give the --home (and --db) that launch was started with");
    }
    if (header.type == "experiment_finished") return event.value("experiment_id", std::int64_t{0});
  }
  return std::nullopt;
}

std::string launch_training(const Workspace& workspace, const std::filesystem::path& db,
                            const std::filesystem::path& events_file, std::int64_t experiment) {
  if (events_file.empty() || experiment <= 0) return "";
  std::error_code ec;
  const auto file = std::filesystem::weakly_canonical(events_file, ec);
  const auto launches = std::filesystem::weakly_canonical(workspace.root / "launches", ec);
  if (ec || file.filename() != "events.jsonl" || file.parent_path().parent_path() != launches) return "";
  const std::string id = file.parent_path().filename().string();
  if (!is_launch_id(id)) return "";
  const auto launch = LaunchFolder::of(workspace, id);
  try {
    if (std::filesystem::exists(launch.start_record()) && launch_experiment(launch, db) == experiment) return id;
  } catch (const std::exception&) {
    // Its events name a run `db` lacks: not this run's launch.
  }
  return "";
}

std::optional<LaunchFolder> live_launch_of(const Workspace& workspace, std::int64_t experiment,
                                           const std::filesystem::path& db) {
  std::error_code ec;
  const auto ours = std::filesystem::weakly_canonical(db, ec);
  for (const auto& launch : launches_in(workspace)) {
    if (!launch_process(launch).alive) continue;
    try {
      const std::filesystem::path its = read_start_record(launch).value("db", db.string());
      if (std::filesystem::weakly_canonical(its, ec) != ours) continue;
      if (launch_experiment(launch, db) == experiment) return launch;
    } catch (const std::exception&) {
      // A damaged start.json, or events naming a run this database lacks: not this experiment.
    }
  }
  return std::nullopt;
}

}  // namespace wb
