// `workbench-cli presets list` and `workbench-cli presets show NAME`.
#include <cstdio>

#include "cli/cli_context.hpp"
#include "common/errors.hpp"
#include "spec/experiment_spec.hpp"
#include "spec/presets.hpp"

namespace wb {

void add_preset_commands(CLI::App& app, CliContext&) {
  auto* presets_cmd = app.add_subcommand("presets", "Built-in experiments that reproduce the studies at small scale");
  presets_cmd->require_subcommand(1);
  presets_cmd->add_subcommand("list", "List the presets")
      ->footer("Run one: workbench-cli run NAME; edit one: workbench-cli presets show NAME > my.json")
      ->callback([] {
    for (const auto& p : presets()) {
      auto experiment = parse_experiment(p.document);
      std::printf("%-20s %2zu run(s)  %s\n", p.name.c_str(), experiment.runs.size(), p.description.c_str());
    }
  });
  auto name = std::make_shared<std::string>();
  auto* show = presets_cmd->add_subcommand("show", "Print a preset's spec (save it to a file to edit it)");
  show->add_option("NAME", *name, "Preset name")->required();
  show->footer("Example: workbench-cli presets show token-crisis-mini > my-experiment.json");
  show->callback([name] {
    auto preset = find_preset(*name);
    if (!preset) throw UserError(ExitCode::kUsage, "no preset \"" + *name + "\"", "see `workbench-cli presets list`");
    std::printf("%s\n", preset->document.dump(2).c_str());
  });
}

}  // namespace wb
