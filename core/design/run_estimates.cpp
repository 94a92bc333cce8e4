// Run estimates: plan_run for U, R and D; model_size for N and FLOPs; saved fits for the loss.
#include "design/run_estimates.hpp"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "model/model_size.hpp"
#include "scaling/law_fit.hpp"

namespace wb::design {
namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

bool is_law(const FitRow& fit, std::string_view law) { return fit.law == law; }

}  // namespace

int estimated_vocab(const DataSpec& data) {
  switch (data.tokenizer.kind) {
    case TokenizerKind::kByte: return 257;
    case TokenizerKind::kBpe: return data.tokenizer.vocab_size > 0 ? data.tokenizer.vocab_size : 1024;
    case TokenizerKind::kChar: break;
  }
  return 96;
}

const FitRow* choose_fit(const std::vector<FitRow>& fits, double epochs) {
  // The newest fit of a law: the highest id (save_fit replaces by name, so ids grow with time).
  const auto newest = [&](std::string_view law) -> const FitRow* {
    const FitRow* best = nullptr;
    for (const auto& f : fits)
      if (is_law(f, law) && (!best || f.id > best->id)) best = &f;
    return best;
  };
  const FitRow* constrained = newest("data-constrained");
  const FitRow* chinchilla = newest("chinchilla");
  // At one epoch the data-constrained law reduces to Chinchilla's form (D' = D), so a Chinchilla
  // fit, made for unique data, is the better choice there; repeated data needs D'.
  const bool repeated = epochs > 1.0 + 1e-9;
  if (repeated) return constrained ? constrained : chinchilla;
  return chinchilla ? chinchilla : constrained;
}

std::optional<double> predict_with_fit(const FitRow& fit, double params, double tokens, double unique_tokens) {
  try {
    const auto law = scaling::fit_law_from_name(fit.law);
    const auto saved = nlohmann::json::parse(fit.parameters_json);
    std::vector<double> values;
    for (const auto& name : scaling::fit_parameter_names(law)) {
      const auto it = std::find_if(saved.begin(), saved.end(), [&](const auto& p) { return p.at("name") == name; });
      if (it == saved.end()) return std::nullopt;
      values.push_back(it->at("value").template get<double>());
    }
    const double loss = scaling::predict_loss(law, values, {"", params, tokens, unique_tokens, 1.0});
    if (!std::isfinite(loss)) return std::nullopt;
    return loss;
  } catch (const std::exception&) {
    return std::nullopt;  // an unknown law or a malformed row predicts nothing rather than failing
  }
}

RunEstimate estimate_run(const RunSpec& spec, const EstimateOptions& options) {
  RunEstimate out;
  out.name = spec.name;
  const GptConfig config = GptConfig::from(spec.model, options.vocab.value_or(estimated_vocab(spec.data)));
  out.parameters = count_parameters(config).total;
  try {
    const RunPlan plan = plan_run(spec);
    out.unique_tokens = plan.unique_tokens;
    out.epochs = plan.epochs;
    out.train_tokens = plan.train_tokens;
  } catch (const SpecError& e) {
    out.error = e.what();
    return out;
  }
  out.flops = flops_per_token(config) * static_cast<double>(out.train_tokens);
  if (options.flops_per_s && *options.flops_per_s > 0) out.eta_s = out.flops / *options.flops_per_s;
  if (const FitRow* fit = choose_fit(options.fits, out.epochs)) {
    out.predicted_loss = predict_with_fit(*fit, static_cast<double>(out.parameters),
                                          static_cast<double>(out.train_tokens),
                                          static_cast<double>(out.unique_tokens));
    if (out.predicted_loss) out.law_fit = fit->name;
  }
  return out;
}

std::vector<RunEstimate> estimate_runs(const ExperimentSpec& experiment, const EstimateOptions& options) {
  std::vector<RunEstimate> out;
  out.reserve(experiment.runs.size());
  for (const auto& run : experiment.runs) out.push_back(estimate_run(run.spec, options));
  return out;
}

std::optional<double> measured_throughput(const RunStore& store, int newest) {
  auto runs = store.runs();
  std::sort(runs.begin(), runs.end(), [](const RunRow& a, const RunRow& b) { return a.id > b.id; });
  std::vector<double> rates;
  for (const auto& row : runs) {
    if (static_cast<int>(rates.size()) >= newest) break;
    if (row.status != "finished") continue;
    std::vector<double> tokens_per_s;
    for (const auto& p : store.metric_points(row.id, "tokens_per_s"))
      if (p.value > 0 && std::isfinite(p.value)) tokens_per_s.push_back(p.value);
    if (tokens_per_s.empty()) continue;
    RunSpec spec;
    try {
      spec = parse_run_spec(nlohmann::json::parse(row.spec_json));
    } catch (const std::exception&) {
      continue;  // a run whose spec this build cannot read says nothing about the model's size
    }
    const GptConfig config = GptConfig::from(spec.model, estimated_vocab(spec.data));
    // The median of a run's evaluations skips the slow first interval (warmup, allocation).
    rates.push_back(median(tokens_per_s) * flops_per_token(config));
  }
  if (rates.empty()) return std::nullopt;
  return median(rates);
}

Totals totals(const std::vector<RunEstimate>& runs) {
  Totals t;
  double eta = 0.0;
  bool all_eta = !runs.empty();
  for (const auto& r : runs) {
    t.train_tokens += r.train_tokens;
    t.flops += r.flops;
    if (r.eta_s) eta += *r.eta_s; else all_eta = false;
  }
  if (all_eta) t.eta_s = eta;
  return t;
}

}  // namespace wb::design
