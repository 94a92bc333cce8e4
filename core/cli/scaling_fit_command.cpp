// `workbench-cli scaling fit`: fit a scaling law to the user's own runs (an experiment, or a list
// of runs) as Hoffmann et al. 2022 and Besiroglu et al. 2024 fit theirs (Huber loss on log-loss,
// L-BFGS from a grid, bootstrap intervals), print the parameters and per-run residuals, and save
// the fit under a name so later runs can be predicted (`scaling predict --fit NAME`) and plotted
// against it.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <sstream>

#include "cli/cli_context.hpp"
#include "store/run_selection.hpp"
#include "cli/scaling_args.hpp"
#include "scaling/law_fit.hpp"
#include "scaling/run_observations.hpp"
#include "store/run_store.hpp"

namespace wb {
namespace {

using scaling::format_quantity;

struct FitArgs {
  RunSelection selection;          // --experiment, --runs, --match
  std::string law = "chinchilla";
  std::string loss = "final";      // final | best
  std::string metric = "eval/val_loss";
  std::vector<std::string> fixed;  // NAME=VALUE
  std::string fix_from;             // a saved chinchilla fit whose shared parameters are held
  int bootstrap = 200;
  std::uint64_t seed = 1234;
  int vocab = 0;
  std::string save;
  bool json = false;
};

std::map<std::string, double> parse_fixed(const std::vector<std::string>& items) {
  std::map<std::string, double> fixed;
  for (const auto& item : items) {
    const auto eq = item.find('=');
    double value = 0.0;
    std::istringstream in(eq == std::string::npos ? "" : item.substr(eq + 1));
    if (eq == std::string::npos || !(in >> value) || !in.eof())
      throw UserError(ExitCode::kUsage, "--fix " + item + ": expected NAME=VALUE", "e.g. --fix alpha=0.34 --fix e=0.52");
    fixed[item.substr(0, eq)] = value;
  }
  return fixed;
}

// What a law shares with a plain Chinchilla-form fit, and so can take from one: the
// data-constrained law is that law with N' and D' in place of N and D (Muennighoff et al. fit the
// base on unrepeated runs first); the CPT law shares E + A/N^alpha with training from scratch
// (Zheng et al. fit both with one E, A, alpha).
std::vector<std::string> shared_with_base(scaling::FitLaw law) {
  switch (law) {
    case scaling::FitLaw::kDataConstrained: return {"e", "a", "b", "alpha", "beta"};
    case scaling::FitLaw::kCpt: return {"e", "a", "alpha"};
    case scaling::FitLaw::kChinchilla: break;
  }
  return {};
}

void fix_from_saved(const RunStore& store, const FitArgs& args, std::map<std::string, double>& fixed) {
  const auto law = scaling::fit_law_from_name(args.law);
  const auto base = store.find_fit(args.fix_from);
  if (!base)
    throw UserError(ExitCode::kUsage, "--fix-from: no saved fit \"" + args.fix_from + "\" in " + store.path().string(),
                    "list them with `workbench-cli scaling fits`");
  if (base->law != "chinchilla" || law == scaling::FitLaw::kChinchilla)
    throw UserError(ExitCode::kUsage,
                    "--fix-from takes a chinchilla fit for a data-constrained or cpt fit (\"" + args.fix_from +
                        "\" is " + base->law + ", this fit is " + args.law + ")",
                    "fit the unrepeated or from-scratch runs with --law chinchilla --save NAME first");
  for (const auto& name : shared_with_base(law))
    if (const auto value = saved_fit_value(*base, name); value && !fixed.count(name)) fixed[name] = *value;
}

nlohmann::json parameters_json(const scaling::FitResult& fit) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& p : fit.parameters)
    j.push_back({{"name", p.name}, {"value", p.value}, {"ci_low", p.ci_low}, {"ci_high", p.ci_high}, {"fixed", p.fixed}});
  return j;
}

