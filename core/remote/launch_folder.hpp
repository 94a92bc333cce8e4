// A detached launch on the host that trains (`workbench-cli start`): its folder
// HOME/launches/ID/ holds spec.json (what was sent), events.jsonl (the run's JSON-lines events,
// appended a line at a time), output.log (its stderr: progress, errors), rank-R.log (the logs
// of its ranks other than 0, with --nproc), pid (the training process) and exit_status (written by the launch's
// supervisor when that process ends). `workbench-cli tail` and `stop` find a launch by its ID alone.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "common/workspace.hpp"

namespace wb {

// `workbench-cli tail --follow` exits with this when the launch's process ended without writing
// experiment_finished (killed, or failed before training: a bad spec, missing data).
constexpr int kLaunchEndedWithoutFinishing = 5;

// The type of the line `tail --handshake` writes before the events: what the follower reads to
// tell them from what the host's shell startup files print on stdout.
inline constexpr const char* kTailHandshake = "tail_handshake";

// "20261206-140512-k3x9q2": UTC time and six characters of `random` in [a-z0-9]; sortable by time,
// only characters that no shell, path or ssh treats specially.
std::string new_launch_id(std::chrono::system_clock::time_point now, std::uint64_t random);

// 1..64 characters of [A-Za-z0-9_-], not starting with '-': what new_launch_id makes. Anything
// else (a path, "..", a space, a shell character) is refused before it names a folder.
bool is_launch_id(std::string_view text);

// Whether `text` has the shape new_launch_id gives ("20261206-140512-k3x9q2"): how a launch id
// given where a run id belongs is recognised.
bool looks_like_new_launch_id(std::string_view text);

struct LaunchFolder {
  std::string id;
  std::filesystem::path dir;

  // HOME/launches/ID; UserError (usage) for an id that is_launch_id refuses.
  static LaunchFolder of(const Workspace& workspace, const std::string& id);
  // The same for a launch that must exist: UserError (usage) naming the folder when it does not.
  static LaunchFolder existing(const Workspace& workspace, const std::string& id);
  std::filesystem::path spec() const { return dir / "spec.json"; }
  std::filesystem::path events() const { return dir / "events.jsonl"; }
  std::filesystem::path output_log() const { return dir / "output.log"; }
  std::filesystem::path pid_file() const { return dir / "pid"; }
  std::filesystem::path exit_file() const { return dir / "exit_status"; }
  std::filesystem::path start_record() const { return dir / "start.json"; }  // how `start` started it
};

// How the launch's training process stands.
struct LaunchProcess {
  std::int64_t pid = 0;           // 0: no pid file (not started, or start failed)
  bool alive = false;             // the pid is running and is this launch's workbench-cli
  std::optional<int> exit_code;   // from exit_status, once it ended normally
  std::optional<int> signal;      // from exit_status, once a signal ended it
  std::string describe() const;   // "exited with status 2", "was killed by signal 9", "is gone (no exit status)"
};
LaunchProcess launch_process(const LaunchFolder& launch);

// Writes `text` to `path` atomically (a temporary file renamed over it): a reader never sees half.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

// The bytes of `path` from `offset` up to and including its last '\n' (at most about
// `max_bytes`, still ending at a '\n'): only whole lines, so a reader never sees half an event.
// Empty when there is no complete line past `offset` or no file.
std::string read_whole_lines(const std::filesystem::path& path, std::int64_t offset,
                             std::size_t max_bytes = 1 << 20);

// The last `lines` lines of a text file (for "the run ended; its output.log said: ...").
std::string last_lines(const std::filesystem::path& path, int lines);

}  // namespace wb
