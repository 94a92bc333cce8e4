// Two quoting worlds meet in an sbatch script: the #SBATCH lines are read by sbatch's own parser
// (quotes, backslash escapes, # comments, % filename patterns), the rest by bash. Each value goes
// through the quoting of the reader it meets, so a job name or path is always one word.
#include "launch/sbatch_script.hpp"

#include <cctype>

#include "common/errors.hpp"
#include "launch/shell_quote.hpp"

namespace wb {
namespace {

bool is_safe(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("_@%+=:,./-").find(c) != std::string_view::npos;
}

// A newline ends an #SBATCH line and would start a script line of its own: nothing may hold one.
void refuse_line_breaks(std::string_view what, std::string_view value) {
  if (value.find_first_of("\n\r") != std::string_view::npos)
    throw UserError(ExitCode::kUsage, std::string(what) + " holds a line break, which an sbatch script cannot carry",
                    "give it on one line");
}

void require_positive(std::string_view what, int value) {
  if (value < 1)
    throw UserError(ExitCode::kUsage, std::string(what) + " must be at least 1 (got " + std::to_string(value) + ")",
                    "e.g. " + std::string(what) + " 1");
}

}  // namespace

std::string sbatch_job_name(std::string_view name) {
  std::string out(name.empty() ? std::string_view("workbench") : name);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return out;
}

int sbatch_ranks(const SbatchOptions& o) { return o.nodes * (o.gpus_per_node > 0 ? o.gpus_per_node : o.tasks_per_node); }

std::string sbatch_directive_quote(std::string_view value) {
  bool safe = !value.empty();
  for (char c : value) safe = safe && is_safe(c);
  if (safe) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string slurm_filename_pattern(const std::filesystem::path& path) {
  const std::string text = path.string();
  if (text.find('\\') != std::string::npos)
    throw UserError(ExitCode::kUsage, "the job's output path " + text + " holds a backslash, which Slurm drops from "
                    "--output paths", "use a --home (or job folder) without backslashes");
  std::string out;
  for (char c : text) {
    out += c;
    if (c == '%') out += '%';
  }
  return out;
}

bool is_slurm_time(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "UNLIMITED" || upper == "INFINITE") return true;
  const auto digits = [](std::string_view part) {
    return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (const auto dash = text.find('-'); dash != std::string_view::npos) {
    if (!digits(text.substr(0, dash))) return false;
    text.remove_prefix(dash + 1);
  }
  int parts = 0;
  for (std::size_t start = 0;; ++parts) {
    const auto colon = text.find(':', start);
    if (!digits(text.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start)))
      return false;
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  return parts < 3;  // at most hours:minutes:seconds
}

std::string sbatch_script(const SbatchOptions& o) {
  require_positive("--nodes", o.nodes);
  if (!o.time_limit.empty() && !is_slurm_time(o.time_limit))
    throw UserError(ExitCode::kUsage, "--time \"" + o.time_limit + "\" is not a time sbatch takes",
                    "give minutes (90), hours:minutes:seconds (02:00:00) or days-hours[:minutes[:seconds]] "
                    "(1-12, 1-12:30:00), or UNLIMITED");
  if (o.gpus_per_node < 0)
    throw UserError(ExitCode::kUsage, "--gpus-per-node must not be negative", "give 0 for CPU nodes, else the GPUs per node");
  if (o.gpus_per_node == 0) require_positive("--ntasks-per-node", o.tasks_per_node);
  if (o.threads_per_task < 0)
    throw UserError(ExitCode::kUsage, "--threads must not be negative", "give 0 to let the spec decide");
  for (const auto& [what, value] : {std::pair<std::string_view, std::string_view>{"the job name", o.job_name},
                                    {"--partition", o.partition},
                                    {"--time", o.time_limit},
                                    {"--account", o.account}})
    refuse_line_breaks(what, value);
  for (const auto& arg : o.extra_sbatch_args) {
    refuse_line_breaks("--sbatch-arg", arg);
    if (arg.size() < 2 || arg[0] != '-')
      throw UserError(ExitCode::kUsage, "--sbatch-arg \"" + arg + "\" is not an sbatch option",
                      "give one option per --sbatch-arg, as sbatch takes it, e.g. --sbatch-arg=--mem=8G");
  }
  for (const auto* path : {&o.workbench_cli, &o.home, &o.db, &o.events_file, &o.output_log})
    refuse_line_breaks("the path " + path->string(), path->string());
  for (const auto& word : o.command) refuse_line_breaks("the command word " + word, word);
  if (!o.device.empty() && o.device != "auto" && o.device != "cpu" && o.device != "cuda")
    throw UserError(ExitCode::kUsage, "--device \"" + o.device + "\" is not auto, cpu or cuda", "give one of those");

  const int ranks_per_node = o.gpus_per_node > 0 ? o.gpus_per_node : o.tasks_per_node;
  std::string s = "#!/bin/bash\n";
  s += "# Written by `workbench-cli slurm submit`: trains one experiment spec with " +
       std::to_string(sbatch_ranks(o)) + " rank(s)\n# (" + std::to_string(o.nodes) + " node(s) x " +
       std::to_string(ranks_per_node) + (o.gpus_per_node > 0 ? " GPU rank(s)" : " rank(s)") + " per node).\n";
  auto directive = [&s](const std::string& option, const std::string& quoted_value) {
    s += "#SBATCH " + option + "=" + quoted_value + "\n";
  };
  directive("--job-name", sbatch_directive_quote(o.job_name.empty() ? "workbench" : o.job_name));
  directive("--nodes", std::to_string(o.nodes));
  directive("--ntasks-per-node", std::to_string(ranks_per_node));
  if (o.gpus_per_node > 0) directive("--gpus-per-node", std::to_string(o.gpus_per_node));
  if (o.threads_per_task > 0) directive("--cpus-per-task", std::to_string(o.threads_per_task));
  if (!o.partition.empty()) directive("--partition", sbatch_directive_quote(o.partition));
  if (!o.time_limit.empty()) directive("--time", sbatch_directive_quote(o.time_limit));
  if (!o.account.empty()) directive("--account", sbatch_directive_quote(o.account));
  directive("--output", sbatch_directive_quote(slurm_filename_pattern(o.output_log)));
  // Slurm truncates --output when the job starts unless told to append: what was written to the
  // same file before (a launch's sbatch messages) stays.
  directive("--open-mode", "append");
  for (const auto& arg : o.extra_sbatch_args) s += "#SBATCH " + arg + "\n";

  // No pipefail: `head -n1` may close the pipe before scontrol has written every host.
  s += "set -eu\n\n";
  s += "# Where the ranks meet: the allocation's first node, and a port derived from the job id so that\n"
       "# two jobs sharing a node do not collide. Each rank reads SLURM_PROCID, SLURM_STEP_NUM_TASKS\n"
       "# and SLURM_LOCALID itself.\n";
  s += "MASTER_ADDR=$(scontrol show hostnames \"$SLURM_JOB_NODELIST\" | head -n1)\n";
  s += "export MASTER_ADDR\n";
  s += "export MASTER_PORT=$((20000 + SLURM_JOB_ID % 20000))\n";
  if (o.threads_per_task > 0) s += "export OMP_NUM_THREADS=" + std::to_string(o.threads_per_task) + "\n";
  s += "echo \"workbench job $SLURM_JOB_ID on $SLURM_JOB_NODELIST: $SLURM_NTASKS rank(s), master "
       "$MASTER_ADDR:$MASTER_PORT\"\n\n";

  std::vector<std::string> words = {"srun", "--kill-on-bad-exit=1", o.workbench_cli.string(),
                                    "--home", o.home.string(), "--db", o.db.string()};
  words.insert(words.end(), o.command.begin(), o.command.end());
  if (!o.events_file.empty()) {
    words.push_back("--events-file");
    words.push_back(o.events_file.string());
  }
  if (!o.device.empty()) {
    words.push_back("--device");
    words.push_back(o.device);
  }
  if (o.threads_per_task > 0) {
    words.push_back("--threads");
    words.push_back(std::to_string(o.threads_per_task));
  }
  s += shell_join(words) + "\n";
  return s;
}

}  // namespace wb
