// The command a stopped run's message tells the user to type to continue it: with the --home and
// --db this command was given (typed without them, it would look in another workspace) and, for
// a data-parallel job, its ranks (`--nproc N`, or how its launcher starts them again: torchrun,
// a Slurm job through `slurm submit --resume`). A run trained by a `start` launch is continued by
// `start --resume LAUNCH`: a new launch that `tail` and `stop` follow as they did the first.
#pragma once

#include <string>

#include "cli/cli_context.hpp"
#include "cli/experiment_runner.hpp"
#include "train/dist_env.hpp"

namespace wb {

// " --home H" and " --db D" as given (shell-quoted); --db is left out where it is the workspace's own.
std::string global_options(const CliContext& context);

// Completes outcome.resume_command ("workbench-cli resume 3") and sets outcome.resume_how;
// `launch` is the id of the `start` launch that trains its experiment (launch_training), or "".
void complete_resume_hint(ExperimentOutcome& outcome, const CliContext& context, const DistEnv& dist,
                          const std::string& launch);

}  // namespace wb
