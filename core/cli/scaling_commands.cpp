// `workbench-cli scaling optimal | predict | effective-data | plan | fits`: the published scaling
// laws as commands (Hoffmann et al. 2022, Besiroglu et al. 2024, Muennighoff et al. 2023, Zheng
// et al. 2024), human-readable by default and --json for scripts. `scaling fit` is in
// scaling_fit_command.cpp.
#include <algorithm>
#include <cstdio>
#include <memory>

#include "cli/cli_context.hpp"
#include "cli/scaling_args.hpp"
#include "scaling/compute_optimal.hpp"
#include "scaling/cpt_law.hpp"
#include "scaling/law_fit.hpp"
#include "scaling/plan.hpp"
#include "store/run_store.hpp"

namespace wb {
namespace {

using scaling::format_flops;
using scaling::format_quantity;

struct ScalingArgs {
  std::string params, tokens, flops, unique;
  std::string optimal_law = "chinchilla-approach1";
  std::string predict_law = "data-constrained";
  std::string fit;
  double rd_star = 0.0;
  bool json = false;
};

std::string describe_law(const std::string& law) {
  if (law == "chinchilla-approach1") return "Hoffmann et al. 2022, Approach 1 (fitted to their Table 3)";
  if (law == "chinchilla-approach3") return "Hoffmann et al. 2022, Approach 3";
  if (law == "besiroglu") return "Besiroglu et al. 2024, replication of Approach 3";
  if (law == "cpt") return "Zheng et al. 2024, continual pre-training";
  if (law == "zheng-scratch") return "Zheng et al. 2024, training from scratch";
  if (law == "data-constrained") return "Muennighoff et al. 2023, data-constrained";
  return law;
}

nlohmann::json to_json(const scaling::Allocation& a) {
  return {{"params", a.params}, {"tokens", a.tokens}, {"flops", a.flops}, {"tokens_per_param", a.tokens_per_param}};
}

void print_allocation_header() {
  std::printf("%12s %12s %12s %14s\n", "parameters", "tokens", "FLOPs", "tokens/param");
}
void print_allocation(const scaling::Allocation& a) {
  std::printf("%12s %12s %12s %14.1f\n", format_quantity(a.params).c_str(), format_quantity(a.tokens).c_str(),
              format_flops(a.flops).c_str(), a.tokens_per_param);
}

void optimal(const ScalingArgs& args) {
  const auto params = optional_quantity(args.params, "--params");
  const auto tokens = optional_quantity(args.tokens, "--tokens");
  const auto flops = optional_quantity(args.flops, "--flops");
  if (params.has_value() + tokens.has_value() + flops.has_value() != 1)
    throw UserError(ExitCode::kUsage, "scaling optimal needs exactly one of --params, --tokens, --flops",
                    "e.g. `workbench-cli scaling optimal --params 70B` or `--flops 5.76e23`");
  scaling::AllocationLaw law{};
  try {
    law = scaling::allocation_law_from_name(args.optimal_law);
  } catch (const std::invalid_argument& e) {
    throw UserError(ExitCode::kUsage, std::string("--law: ") + e.what());
  }
  const auto frontier = scaling::frontier(law);
  const auto a = params ? scaling::optimal_for_params(frontier, *params)
                 : tokens ? scaling::optimal_for_tokens(frontier, *tokens)
                          : scaling::optimal_for_flops(frontier, *flops);
  if (args.json) {
    auto j = to_json(a);
    j["law"] = args.optimal_law;
    return print_json(j);
  }
  std::printf("Compute-optimal allocation, %s (C = 6 N D):\n", describe_law(args.optimal_law).c_str());
  print_allocation_header();
  print_allocation(a);
}

// unique_tokens as given; unique_tokens_seen, the law's U_D: at most the training tokens.
nlohmann::json effective_data_json(const scaling::EffectiveData& d, double unique) {
  return {{"unique_tokens", unique}, {"unique_tokens_seen", d.unique_tokens}, {"tokens", d.tokens}, {"epochs", d.epochs},
          {"repetitions", d.repetitions}, {"effective_tokens", d.effective_tokens},
          {"effective_ratio", d.ratio}, {"repeated_token_value", d.repeated_token_value}};
}

// `unique`: the unique tokens as given; with fewer training tokens than that, the law counts only
// the D tokens seen as unique (d.unique_tokens), and the table says so instead of changing U.
void print_effective_data(const scaling::EffectiveData& d, double unique) {
  std::printf("  unique tokens U        %12s\n  training tokens D      %12s\n  epochs D/U             %12.2f\n",
              format_quantity(unique).c_str(), format_quantity(d.tokens).c_str(), d.epochs);
  if (d.unique_tokens < unique)
    std::printf("  (under one epoch: only the %s tokens seen count as unique data, U_D = D)\n",
                format_quantity(d.unique_tokens).c_str());
  std::printf("  effective tokens D'    %12s\n  D'/D                   %12.3f\n"
              "  a repeated token is worth %.3f of a unique one\n",
              format_quantity(d.effective_tokens).c_str(), d.ratio, d.repeated_token_value);
}

void effective_data(const ScalingArgs& args) {
  const double unique = quantity_arg(args.unique, "--unique");
  const double tokens = quantity_arg(args.tokens, "--tokens");
  const double rd_star = args.rd_star > 0 ? args.rd_star : scaling::muennighoff_2023().rd_star;
  const auto d = scaling::effective_data(unique, tokens, rd_star);
  if (args.json) {
    auto j = effective_data_json(d, unique);
    j["rd_star"] = rd_star;
    return print_json(j);
  }
  std::printf("Effective data (Muennighoff et al. 2023, R_D* = %.4g):\n", rd_star);
  print_effective_data(d, unique);
}

// A saved fit's parameters, in the fit law's order.
std::vector<double> fit_parameters(const FitRow& row, scaling::FitLaw law) {
  std::vector<double> values;
  for (const auto& name : scaling::fit_parameter_names(law)) {
    const auto value = saved_fit_value(row, name);
    if (!value)
      throw UserError(ExitCode::kStore, "saved fit \"" + row.name + "\" has no parameter " + name,
                      "re-make it with `workbench-cli scaling fit ... --save " + row.name + "`");
    values.push_back(*value);
  }
  return values;
}

void predict(const ScalingArgs& args, const CliContext& context) {
  const double params = quantity_arg(args.params, "--params");
  const double tokens = quantity_arg(args.tokens, "--tokens");
  const auto unique = optional_quantity(args.unique, "--unique");
  nlohmann::json j = {{"params", params}, {"tokens", tokens}};
  double loss = 0.0;
  std::string law = args.predict_law;
  if (!args.fit.empty()) {
    auto store = context.open_store_for_reading();
    const auto row = store.find_fit(args.fit);
    if (!row)
      throw UserError(ExitCode::kUsage, "no saved fit \"" + args.fit + "\" in " + store.path().string(),
                      "list them with `workbench-cli scaling fits`; make one with `scaling fit ... --save NAME`");
    const auto fit_law = scaling::fit_law_from_name(row->law);
    if (fit_law == scaling::FitLaw::kDataConstrained && !unique)
      throw UserError(ExitCode::kUsage, "fit \"" + args.fit + "\" is a data-constrained law: it needs --unique",
                      "give the unique tokens, e.g. --unique 25B");
    loss = scaling::predict_loss(fit_law, fit_parameters(*row, fit_law), {"", params, tokens, unique.value_or(tokens), 1.0});
    law = "fit \"" + args.fit + "\" (" + row->law + ", " + row->source + ")";
    j["fit"] = args.fit;
  } else if (law == "data-constrained") {
    if (!unique)
      throw UserError(ExitCode::kUsage, "the data-constrained law needs --unique (the unique tokens)",
                      "e.g. `workbench-cli scaling predict --law data-constrained --params 6.34B --tokens 242B "
                      "--unique 25B`");
    const auto p = scaling::predict(scaling::muennighoff_2023(), params, tokens, *unique);
    loss = p.loss;
    j["effective_params"] = p.params.effective_params;
    j["useful_params"] = p.params.useful_params;
    j["data"] = effective_data_json(p.data, *unique);
    if (!args.json) {
      std::printf("Predicted loss %.4f (%s)\n", loss, describe_law(law).c_str());
      std::printf("  parameters N           %12s\n  useful parameters U_N  %12s  (compute-optimal for U)\n"
                  "  effective params N'    %12s\n",
                  format_quantity(params).c_str(), format_quantity(p.params.useful_params).c_str(),
                  format_quantity(p.params.effective_params).c_str());
      print_effective_data(p.data, *unique);
      return;
    }
  } else if (law == "cpt") {
    loss = scaling::zheng_cpt().loss(params, tokens);
  } else if (law == "chinchilla-approach3") {
    loss = scaling::chinchilla_approach3().loss(params, tokens);
  } else if (law == "besiroglu") {
    loss = scaling::besiroglu_2024().loss(params, tokens);
  } else if (law == "zheng-scratch") {
    loss = scaling::zheng_scratch().loss(params, tokens);
  } else {
    throw UserError(ExitCode::kUsage, "--law: unknown law \"" + law + "\"",
                    "use chinchilla-approach3, besiroglu, data-constrained, cpt or zheng-scratch, or --fit NAME");
  }
  j["law"] = args.fit.empty() ? args.predict_law : "fit";
  j["loss"] = loss;
  if (args.json) return print_json(j);
  std::printf("Predicted loss %.4f for %s parameters on %s tokens (%s)\n", loss, format_quantity(params).c_str(),
              format_quantity(tokens).c_str(), describe_law(law).c_str());
}

void plan(const ScalingArgs& args) {
  const double flops = quantity_arg(args.flops, "--flops");
  const double unique = quantity_arg(args.unique, "--unique");
  const auto p = scaling::plan_for_flops(scaling::muennighoff_2023(), flops, unique);
  if (args.json) {
    return print_json({{"flops", flops},
                       {"unique_tokens", unique},
                       {"best", to_json(p.best)},
                       {"best_epochs", p.at_best.data.epochs},
                       {"best_loss", p.at_best.loss},
                       {"unconstrained", to_json(p.unconstrained)},
                       {"unconstrained_epochs", p.at_unconstrained.data.epochs},
                       {"unconstrained_loss", p.at_unconstrained.loss}});
  }
  std::printf("Best use of %s FLOPs with %s unique tokens (Muennighoff et al. 2023, data-constrained law):\n",
              format_flops(flops).c_str(), format_quantity(unique).c_str());
  std::printf("%-28s %12s %12s %9s %10s\n", "", "parameters", "tokens", "epochs", "loss");
  const auto row = [](const char* label, const scaling::Allocation& a, const scaling::DataConstrainedPrediction& at) {
    std::printf("%-28s %12s %12s %9.2f %10.4f\n", label, format_quantity(a.params).c_str(),
                format_quantity(a.tokens).c_str(), at.data.epochs, at.loss);
  };
  row("best under the data limit", p.best, p.at_best);
  row("compute-optimal, unlimited", p.unconstrained, p.at_unconstrained);
  std::printf("Repeating data %.1f times beats the unlimited-data allocation's %.1f epochs by %.4f in loss.\n",
              p.at_best.data.epochs, p.at_unconstrained.data.epochs, p.at_unconstrained.loss - p.at_best.loss);
}

void list_fits(const ScalingArgs& args, const CliContext& context) {
  auto store = context.open_store_for_reading();
  const auto fits = store.fits();
  if (args.json) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& f : fits)
      j.push_back({{"name", f.name}, {"law", f.law}, {"source", f.source}, {"created_at", f.created_at},
                   {"parameters", nlohmann::json::parse(f.parameters_json)}});
    return print_json(j);
  }
  if (fits.empty()) {
    std::printf("(no saved fits in %s; make one with `workbench-cli scaling fit ... --save NAME`)\n",
                store.path().string().c_str());
    return;
  }
  for (const auto& f : fits) {
    std::printf("%s  [%s]  %s  (%s)\n   ", f.name.c_str(), f.law.c_str(), f.source.c_str(), f.created_at.c_str());
    for (const auto& p : nlohmann::json::parse(f.parameters_json))
      std::printf(" %s=%.4g", p.at("name").get<std::string>().c_str(), p.at("value").get<double>());
    std::printf("\n");
  }
}

}  // namespace

