// What the launch folders of a workspace say beyond their processes: how `start` started each
// (start.json) and which experiment of the host's database it trains. `start --resume` uses them
// to refuse a second launch of one experiment, `launches` to list them.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/workspace.hpp"
#include "remote/launch_folder.hpp"

namespace wb {

// HOME/launches/*, oldest first (ids begin with their UTC start time).
std::vector<LaunchFolder> launches_in(const Workspace& workspace);

// Its start.json; {} for a launch from before start.json, or a damaged one.
nlohmann::json read_start_record(const LaunchFolder& launch);

// The experiment the launch trains in `db`: its start.json's (a resumed launch), else that of the
// first run its events name, else its experiment_finished line's; nullopt before it began a run.
// A UserError when `db` lacks the run its events name (another --home or --db).
std::optional<std::int64_t> launch_experiment(const LaunchFolder& launch, const std::filesystem::path& db);

// The id of the `start` launch whose events file `events_file` is (HOME/launches/ID/events.jsonl,
// as `start` passes it to the run) when that launch trains `experiment` of `db`; "" for any other
// file, or for a run that was pointed at an older launch's file by hand.
std::string launch_training(const Workspace& workspace, const std::filesystem::path& db,
                            const std::filesystem::path& events_file, std::int64_t experiment);

// Another launch still training `experiment` of `db` on this host, if any.
std::optional<LaunchFolder> live_launch_of(const Workspace& workspace, std::int64_t experiment,
                                           const std::filesystem::path& db);

}  // namespace wb
