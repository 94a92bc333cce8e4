// Checks a resume makes before its ranks start; see resume_on_ranks.hpp.
#include "cli/resume_on_ranks.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "cli/run_liveness.hpp"
#include "common/errors.hpp"
#include "spec/run_spec.hpp"

namespace wb {

namespace {

// The most ranks, up to `world_size`, that share `batch_size` evenly (1: none but one process).
int ranks_that_fit(int batch_size, int world_size) {
  for (int ranks = world_size; ranks > 1; --ranks)
    if (batch_size % ranks == 0) return ranks;
  return 1;
}

}  // namespace

RunRow run_to_resume(const RunStore& store, const std::string& run) {
  auto row = store.find_run(run);
  if (!row) throw UserError(ExitCode::kUsage, "no run \"" + run + "\" in " + store.path().string(),
                            "list runs with `workbench-cli runs`; give an id or an exact name");
  return *row;
}

void check_rank_split(const RunStore& store, std::int64_t experiment_id, int world_size) {
  for (const auto& row : store.runs(experiment_id)) {
    if (row.status == "finished" || row.status == "failed") continue;
    RunSpec spec;
    try {
      spec = parse_run_spec(nlohmann::json::parse(row.spec_json));
    } catch (const std::exception&) {
      continue;  // resuming it says what is wrong with it
    }
    try {
      rank_batch_size(spec.training, world_size);
    } catch (const SpecError& e) {
      const int fit = ranks_that_fit(spec.training.batch_size, world_size);
      throw SpecError("run " + std::to_string(row.id) + " (" + row.name + "): " + e.what(),
                      "its checkpoint keeps the batch: resume it on a number of ranks that divides " +
                          std::to_string(spec.training.batch_size) +
                          (fit > 1 ? " (--nproc " + std::to_string(fit) + ")" : " (one process: no --nproc)"));
    }
  }
}

std::vector<std::string> runs_left_by_rank_zero(const std::filesystem::path& db, std::int64_t pid, int nproc) {
  std::vector<std::string> lines;
  std::set<std::int64_t> experiments;
  try {
    if (!std::filesystem::exists(db)) return lines;
    const auto host = this_host_name();
    for (const auto& row : RunStore::open(db, RunStore::Mode::kReadOnly).runs()) {
      if (row.status != "running" || row.environment.host != host || row.environment.pid != pid) continue;
      lines.push_back("run " + std::to_string(row.id) + " (" + row.name + ") stopped with rank 0 and is still marked "
                      "running (`workbench-cli runs` shows it as killed?)");
      experiments.insert(row.experiment_id);
    }
  } catch (const std::exception&) {
    return {};  // a database rank 0 left unreadable: its own error, and `runs`, say more
  }
  for (const auto experiment : experiments)
    lines.push_back("continue it from its last checkpoint: `workbench-cli resume --experiment " +
                    std::to_string(experiment) + " --nproc " + std::to_string(nproc) + "`");
  return lines;
}

}  // namespace wb
