// The run spec: top-level parsing, serialization of the resolved spec, and the plan that follows
// from it. The sections' parsers are in spec_sections.cpp.
#include "spec/run_spec.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "spec/spec_reader.hpp"
#include "spec/spec_sections.hpp"

namespace wb {

const char* to_string(TokenizerKind kind) {
  switch (kind) {
    case TokenizerKind::kByte: return "byte";
    case TokenizerKind::kChar: return "char";
    case TokenizerKind::kBpe: return "bpe";
  }
  return "char";
}

const char* to_string(Architecture arch) {
  switch (arch) {
    case Architecture::kDense: return "dense";
    case Architecture::kMoe: return "moe";
    case Architecture::kShared: return "shared";
  }
  return "dense";
}

RunSpec parse_run_spec(const nlohmann::json& j) {
  using namespace spec_detail;
  SpecReader r(j, "");
  RunSpec spec;
  r.text("name", spec.name);
  if (auto d = r.object("data")) spec.data = parse_data(*d);
  else spec.data.epochs = 1.0;  // no data section: unique data by default, as parse_data decides
  if (auto m = r.object("model")) spec.model = parse_model(*m);
  if (auto o = r.object("optimizer")) spec.optimizer = parse_optimizer(*o);
  if (auto t = r.object("training")) spec.training = parse_training(*t);
  if (auto o = r.object("objective")) spec.objective = parse_objective(*o);
  if (auto e = r.object("eval")) spec.eval = parse_eval(*e);
  if (auto i = r.object("init_from")) spec.init_from = parse_init_from(*i);
  // Experiment-level keys are allowed here so a run spec can be read from a full experiment file.
  r.reject_unknown_keys({"schema", "description", "grid", "runs"});
  if (spec.training.cuda_graphs)
    if (const auto why = cuda_graphs_refusal(spec.model, spec.objective); !why.empty())
      throw SpecError("training.cuda_graphs: " + why, "set training.cuda_graphs to false for this run");
  plan_run(spec);  // rejects budgets too small for one step, etc.
  return spec;
}

namespace {

nlohmann::json data_json(const DataSpec& d) {
  nlohmann::json tokenizer = {{"kind", to_string(d.tokenizer.kind)}};
  if (d.tokenizer.kind == TokenizerKind::kBpe) tokenizer["vocab_size"] = d.tokenizer.vocab_size;
  if (!d.tokenizer.corpora.empty()) tokenizer["corpora"] = d.tokenizer.corpora;
  nlohmann::json data = {{"corpus", d.corpus}, {"tokenizer", tokenizer},
                         {"validation_fraction", d.validation_fraction}, {"split_seed", d.split_seed}};
  if (d.unique_tokens) data["unique_tokens"] = *d.unique_tokens;
  if (d.epochs) data["epochs"] = *d.epochs;
  if (d.replay.fraction > 0.0) data["replay"] = {{"corpus", d.replay.corpus}, {"fraction", d.replay.fraction}};
  return data;
}

nlohmann::json model_json(const ModelSpec& m) {
  const auto& d = m.dropout;
  nlohmann::json model = {
      {"n_layer", m.n_layer}, {"n_head", m.n_head}, {"n_embd", m.n_embd}, {"block_size", m.block_size},
      {"bias", m.bias}, {"arch", to_string(m.arch)}, {"drop_path", m.drop_path},
      {"dropout", {{"attn", d.attn}, {"resid", d.resid}, {"embd", d.embd}, {"schedule", d.schedule.kind},
                   {"unit", d.schedule.unit}, {"start", d.schedule.start}, {"end", d.schedule.end}}}};
  if (m.arch == Architecture::kMoe)
    model["moe"] = {{"n_expert", m.moe.n_expert}, {"top_k", m.moe.top_k}, {"moe_every", m.moe.moe_every},
                    {"capacity_factor", m.moe.capacity_factor}, {"aux_loss_coef", m.moe.aux_loss_coef},
                    {"z_loss_coef", m.moe.z_loss_coef}, {"expert_hidden", m.moe.expert_hidden}};
  if (m.arch == Architecture::kShared) model["share_groups"] = m.share_groups;
  return model;
}

nlohmann::json optimizer_json(const OptimizerSpec& o) {
  nlohmann::json j = {{"lr", o.lr}, {"min_lr", o.min_lr}, {"warmup_steps", o.warmup_steps},
                      {"decay_steps", o.decay_steps}, {"weight_decay", o.weight_decay}, {"beta1", o.beta1},
                      {"beta2", o.beta2}, {"grad_clip", o.grad_clip}, {"schedule", o.schedule},
                      {"warmup_from_lr", o.warmup_from_lr}};
  if (o.schedule == "infinite") {
    j["constant_lr"] = o.constant_lr;
    j["cooldown_steps"] = o.cooldown_steps;
    j["cooldown"] = o.cooldown;
    j["anneal_steps"] = o.anneal_steps;
    j["anneal"] = o.anneal;
    j["anneal_start"] = o.anneal_start;
  }
  return j;
}

nlohmann::json eval_json(const EvalSpec& e) {
  return {{"corpora", e.corpora},
          {"downstream", {{"tasks", e.downstream.tasks}, {"files", e.downstream.files},
                          {"examples", e.downstream.examples}, {"every", e.downstream.every},
                          {"seed", e.downstream.seed}}},
          {"onset", {{"min_rise", e.onset.min_rise}, {"patience", e.onset.patience},
                     {"smoothing", e.onset.smoothing}}}};
}

}  // namespace

nlohmann::json to_json(const RunSpec& s) {
  const auto& t = s.training;
  const auto& o = s.objective;
  nlohmann::json j = {
      {"schema", "workbench.run/1"},
      {"name", s.name},
      {"data", data_json(s.data)},
      {"model", model_json(s.model)},
      {"optimizer", optimizer_json(s.optimizer)},
      {"training",
       {{"token_budget", t.token_budget}, {"batch_size", t.batch_size}, {"grad_accum", t.grad_accum},
        {"seed", t.seed}, {"eval_interval", t.eval_interval}, {"eval_batches", t.eval_batches},
        {"checkpoint_interval", t.checkpoint_interval}, {"device", t.device}, {"threads", t.threads},
        {"label_smoothing", t.label_smoothing}}},
      {"objective", {{"kind", o.kind}, {"noise_density", o.noise_density}, {"mean_span", o.mean_span},
                     {"mask_rate", o.mask_rate}}},
      {"eval", eval_json(s.eval)}};
  // Written only when on: the specs written before it existed keep their JSON, and so their
  // checkpoints' fingerprints.
  if (t.cuda_graphs) j["training"]["cuda_graphs"] = true;
  if (!s.init_from.run.empty()) j["init_from"] = {{"run", s.init_from.run}, {"optimizer", s.init_from.optimizer}};
  return j;
}

std::int64_t replay_sequences_before(std::int64_t sequences, double fraction) {
  // floor(n f) computed so that it is exact for fractions like 0.25 and never off by one from
  // rounding: the replay share over any prefix of the run is within one sequence of n f.
  return static_cast<std::int64_t>(std::floor(static_cast<double>(sequences) * fraction + 1e-9));
}

std::string cuda_graphs_refusal(const ModelSpec& model, const ObjectiveSpec& objective) {
  if (model.arch == Architecture::kMoe)
    return "a mixture-of-experts model routes a different number of tokens to each expert at every step, "
           "which a recorded graph (fixed shapes) cannot follow; dense and shared models can be recorded";
  if (objective.kind != "causal")
    return "the " + objective.kind + " objective builds each batch's attention mask after reading its prefixes "
           "on the host, which a recorded graph cannot do; only the causal objective can be recorded";
  const auto& d = model.dropout;
  if (d.schedule.kind == "linear" && (d.attn > 0 || d.resid > 0 || d.embd > 0))
    return "a linear dropout schedule changes the rates at every step, and a recording holds the rates it was "
           "recorded with, so every step would be recorded anew; constant, dropstage and early schedules change "
           "them at most once";
  return {};
}

RunPlan plan_run(const RunSpec& spec) {
  const auto& t = spec.training;
  const std::int64_t block = spec.model.block_size;
  RunPlan plan;
  plan.tokens_per_step = std::int64_t{t.batch_size} * block * t.grad_accum;
  plan.total_steps = t.token_budget / plan.tokens_per_step;
  if (plan.total_steps < 1)
    throw SpecError("training.token_budget: " + std::to_string(t.token_budget) +
                    " is less than one optimizer step of " + std::to_string(plan.tokens_per_step) +
                    " tokens (batch_size x block_size x grad_accum); raise the budget or "
                    "lower the batch");
  plan.train_tokens = plan.total_steps * plan.tokens_per_step;
  plan.replay_tokens = replay_sequences_before(plan.train_tokens / block, spec.data.replay.fraction) * block;
  const std::int64_t new_tokens = plan.train_tokens - plan.replay_tokens;
  // U is whole block_size sequences: every unique token is an input exactly R times.
  const double budget_new = static_cast<double>(t.token_budget) * (1.0 - spec.data.replay.fraction);
  double unique = spec.data.unique_tokens ? static_cast<double>(*spec.data.unique_tokens) : budget_new / *spec.data.epochs;
  plan.unique_tokens = static_cast<std::int64_t>(unique) / block * block;
  if (plan.unique_tokens < block)
    throw SpecError(std::string(spec.data.unique_tokens ? "data.unique_tokens" : "data.epochs") +
                    ": leaves fewer unique tokens than one sequence of block_size " + std::to_string(block) +
                    "; allowed: unique_tokens >= model.block_size");
  plan.epochs = static_cast<double>(new_tokens) / static_cast<double>(plan.unique_tokens);
  return plan;
}

}  // namespace wb

