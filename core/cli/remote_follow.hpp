// Following a remote launch: `ssh HOST workbench-cli tail LAUNCH --from OFFSET --follow`, each
// whole line imported into the local store (EventImporter) and, with --events jsonl, forwarded
// to stdout with local run ids; a dropped connection is reopened with backoff from the last whole
// line imported. Ctrl-C once asks the host to stop the run (`workbench-cli stop LAUNCH`: a
// checkpoint, the run interrupted) and keeps following to its end; a second Ctrl-C, SIGTERM or
// SIGHUP detaches at once (the run goes on; `workbench-cli attach LAUNCH` follows it again).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "remote/import_state.hpp"
#include "store/run_store.hpp"

namespace wb {

struct FollowOutcome {
  bool finished = false;     // experiment_finished arrived
  bool interrupted = false;  // ... saying the experiment was interrupted (a stop)
  bool lost = false;         // the host's process ended without finishing (tail exit 5)
  bool detached = false;     // we stopped following; the run goes on
  std::string message;       // why, for lost / detached
  nlohmann::json experiment_finished;  // the host's line
};

// Installs the follower's SIGINT (once: stop the run there; twice: detach; while the host has
// not answered `start`, a third gives up waiting), SIGTERM and SIGHUP (detach) handlers, and
// ignores SIGPIPE. Called before the host is asked to start a launch: a
// request made while it starts waits for its answer (the import state saved, so `attach` finds
// the launch), rather than killing us and leaving a run on the host that nothing here knows of.
// Later calls change nothing, so the request is still pending when follow_launch begins.
void catch_follow_signals();

// Whether this process was asked (Ctrl-C) to stop the run it follows, or to detach from it
// (Ctrl-C twice, SIGTERM, SIGHUP).
bool stop_requested_here();
bool detach_requested();

// While one is alive, a stop or detach request says that it waits for the host's answer.
struct StartingOnHost {
  StartingOnHost();
  ~StartingOnHost();
  StartingOnHost(const StartingOnHost&) = delete;
  StartingOnHost& operator=(const StartingOnHost&) = delete;
};

// The words that run the host's CLI with its home: [remote_cli, --home=DIR] + `words` (each is
// shell-quoted by ssh_argv).
std::vector<std::string> remote_cli_words(const ImportState& state, const std::vector<std::string>& words);

// Follows until the stream ends or we detach; the state file is kept current throughout. A stop
// or detach requested before it began (while the launch was started) is acted on at once.
FollowOutcome follow_launch(RunStore& store, ImportState& state, const std::filesystem::path& state_file,
                            bool forward_jsonl);

}  // namespace wb
