// The import state as JSON: written with a temporary file and a rename, so a crash leaves the
// previous state, never half of one.
#include "remote/import_state.hpp"

#include <fstream>

#include "common/errors.hpp"
#include "remote/launch_folder.hpp"

namespace wb {

nlohmann::json to_json(const ImportState& s) {
  return {{"target", s.target}, {"ssh_options", s.ssh_options}, {"remote_cli", s.remote_cli},
          {"remote_home", s.remote_home}, {"launch", s.launch}, {"remote_host", s.remote_host},
          {"remote_pid", s.remote_pid}, {"events_file", s.events_file}, {"db", s.db},
          {"experiment_id", s.experiment_id}, {"runs", s.runs}, {"offset", s.offset}, {"done", s.done}, {"finished", s.finished}};
}

ImportState import_state_from_json(const nlohmann::json& j, const std::string& origin) {
  try {
    ImportState s;
    s.target = j.at("target").get<std::string>();
    s.ssh_options = j.at("ssh_options").get<std::vector<std::string>>();
    s.remote_cli = j.at("remote_cli").get<std::string>();
    s.remote_home = j.at("remote_home").get<std::string>();
    s.launch = j.at("launch").get<std::string>();
    s.remote_host = j.at("remote_host").get<std::string>();
    s.remote_pid = j.at("remote_pid").get<std::int64_t>();
    s.events_file = j.at("events_file").get<std::string>();
    s.db = j.at("db").get<std::string>();
    s.experiment_id = j.at("experiment_id").get<std::int64_t>();
    s.runs = j.at("runs").get<std::map<std::string, std::int64_t>>();
    s.offset = j.at("offset").get<std::int64_t>();
    s.done = j.at("done").get<bool>();
    s.finished = j.value("finished", nlohmann::json());  // absent in states from before it was kept
    return s;
  } catch (const nlohmann::json::exception& e) {
    throw UserError(ExitCode::kRuntime, origin + ": not a remote launch's import state (" + e.what() + ")",
                    "it is written by `workbench-cli run SPEC --target ssh://HOST`; delete the file and start "
                    "the run again, or import the host's database instead");
  }
}

std::filesystem::path import_state_path(const Workspace& local, const std::string& launch) {
  if (!is_launch_id(launch))
    throw UserError(ExitCode::kUsage, nlohmann::json(launch).dump() + " is not a launch id",
                    "give the id that `workbench-cli run SPEC --target ssh://HOST` printed (`ls HOME/remote`)");
  return local.root / "remote" / (launch + ".json");
}

void save_import_state(const std::filesystem::path& path, const ImportState& state) {
  std::filesystem::create_directories(path.parent_path());
  write_file_atomically(path, to_json(state).dump(2) + "\n");
}

ImportState load_import_state(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in)
    throw UserError(ExitCode::kUsage, "no remote launch " + path.stem().string() + " here (" + path.string() + " is missing)",
                    "attach follows launches started from this workspace with `workbench-cli run SPEC --target "
                    "ssh://HOST`; check the id and --home (`ls " + path.parent_path().string() + "`)");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception&) {
    return import_state_from_json(nlohmann::json::object(), path.string());  // throws with the fix
  }
  return import_state_from_json(j, path.string());
}

std::optional<ImportState> latest_import_of_experiment(const Workspace& local, const std::string& db,
                                                       std::int64_t experiment_id) {
  std::optional<ImportState> latest;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(local.root / "remote", error)) {
    if (entry.path().extension() != ".json" || !is_launch_id(entry.path().stem().string())) continue;
    try {
      auto state = load_import_state(entry.path());
      if (state.db != db || state.experiment_id != experiment_id) continue;
      if (!latest || state.launch > latest->launch) latest = std::move(state);  // ids sort by start time
    } catch (const std::exception&) {
      // a half-written or foreign file: not one of this experiment's launches
    }
  }
  return latest;
}

}  // namespace wb
