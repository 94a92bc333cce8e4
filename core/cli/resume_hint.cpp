// Resume hints as a user types them; see resume_hint.hpp.
#include "cli/resume_hint.hpp"

#include <string_view>

#include "launch/shell_quote.hpp"

namespace wb {

std::string global_options(const CliContext& context) {
  std::string options;
  if (!context.home.empty()) options += " --home " + shell_quote(context.home);
  if (!context.db.empty() && !context.workspace().database_tag(context.db).empty())
    options += " --db " + shell_quote(context.db);
  return options;
}

namespace {

// The resume hint of a data-parallel job names its ranks: resumed on one process, the run would
// go on with the whole batch in one process (on one GPU, which may not hold it).
void add_ranks_to_resume_hint(ExperimentOutcome& outcome, const DistEnv& dist) {
  if (!dist.distributed() || outcome.resume_command.empty()) return;
  const std::string n = std::to_string(dist.world_size);
  const auto resume_at = outcome.resume_command.rfind(" resume ");  // after `workbench-cli --home H`
  if (dist.launcher == "--nproc")
    outcome.resume_command += " --nproc " + n;
  else if (dist.launcher == "RANK/WORLD_SIZE")
    outcome.resume_how = "on " + n + " ranks again, each given RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT as "
                         "this job's were";
  else if (dist.launcher == "slurm" && resume_at != std::string::npos) {
    // A job that hit its time limit or was cancelled is continued by another job.
    const std::string in_an_allocation = outcome.resume_command;
    outcome.resume_command.replace(resume_at, 8, " slurm submit --resume ");
    outcome.resume_how = "with this job's nodes, ranks per node and partition (or `srun " + in_an_allocation +
                         "` on " + n + " ranks in an allocation)";
  } else
    outcome.resume_how = "on " + n + " ranks again, launched by " + dist.launcher + " as this job was";
}

}  // namespace

void complete_resume_hint(ExperimentOutcome& outcome, const CliContext& context, const DistEnv& dist,
                          const std::string& launch) {
  if (!launch.empty() && !outcome.resume_command.empty()) {
    // The launch's experiment goes on (its interrupted runs, then its queued ones) on the ranks,
    // threads and Slurm options it was started with.
    outcome.resume_command = "workbench-cli" + global_options(context) + " start --resume " + launch;
    outcome.resume_how = "(a new launch, started as this one was; `tail` follows it)";
    return;
  }
  constexpr std::string_view kCli = "workbench-cli ";  // its workspace goes after the program's name
  if (outcome.resume_command.rfind(kCli, 0) == 0)
    outcome.resume_command.insert(kCli.size() - 1, global_options(context));
  add_ranks_to_resume_hint(outcome, dist);
}

}  // namespace wb
