// workbench-cli's root command: global options, subcommands, and the mapping of errors to
// documented exit codes.
#include <sys/prctl.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli_context.hpp"
#include "common/closest_name.hpp"
#include "common/errors.hpp"
#include "common/joined.hpp"
#include "train/error_text.hpp"
#include "train/trainer.hpp"

namespace wb {
namespace {

constexpr const char* kFooter = R"(
Exit codes:
  0    success
  1    unexpected failure (training or I/O); the message says what failed
  2    bad command line or experiment spec; the message names the field and what is allowed
  3    data problem: missing or corrupt corpus, tokenizer, token store or checkpoint
  4    run database problem: unreadable, not a workbench database, or a newer schema
  5    `tail --follow` only: the launch's process ended without finishing its experiment
  130  interrupted (Ctrl-C, SIGTERM): a checkpoint was written; continue with `workbench-cli resume RUN`;
       from `run --target` and `attach` also a detach (the run goes on on the host: `attach LAUNCH`)

Files: corpora, tokenizers, token stores, checkpoints and runs.db live under --home
(default $WB_HOME, else $XDG_DATA_HOME/repetition-workbench, else ~/.local/share/repetition-workbench).
Data parallel: `run SPEC --nproc N`, or each process a rank under torchrun (RANK, WORLD_SIZE,
LOCAL_RANK, MASTER_ADDR, MASTER_PORT) or srun (SLURM_PROCID, ...); only rank 0 writes.
Documentation: docs/spec.md (every spec field), docs/cli.md (commands, JSON-lines events).)";

// The first word of the command line that is neither an option nor an option's value, when it
// names no command: CLI11 would only say "A subcommand is required".
std::string unknown_command(CLI::App& app, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--home" || arg == "--db") {
      ++i;  // its value
      continue;
    }
    if (arg.starts_with("-")) continue;
    for (const auto* command : app.get_subcommands({}))
      if (command->check_name(arg)) return "";
    return arg;
  }
  return "";
}

UserError unknown_command_error(CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const auto* command : app.get_subcommands([](CLI::App* c) { return !c->get_group().empty(); }))  // not hidden
    names.push_back(command->get_name());
  // Words other tools use for what a command here does.
  static const std::vector<std::pair<std::string, std::string>> kSynonyms = {
      {"list", "runs"}, {"ls", "runs"}, {"status", "runs"}, {"train", "run"}, {"continue", "resume"},
      {"compare", "export"}, {"plot", "export"}, {"import", "data import"}, {"kill", "stop"}, {"logs", "tail"}};
  std::string suggestion;
  for (const auto& [other, ours] : kSynonyms)
    if (word == other) suggestion = ours;
  if (suggestion.empty()) suggestion = closest_name(word, names);
  std::string message = "unknown command \"" + word + "\"";
  if (!suggestion.empty()) message += " (did you mean \"" + suggestion + "\"?)";
  return UserError(ExitCode::kUsage, message + "; the commands are " + joined(names),
                   "`workbench-cli --help` says what each does (runs are compared in the table `run` and `resume` "
                   "end with, and in `export` charts and tables)");
}

// The deepest command the command line chose, by its full name ("start", "slurm submit").
CLI::App* chosen_command(CLI::App& app, std::string& name) {
  CLI::App* chosen = &app;
  while (!chosen->get_subcommands().empty()) {  // the parsed ones
    chosen = chosen->get_subcommands().front();
    name += (name.empty() ? "" : " ") + chosen->get_name();
  }
  return chosen;
}

// The listed commands (nested ones by their full name) that have the option `flag`.
void commands_with_option(CLI::App& app, const std::string& prefix, const std::string& flag,
                          std::vector<std::string>& found) {
  for (auto* command : app.get_subcommands([](CLI::App* c) { return !c->get_group().empty(); })) {
    const std::string name = prefix + command->get_name();
    if (command->get_option_no_throw(flag)) found.push_back(name);
    commands_with_option(*command, name + " ", flag, found);
  }
}

// CLI11 says only "The following arguments were not expected: x.jsonl --events-file": this names
// the command, the option, which commands do take that option, and where the command's own are.
UserError extras_error(CLI::App& app) {
  std::string name;
  CLI::App* command = chosen_command(app, name);
  // The words a command does not take fall through to the root (fallthrough: --home after it).
  auto extras = command->remaining();
  if (extras.empty()) extras = app.remaining();
  std::string option;
  for (const auto& word : extras)
    if (word.starts_with("-") && option.empty()) option = word.substr(0, word.find('='));
  const std::string help = name.empty() ? "`workbench-cli --help`" : "`workbench-cli " + name + " --help`";
  const std::string what = name.empty() ? "workbench-cli" : name;
  if (option.empty())
    return UserError(ExitCode::kUsage, what + " takes no more arguments, and was given " + joined(extras),
                     help + " says what it takes");
  // Options other tools (torchrun, srun) or other commands use for what this command does its way.
  static const std::vector<std::array<std::string, 3>> kInstead = {
      {"slurm submit", "--nproc", "use --ntasks-per-node (CPU nodes) or --gpus-per-node (a rank per GPU)"},
      {"slurm submit", "--nproc-per-node", "use --ntasks-per-node (CPU nodes) or --gpus-per-node (a rank per GPU)"},
      {"slurm submit", "--nnodes", "use --nodes"},
      {"start", "--events-file", "drop it: a launch writes its events to HOME/launches/ID/events.jsonl, which "
                                 "`workbench-cli tail ID --follow` prints"},
      {"start", "--events", "drop it: `workbench-cli tail ID --follow` prints a launch's events"}};
  for (const auto& [command_name, given, fix] : kInstead)
    if (command_name == name && given == option)
      return UserError(ExitCode::kUsage, what + " has no option " + option, fix);
  std::vector<std::string> others;
  commands_with_option(app, "", option, others);
  std::string message = what + " has no option " + option;
  if (!others.empty()) message += " (" + joined(others) + (others.size() == 1 ? " has it)" : " have it)");
  if (others.empty()) {  // a typo of one of its own (--nprocs)?
    std::vector<std::string> own;
    for (const auto* known : command->get_options())
      for (const auto& long_name : known->get_lnames()) own.push_back("--" + long_name);
    if (const auto near = closest_name(option, own); !near.empty()) message += " (did you mean " + near + "?)";
  }
  return UserError(ExitCode::kUsage, message, help + " lists its options");
}