nlohmann::json observations_json(const scaling::RunObservations& runs, const scaling::FitResult& fit) {
  nlohmann::json j = nlohmann::json::array();
  for (std::size_t i = 0; i < runs.observations.size(); ++i) {
    const auto& o = runs.observations[i];
    j.push_back({{"run_id", runs.run_ids[i]}, {"name", o.label}, {"params", o.params}, {"tokens", o.tokens},
                 {"unique_tokens", o.unique_tokens}, {"loss", o.loss}, {"predicted", fit.residuals[i].predicted},
                 {"log_residual", fit.residuals[i].log_residual}});
  }
  return j;
}

// e, a, b are fitted as logs; the table also shows E, A, B.
void print_parameters(const scaling::FitResult& fit, double confidence) {
  std::printf("%-8s %12s   %-27s %s\n", "param", "value", "bootstrap interval", "");
  for (const auto& p : fit.parameters) {
    char interval[64] = "(fixed)";
    if (!p.fixed)
      std::snprintf(interval, sizeof interval, "[%.4g, %.4g]", p.ci_low, p.ci_high);
    std::string natural;
    if (p.name == "e" || p.name == "a" || p.name == "b") {
      char buffer[48];
      std::snprintf(buffer, sizeof buffer, "%c = exp(%s) = %.4g", p.name[0] - 'a' + 'A', p.name.c_str(), std::exp(p.value));
      natural = buffer;
    }
    std::printf("%-8s %12.5g   %-27s %s\n", p.name.c_str(), p.value, interval, natural.c_str());
  }
  std::printf("(L-BFGS from the %d best grid points; %.0f%% intervals from %d bootstrap refits)\n", fit.starts, 100.0 * confidence,
              fit.bootstrap_samples);
}

void print_residuals(const scaling::RunObservations& runs, const scaling::FitResult& fit) {
  std::size_t width = 4;
  for (const auto& o : runs.observations) width = std::max(width, o.label.size());
  std::printf("\n%5s  %-*s %10s %10s %10s %10s %10s %10s\n", "run", static_cast<int>(width), "name", "params",
              "tokens", "unique", "measured", "predicted", "log resid");
  for (std::size_t i = 0; i < runs.observations.size(); ++i) {
    const auto& o = runs.observations[i];
    std::printf("%5lld  %-*s %10s %10s %10s %10.4f %10.4f %+10.4f\n", static_cast<long long>(runs.run_ids[i]),
                static_cast<int>(width), o.label.c_str(), format_quantity(o.params).c_str(),
                format_quantity(o.tokens).c_str(), format_quantity(o.unique_tokens).c_str(), o.loss,
                fit.residuals[i].predicted, fit.residuals[i].log_residual);
  }
}

void fit_command(const FitArgs& args, const CliContext& context) {
  if (args.loss != "final" && args.loss != "best")
    throw UserError(ExitCode::kUsage, "--loss " + args.loss + ": expected final or best");
  auto store = args.save.empty() ? context.open_store_for_reading() : RunStore::open(context.db_path());
  auto rows = select_runs(store, args.selection);
  scaling::ObservationOptions observe;
  observe.best = args.loss == "best";
  observe.metric = args.metric;
  if (args.vocab > 0) observe.vocab = args.vocab;
  const auto runs = scaling::observations_from_runs(store, rows, observe);
  for (const auto& s : runs.skipped)
    std::fprintf(stderr, "skipped run %lld (%s): %s\n", static_cast<long long>(s.run_id), s.name.c_str(), s.reason.c_str());

  scaling::FitOptions options;
  options.bootstrap_samples = args.bootstrap;
  options.seed = args.seed;
  options.fixed = parse_fixed(args.fixed);
  if (!args.fix_from.empty()) fix_from_saved(store, args, options.fixed);
  scaling::FitResult fit;
  try {
    fit = scaling::fit(scaling::fit_law_from_name(args.law), runs.observations, options);
  } catch (const std::invalid_argument& e) {
    throw UserError(ExitCode::kUsage, e.what(),
                    "fit more runs (vary parameters and tokens), or hold parameters with --fix NAME=VALUE");
  }
  std::string run_list;
  for (const auto id : runs.run_ids) run_list += (run_list.empty() ? "" : ",") + std::to_string(id);
  const auto& experiment = args.selection.experiment;
  const std::string source = (experiment.empty() ? "" : "experiment " + experiment + ", ") + "runs " +
                             run_list + ", " + args.loss + " " + args.metric;
  if (!args.save.empty())
    store.save_fit({0, args.save, args.law, parameters_json(fit).dump(), observations_json(runs, fit).dump(), source, ""});

  if (args.json)
    return print_json({{"law", args.law}, {"source", source}, {"objective", fit.objective}, {"starts", fit.starts},
                       {"bootstrap_samples", fit.bootstrap_samples}, {"confidence", options.confidence},
                       {"parameters", parameters_json(fit)}, {"runs", observations_json(runs, fit)},
                       {"saved_as", args.save.empty() ? nlohmann::json() : nlohmann::json(args.save)}});
  std::printf("Fit of the %s law to %zu runs (%s):\n", args.law.c_str(), runs.observations.size(), source.c_str());
  print_parameters(fit, options.confidence);
  print_residuals(runs, fit);
  if (!args.save.empty())
    std::printf("\nSaved as \"%s\": `workbench-cli scaling predict --fit %s --params N --tokens D%s`\n", args.save.c_str(),
                args.save.c_str(), args.law == "data-constrained" ? " --unique U" : "");
}

}  // namespace