namespace wb {

std::string rank_counts_sharing(int batch_size, int up_to) {
  std::vector<int> divisors;
  for (int n = 1; n <= std::min(batch_size, up_to); ++n)
    if (batch_size % n == 0) divisors.push_back(n);
  std::string counts;
  for (std::size_t i = 0; i < divisors.size(); ++i)
    counts += (i == 0 ? "" : i + 1 == divisors.size() ? " or " : ", ") + std::to_string(divisors[i]);
  return counts + (divisors.size() == 1 ? " rank" : " ranks");
}

int rank_batch_size(const TrainingSpec& training, int world_size) {
  if (world_size < 1 || training.batch_size % world_size != 0)
    throw SpecError("training.batch_size: " + std::to_string(training.batch_size) + " sequences cannot be split evenly "
                    "over " + std::to_string(world_size) + " ranks",
                    "run on " + rank_counts_sharing(training.batch_size, std::max(64, world_size)) +
                        ", or use a batch_size that is a multiple of " + std::to_string(world_size) +
                        " (the global batch stays the experiment's)");
  return training.batch_size / world_size;
}

void check_rank_split(const RunSpec& spec, int world_size) {
  try {
    rank_batch_size(spec.training, world_size);
  } catch (const SpecError& e) {
    throw SpecError(spec.name + ": " + e.what(), e.fix());
  }
}

}  // namespace wb
