// Checks a resume makes before its ranks start, and the parent's word on a lost rank 0; see
// resume_on_ranks.hpp.
#include "cli/resume_on_ranks.hpp"

#include <algorithm>
#include <numeric>

#include <nlohmann/json.hpp>

#include "cli/cli_context.hpp"
#include "cli/launch_records.hpp"
#include "cli/run_liveness.hpp"
#include "cli/run_lookup.hpp"
#include "common/errors.hpp"
#include "launch/shell_quote.hpp"
#include "spec/run_spec.hpp"

namespace wb {
namespace {

std::string ranks_fix(int batch_size, int world_size, RankCountHint hint) {
  int fit = 1;  // the most ranks, up to world_size, that share batch_size evenly
  for (int ranks = world_size; ranks > 1 && fit == 1; --ranks)
    if (batch_size % ranks == 0) fit = ranks;
  const bool nproc = hint == RankCountHint::kNproc;
  std::string how;
  if (fit > 1) how = nproc ? "--nproc " + std::to_string(fit) : std::to_string(fit) + " ranks";
  else how = nproc ? "one process: no --nproc" : "one process";
  return "a run keeps its global batch (its curve does not depend on the ranks): resume on " +
         rank_counts_sharing(batch_size, std::max(64, world_size)) + " (" + how + ")";
}

}  // namespace

RunRow run_to_resume(const RunStore& store, const std::string& run) {
  const auto row = require_run(store, run);
  if (row.status == "finished")
    throw UserError(ExitCode::kUsage, "run " + std::to_string(row.id) + " has already finished",
                    "start a new run with `workbench-cli run SPEC`");
  return row;
}

void require_experiment(const RunStore& store, std::int64_t experiment_id) {
  const auto experiments = store.experiments();
  if (std::none_of(experiments.begin(), experiments.end(), [&](const auto& e) { return e.id == experiment_id; }))
    throw UserError(ExitCode::kUsage, "no experiment " + std::to_string(experiment_id) + " in " + store.path().string(),
                    "`workbench-cli runs` lists the runs with their experiment ids");
}

void check_rank_split(const RunStore& store, std::int64_t experiment_id, int world_size,
                      const std::vector<std::int64_t>& also, RankCountHint hint) {
  std::vector<std::pair<RunRow, RunSpec>> runs;  // those the resume may train, in id order
  for (auto& row : store.runs(experiment_id)) {
    const bool named = std::find(also.begin(), also.end(), row.id) != also.end();
    if (!named && (row.status == "finished" || row.status == "failed")) continue;
    try {
      runs.emplace_back(row, parse_run_spec(nlohmann::json::parse(row.spec_json)));
    } catch (const std::exception&) {
      continue;  // resuming it says what is wrong with it
    }
  }
  int common = 0;  // the batch sizes' greatest common divisor: what a rank count must divide
  for (const auto& [row, spec] : runs) common = std::gcd(common, spec.training.batch_size);
  for (const auto& [row, spec] : runs) {
    try {
      rank_batch_size(spec.training, world_size);
    } catch (const SpecError& e) {
      throw SpecError("run " + std::to_string(row.id) + " (" + row.name + "): " + e.what(),
                      ranks_fix(common, world_size, hint));
    }
  }
}

RunningRuns runs_marked_running(const std::filesystem::path& db) {
  RunningRuns running;
  try {
    if (!std::filesystem::exists(db)) return running;
    const auto host = this_host_name();
    for (const auto& row : CliContext::open_store_for_reading(db).runs())
      if (row.status == "running" && row.environment.host == host) running.emplace(row.id, row.environment.pid);
  } catch (const std::exception&) {
    // Unreadable: the ranks will say why; nothing to tell apart afterwards.
  }
  return running;
}

std::vector<std::string> runs_left_by_rank_zero(const ResumeHint& hint, std::int64_t pid, const RunningRuns& before) {
  std::vector<std::string> lines;
  std::set<std::int64_t> experiments;
  bool all_have_checkpoints = true;
  try {
    if (!std::filesystem::exists(hint.db)) return lines;
    const auto host = this_host_name();
    for (const auto& row : CliContext::open_store_for_reading(hint.db).runs()) {
      if (row.status != "running" || row.environment.host != host || row.environment.pid != pid ||
          before.count({row.id, pid}))
        continue;
      lines.push_back("run " + std::to_string(row.id) + " (" + row.name + ") stopped with rank 0, which could not mark "
                      "it: `workbench-cli runs` shows it as killed?");
      experiments.insert(row.experiment_id);
      all_have_checkpoints =
          all_have_checkpoints && std::filesystem::exists(hint.workspace.last_checkpoint(hint.db, row.id));
    }
  } catch (const std::exception&) {
    return {};  // a database rank 0 left unreadable: its own error, and `runs`, say more
  }
  const std::string from = all_have_checkpoints
                               ? "from its last checkpoint"
                               : "from step 0 where it wrote no checkpoint (training.checkpoint_interval sets how "
                                 "often one is written)";
  for (const auto experiment : experiments) {
    const auto launch = launch_training(hint.workspace, hint.db, hint.events_file, experiment);
    lines.push_back("continue it " + from + ": `workbench-cli" + hint.global_options +
                    (!launch.empty() ? " start --resume " + launch + "` (a new launch, started as this one was)"
                                     : " resume --experiment " + std::to_string(experiment) + " --nproc " +
                                           std::to_string(hint.nproc) +
                                           (hint.device.empty() ? "" : " --device " + shell_quote(hint.device)) + "`"));
  }
  return lines;
}

}  // namespace wb
