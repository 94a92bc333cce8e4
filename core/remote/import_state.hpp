// What the local side of a remote launch must remember to follow it again after it stopped
// (Ctrl-C twice, a closed terminal, a crash): where it runs, how far its event file has been
// imported, and which local rows the events go to. One JSON file per launch,
// LOCAL_HOME/remote/LAUNCH.json, rewritten atomically after the rows up to `offset` are committed.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/workspace.hpp"

namespace wb {

struct ImportState {
  std::string target;                    // "ssh://user@host:port"
  std::vector<std::string> ssh_options;  // --ssh-option values, passed as -o each
  std::string remote_cli;                // the workbench-cli program on the host
  std::string remote_home;               // --home there; empty: its default
  std::string launch;                    // the launch id `start` printed
  std::string remote_host;               // the host's own name (recorded with the local runs)
  std::int64_t remote_pid = 0;           // the training process there
  std::string events_file;               // its path there, for messages
  std::string db;                        // the local run database the events go to
  std::int64_t experiment_id = 0;        // local experiment
  std::map<std::string, std::int64_t> runs;  // run name -> local run id
  std::int64_t offset = 0;               // bytes of the event file imported (whole lines)
  bool done = false;                     // the stream ended (experiment_finished or the process died)
  // The host's experiment_finished line once imported (null before): saved with the offset past
  // it, so a follower stopped right after it still ends the launch as finished.
  nlohmann::json finished;
  bool operator==(const ImportState&) const = default;
};

nlohmann::json to_json(const ImportState& state);
// UserError naming the file when a field is missing or of the wrong type.
ImportState import_state_from_json(const nlohmann::json& j, const std::string& origin);

std::filesystem::path import_state_path(const Workspace& local, const std::string& launch);
void save_import_state(const std::filesystem::path& path, const ImportState& state);
// UserError when there is none: the fix says how remote launches are started and attached.
ImportState load_import_state(const std::filesystem::path& path);

// The newest launch of this workspace whose events went into local experiment `experiment_id`
// of database `db` (an absolute path); nullopt when that experiment was trained here. Unreadable
// state files are passed over.
std::optional<ImportState> latest_import_of_experiment(const Workspace& local, const std::string& db,
                                                       std::int64_t experiment_id);

}  // namespace wb