void add_scaling_fit_command(CLI::App& scaling, CliContext& context) {
  auto args = std::make_shared<FitArgs>();
  auto* fit = scaling.add_subcommand("fit", "Fit a scaling law to your finished runs (Huber on log-loss, L-BFGS, bootstrap)");
  fit->add_option("--experiment", args->selection.experiment, "Fit every finished run of this experiment (id or name)");
  fit->add_option("--runs", args->selection.runs, "Fit these runs (ids or exact names)")->delimiter(',');
  fit->add_option("--match", args->selection.match, "Keep only the runs whose name contains this text, e.g. /scratch");
  fit->add_option("--law", args->law, "chinchilla: E + A/N^alpha + B/D^beta; data-constrained: with N', D' of "
                                      "Muennighoff et al.; cpt: E + A/N^alpha + B/(D^beta N^gamma)")
      ->check(CLI::IsMember({"chinchilla", "data-constrained", "cpt"}))
      ->default_val("chinchilla");
  fit->add_option("--loss", args->loss, "final or best validation loss of each run")->default_val("final");
  fit->add_option("--metric", args->metric, "The loss metric, e.g. eval/val_loss/german for a CPT stage's new language")
      ->default_val("eval/val_loss");
  fit->add_option("--fix", args->fixed, "Hold a parameter at a value: NAME=VALUE (e, a, b are log E, log A, log B)");
  fit->add_option("--fix-from", args->fix_from,
                  "Hold what this law shares with a saved chinchilla fit: e, a, alpha for cpt (Zheng et al.), "
                  "e, a, b, alpha, beta for data-constrained (Muennighoff et al.)");
  fit->add_option("--bootstrap", args->bootstrap, "Bootstrap refits for the confidence intervals (0: none)")
      ->check(whole_number(0, 100000))->default_val(200);
  fit->add_option("--seed", args->seed, "Seed of the bootstrap resampling")->default_val(1234);
  fit->add_option("--vocab", args->vocab, "Vocabulary size, to count parameters of runs recorded before the store kept "
                                          "the count");
  fit->add_option("--save", args->save, "Save the fit under this name (replaces a fit of that name)");
  fit->add_flag("--json", args->json, "Print JSON instead of tables");
  fit->footer(
      "N is each run's trainable parameter count, D the tokens trained up to the chosen loss, U its unique tokens.\n"
      "With few runs, fit fewer parameters: e.g. --fix alpha=0.34 --fix beta=0.28.\n"
      "Example (the continual-pre-training law of Zheng et al. on the cpt-vs-scratch-mini preset; six runs\n"
      "cannot pin down the exponents, so they are held at Zheng et al.'s values):\n"
      "  workbench-cli scaling fit --experiment cpt-vs-scratch-mini --match /scratch \\\n"
      "      --fix alpha=0.4 --fix beta=0.3 --save de-scratch\n"
      "  workbench-cli scaling fit --experiment cpt-vs-scratch-mini --match /cpt --law cpt \\\n"
      "      --fix-from de-scratch");
  fit->callback([args, &context] { fit_command(*args, context); });
}

}  // namespace wb
