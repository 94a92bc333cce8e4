// What every workbench-cli command shares: the workspace and the run database path, set by the
// global --home and --db options.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/errors.hpp"
#include "common/workspace.hpp"
#include "store/run_store.hpp"

namespace wb {

// Checks of numeric options with a short message: CLI11's NonNegativeNumber and PositiveNumber
// print their range up to DBL_MAX in full (310 digits).
inline CLI::Validator numeric_check(bool zero_allowed) {
  return CLI::Validator(
      [zero_allowed](std::string& text) -> std::string {
        double value = 0.0;
        if (!CLI::detail::lexical_cast(text, value)) return "not a number: " + text;
        if (zero_allowed ? value >= 0.0 : value > 0.0) return "";
        return std::string(zero_allowed ? "must be 0 or more" : "must be more than 0") + ", not " + text;
      },
      zero_allowed ? "NONNEGATIVE" : "POSITIVE");
}
// A whole number from `min` to `max`: CLI11's Range says "Value abc not in range" for a word.
inline CLI::Validator whole_number(long long min, long long max) {
  return CLI::Validator(
      [min, max](std::string& text) -> std::string {
        long long value = 0;
        if (!CLI::detail::lexical_cast(text, value)) return "not a whole number: " + text;
        if (value >= min && value <= max) return "";
        return "must be " + std::to_string(min) + " to " + std::to_string(max) + ", not " + text;
      },
      std::to_string(min) + "-" + std::to_string(max));
}
inline const CLI::Validator kNonNegative = numeric_check(true);
inline const CLI::Validator kPositive = numeric_check(false);

struct CliContext {
  std::string home;  // --home; empty: $WB_HOME or the XDG default
  std::string db;    // --db; empty: HOME/runs.db
  int exit_code = 0; // set by a command that ends without an error but not with success (130)

  Workspace workspace() const { return home.empty() ? Workspace::from_environment() : Workspace{home}; }
  std::filesystem::path db_path() const { return db.empty() ? workspace().default_db() : std::filesystem::path(db); }

  // The run database for reading. A database of an older version is upgraded first (a new
  // workbench adds tables; a user should not have to find a writing command to read again); one
  // that cannot be written stays as it is, and that open's error says why.
  RunStore open_store_for_reading() const { return open_store_for_reading(db_path()); }
  static RunStore open_store_for_reading(const std::filesystem::path& db) {
    try {
      return RunStore::open(db, RunStore::Mode::kReadOnly);
    } catch (const OlderSchemaError&) {
      RunStore::open(db, RunStore::Mode::kReadWrite);
      return RunStore::open(db, RunStore::Mode::kReadOnly);
    }
  }
};

// Each adds its subcommands to the root app.
void add_run_commands(CLI::App& app, CliContext& context);      // run, resume
void add_inspect_commands(CLI::App& app, CliContext& context);  // runs, show, metrics
void add_data_commands(CLI::App& app, CliContext& context);     // data import|list
void add_preset_commands(CLI::App& app, CliContext& context);   // presets list|show
void add_bench_command(CLI::App& app, CliContext& context);     // bench
void add_model_commands(CLI::App& app, CliContext& context);    // model size, model propose-moe
void add_scaling_commands(CLI::App& app, CliContext& context);  // scaling optimal|predict|...|fit
void add_scaling_fit_command(CLI::App& scaling, CliContext& context);  // scaling fit
void add_export_command(CLI::App& app, CliContext& context);    // export (figures as CSV or pgfplots)
void add_start_command(CLI::App& app, CliContext& context);     // start (a detached launch: the host side of --target)
void add_launch_commands(CLI::App& app, CliContext& context);   // tail, stop, launches
void add_attach_command(CLI::App& app, CliContext& context);    // attach (follow a remote launch again)
void add_slurm_commands(CLI::App& app, CliContext& context);    // slurm submit

// Parses the command line and runs the command; returns the process exit code (docs/cli.md).
int run_cli(int argc, char** argv);

// CUDA builds describe themselves and the GPUs they see for --version, a line each (gpu/
// installs it at start); without it --version says this is a CPU build.
void install_gpu_report(std::function<std::vector<std::string>()> report);
// A rank whose output goes to its log file (ranks > 0) still shows its fatal error, and what a
// slow join waits for, on the terminal it was started from: under torchrun or srun that is what
// the user watches, and the log may be on another node. -1 (the default): there is none.
void set_terminal_fd(int fd);
int terminal_fd();

// True in a CUDA build (its report was installed).
bool built_with_cuda();
// Refuses `gpus` > 0 for ranks that this binary runs, in a CPU build: they would hold the GPUs
// and train on the CPU. `alternative` is the other way out, e.g. "drop --gpus-per-node".
void refuse_gpus_for_a_cpu_build(int gpus, const std::string& alternative);

}  // namespace wb
