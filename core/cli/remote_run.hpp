// `workbench-cli run SPEC --target ssh://[user@]host[:port]` and `workbench-cli attach LAUNCH`:
// train on another host through the system ssh, with the runs imported live into the local
// store (docs/cli.md, "Remote runs").
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli_context.hpp"

namespace wb {

struct RemoteRunArgs {
  std::string target;                    // --target; empty: train here
  std::string remote_cli = "workbench-cli";
  std::string remote_home;
  std::vector<std::string> ssh_options;  // --ssh-option, each passed as `-o OPT`
  bool slurm = false;                    // --remote-slurm: the host submits it with sbatch
  std::vector<std::string> sbatch_args;  // --remote-sbatch-arg, each an #SBATCH option
};

// Adds --target, --remote-cli, --remote-home, --ssh-option, --remote-slurm and
// --remote-sbatch-arg to `run`.
void add_remote_run_options(CLI::App* run, RemoteRunArgs& args);

// `run SPEC --target ...`: starts SPEC on the host (`workbench-cli start -`, the spec on ssh's
// stdin) and follows it. `run` is the parsed subcommand: its --device, --threads, --jobs, --nproc are
// passed on to the host.
void run_remote(CliContext& context, const RemoteRunArgs& args, const std::string& spec, bool jsonl,
                const CLI::App& run);

// `resume RUN | --experiment ID` of an experiment whose runs came from a remote launch: starts
// `workbench-cli start --resume LAUNCH` on that host (its interrupted runs from their checkpoints
// there, then its queued runs) and imports it into the same local runs. `resume` is the parsed
// subcommand (its --device, --threads, --jobs, --nproc go to the host). False, doing nothing,
// when the experiment trained here.
bool resume_remote(CliContext& context, const std::string& run, std::int64_t experiment, bool jsonl,
                   const CLI::App& resume);

}  // namespace wb