// `to_terminal`: also on the terminal of a rank whose output goes to its log (terminal_fd).
// `label`: "error", or "stopped" for a Ctrl-C or `stop` a rank saw while it waited (not a fault).
void report_error(const std::string& what, const std::string& fix, bool to_terminal, const char* label = "error") {
  std::string text = std::string(label) + ": " + what + "\n";
  if (!fix.empty()) text += "  fix: " + fix + "\n";
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
  if (to_terminal && terminal_fd() >= 0) (void)!write(terminal_fd(), text.data(), text.size());
}

// "workbench-cli slurm submit": the deepest subcommand the parse reached, for a usage error's fix.
std::string command_path(const CLI::App& app) {
  std::string path = app.get_name();
  for (const CLI::App* at = &app; at != nullptr;) {
    const auto parsed = at->get_subcommands();
    at = parsed.empty() ? nullptr : parsed.front();
    if (at != nullptr) path += " " + at->get_name();
  }
  return path;
}

// What a rank's terminal is told besides its log: its own failure, not a stop every rank saw
// (Ctrl-C) nor rank 0's error passed on.
bool for_the_terminal(const UserError& e) {
  return e.code() != ExitCode::kInterrupted && dynamic_cast<const RelayedError*>(&e) == nullptr;
}

std::function<std::vector<std::string>()>& gpu_report() {
  static std::function<std::vector<std::string>()> report;
  return report;
}

// What a user on a cluster node asks first: which build is this, and does it see the GPUs?
std::string version_text() {
  std::string text = std::string("workbench-cli ") + PROJECT_VERSION_STRING + "\nLibTorch " + libtorch_version();
  if (!gpu_report()) return text + ", CPU build: trains on the CPU (README: GPU build)";
  for (const auto& line : gpu_report()()) text += "\n" + line;
  return text;
}

}  // namespace

void install_gpu_report(std::function<std::vector<std::string>()> report) { gpu_report() = std::move(report); }

namespace {
int g_terminal_fd = -1;
}  // namespace

void set_terminal_fd(int fd) { g_terminal_fd = fd; }
int terminal_fd() { return g_terminal_fd; }

bool built_with_cuda() { return static_cast<bool>(gpu_report()); }

void refuse_gpus_for_a_cpu_build(int gpus, const std::string& alternative) {
  if (gpus <= 0 || built_with_cuda()) return;
  throw UserError(ExitCode::kUsage,
                  "GPUs asked for, but this workbench-cli is a CPU build (LibTorch " + libtorch_version() +
                      "): its ranks would hold the GPUs and train on the CPU",
                  "use a workbench-cli built against a CUDA LibTorch (README: GPU build; `--version` says which "
                  "build one is), or " + alternative);
}

int run_cli(int argc, char** argv) {
  // Ranks and workers run "/proc/self/exe": without this, ps and pgrep -x would list them as "exe".
  prctl(PR_SET_NAME, "workbench-cli", 0, 0, 0);
  CLI::App app{"workbench-cli: design, run and compare data-repetition experiments for language models.\n"
               "Quick start: workbench-cli run token-crisis-mini", "workbench-cli"};
  app.footer(kFooter);
  app.set_version_flag("--version", version_text, "Print the version, the LibTorch and the GPUs it sees, and exit");
  app.require_subcommand(1);
  app.fallthrough();  // --db and --home work after the subcommand too: `run SPEC --db PATH`
  CliContext context;
  app.add_option("--home", context.home, "Workspace folder (corpora, caches, checkpoints, runs.db)");
  app.add_option("--db", context.db, "Run database (default: HOME/runs.db)");

  add_run_commands(app, context);
  add_inspect_commands(app, context);
  add_data_commands(app, context);
  add_preset_commands(app, context);
  add_bench_command(app, context);
  add_model_commands(app, context);
  add_scaling_commands(app, context);
  add_export_command(app, context);
  add_start_command(app, context);
  add_launch_commands(app, context);
  add_attach_command(app, context);
  add_slurm_commands(app, context);

  try {
    if (const auto word = unknown_command(app, argc, argv); !word.empty()) throw unknown_command_error(app, word);
    app.parse(argc, argv);
  } catch (const CLI::ExtrasError&) {
    const auto error = extras_error(app);
    report_error(error.what(), error.fix(), false);
    return static_cast<int>(ExitCode::kUsage);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    if (app.get_subcommands().empty() && dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
      // No command given: what there is to do, not CLI11's "A subcommand is required".
      std::fputs(app.help().c_str(), stdout);
      return static_cast<int>(ExitCode::kUsage);
    }
    report_error(e.what(), "`" + command_path(app) + " --help` lists what it takes", false);
    return static_cast<int>(ExitCode::kUsage);
  } catch (const UserError& e) {
    report_error(e.what(), e.fix(), for_the_terminal(e), e.code() == ExitCode::kInterrupted ? "stopped" : "error");
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    report_error(error_text(e), "", true);
    return static_cast<int>(ExitCode::kRuntime);
  }
  return context.exit_code;
}

}  // namespace wb