void add_scaling_commands(CLI::App& app, CliContext& context) {
  auto args = std::make_shared<ScalingArgs>();
  auto* scaling = app.add_subcommand(
      "scaling", "Scaling laws: compute-optimal sizes, the data-constrained (repetition) law, the CPT law, fits");
  scaling->require_subcommand(1);
  scaling->footer(
      "Numbers take suffixes: 400M, 70B, 1.4T (B = 1e9), or scientific notation (5.76e23).\n"
      "Laws: chinchilla-approach1 (Hoffmann et al. 2022, their Table 3), chinchilla-approach3, besiroglu\n"
      "(Besiroglu et al. 2024), data-constrained (Muennighoff et al. 2023), cpt and zheng-scratch (Zheng et al.\n"
      "2024). Published constants: docs/scaling.md.");
  const auto add_json = [&](CLI::App* cmd) { cmd->add_flag("--json", args->json, "Print JSON instead of a table"); };

  auto* opt = scaling->add_subcommand("optimal", "Compute-optimal parameters and tokens for a budget (C = 6 N D)");
  opt->add_option("--params", args->params, "Model size N; gives the FLOPs and tokens it is optimal for");
  opt->add_option("--flops", args->flops, "Training compute C in FLOPs");
  opt->add_option("--tokens", args->tokens, "Training tokens D");
  opt->add_option("--law", args->optimal_law, "chinchilla-approach1 (default), chinchilla-approach3, besiroglu, cpt, zheng-scratch")
      ->capture_default_str();
  opt->footer("Example: workbench-cli scaling optimal --params 70B   (-> 1.46T tokens, 6.1e23 FLOPs: Table 3 interpolated)");
  add_json(opt);
  opt->callback([args] { optimal(*args); });

  auto* pred = scaling->add_subcommand("predict", "Predicted loss of N parameters trained on D tokens (of U unique)");
  pred->add_option("--params", args->params, "Parameters N")->required();
  pred->add_option("--tokens", args->tokens, "Training tokens D")->required();
  pred->add_option("--unique", args->unique, "Unique tokens U (data-constrained law): D / U epochs");
  pred->add_option("--law", args->predict_law, "chinchilla-approach3, besiroglu, data-constrained (default), cpt, zheng-scratch")
      ->capture_default_str();
  pred->add_option("--fit", args->fit, "Use a fit saved with `scaling fit --save NAME` instead of a published law");
  pred->footer("Example: workbench-cli scaling predict --params 6.34B --tokens 242B --unique 25B   (-> 2.2256)");
  add_json(pred);
  pred->callback([args, &context] { predict(*args, context); });

  auto* eff = scaling->add_subcommand("effective-data", "What D tokens drawn from U unique ones are worth: D', epochs, D'/D");
  eff->add_option("--unique", args->unique, "Unique tokens U")->required();
  eff->add_option("--tokens", args->tokens, "Training tokens D")->required();
  eff->add_option("--rd-star", args->rd_star, "R_D* (default: Muennighoff et al.'s 15.39)");
  eff->footer("Example: workbench-cli scaling effective-data --unique 100B --tokens 400B   (4 epochs: D'/D = 0.93)");
  add_json(eff);
  eff->callback([args] { effective_data(*args); });

  auto* pl = scaling->add_subcommand("plan", "Best parameters, tokens and epochs for C FLOPs when only U unique tokens exist");
  pl->add_option("--flops", args->flops, "Training compute C in FLOPs")->required();
  pl->add_option("--unique", args->unique, "Unique tokens available U")->required();
  pl->footer("Example: workbench-cli scaling plan --flops 9.26e21 --unique 25B   (-> 6.8B parameters, 227B tokens, 9.1 epochs)");
  add_json(pl);
  pl->callback([args] { plan(*args); });

  auto* fits = scaling->add_subcommand("fits", "List the fits saved in the run database");
  add_json(fits);
  fits->callback([args, &context] { list_fits(*args, context); });

  add_scaling_fit_command(*scaling, context);
}

}  // namespace wb
