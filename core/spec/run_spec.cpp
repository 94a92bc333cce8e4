// Parsing, validation and serialization of one run's spec, and the plan that follows from it.
#include "spec/run_spec.hpp"

#include <cmath>
#include <limits>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "spec/spec_reader.hpp"

namespace wb {
namespace {

constexpr std::int64_t kMaxTokens = std::int64_t{1} << 50;

TokenizerSpec parse_tokenizer(SpecReader r) {
  TokenizerSpec t;
  std::string kind = "char";
  r.choice("kind", kind, {"byte", "char", "bpe"});
  t.kind = kind == "byte" ? TokenizerKind::kByte : kind == "bpe" ? TokenizerKind::kBpe : TokenizerKind::kChar;
  if (t.kind == TokenizerKind::kBpe) {
    t.vocab_size = 1024;
    r.integer("vocab_size", t.vocab_size, 260, 1000000);
  } else if (r.has("vocab_size")) {
    throw SpecError(r.field("vocab_size") + ": only a \"bpe\" tokenizer takes a vocab_size; " +
                    kind + " vocabularies follow from the corpus");
  }
  r.reject_unknown_keys();
  return t;
}

DataSpec parse_data(SpecReader r) {
  DataSpec d;
  r.text("corpus", d.corpus);
  if (auto t = r.object("tokenizer")) d.tokenizer = parse_tokenizer(*t);
  r.number("validation_fraction", d.validation_fraction, 0.001, 0.5);
  r.seed("split_seed", d.split_seed);
  if (r.has("unique_tokens") && r.has("epochs"))
    throw SpecError(r.field("epochs") + ": give either data.unique_tokens or data.epochs, not both; "
                    "the other follows from training.token_budget = unique_tokens x epochs");
  if (r.has("unique_tokens")) {
    std::int64_t u = 0;
    r.integer("unique_tokens", u, 1, kMaxTokens);
    d.unique_tokens = u;
  } else if (r.has("epochs")) {
    double e = 0;
    r.number("epochs", e, 1.0, 1e6);
    d.epochs = e;
  } else {
    d.epochs = 1.0;  // unique data by default
  }
  r.reject_unknown_keys({"unique_tokens", "epochs"});
  return d;
}

DropoutSpec parse_dropout(SpecReader& parent) {
  DropoutSpec d;
  const auto& raw = parent.raw("dropout");
  if (raw.is_null()) return d;
  if (raw.is_number()) {  // one rate for all three places, as nanoGPT's `dropout`
    double p = raw.get<double>();
    if (!(p >= 0.0 && p < 1.0))
      throw SpecError(parent.field("dropout") + ": " + format_number(p) + " is out of range; allowed: 0 to <1");
    d.attn = d.resid = d.embd = p;
    return d;
  }
  SpecReader r(raw, parent.field("dropout"));
  r.number("attn", d.attn, 0.0, 0.999);
  r.number("resid", d.resid, 0.0, 0.999);
  r.number("embd", d.embd, 0.0, 0.999);
  r.reject_unknown_keys();
  return d;
}

ModelSpec parse_model(SpecReader r) {
  ModelSpec m;
  r.integer("n_layer", m.n_layer, 1, 256);
  r.integer("n_head", m.n_head, 1, 256);
  r.integer("n_embd", m.n_embd, 1, 65536);
  r.integer("block_size", m.block_size, 2, 1 << 20);
  r.boolean("bias", m.bias);
  m.dropout = parse_dropout(r);
  if (m.n_embd % m.n_head != 0)
    throw SpecError(r.field("n_head") + ": " + std::to_string(m.n_head) + " does not divide n_embd " +
                    std::to_string(m.n_embd) + "; allowed: a divisor of model.n_embd");
  r.reject_unknown_keys();
  return m;
}

OptimizerSpec parse_optimizer(SpecReader r) {
  OptimizerSpec o;
  r.number("lr", o.lr, 1e-8, 10.0);
  r.number("min_lr", o.min_lr, 0.0, 10.0);
  r.integer("warmup_steps", o.warmup_steps, 0, kMaxTokens);
  r.integer("decay_steps", o.decay_steps, 0, kMaxTokens);
  r.number("weight_decay", o.weight_decay, 0.0, 10.0);
  r.number("beta1", o.beta1, 0.0, 0.9999999);
  r.number("beta2", o.beta2, 0.0, 0.9999999);
  r.number("grad_clip", o.grad_clip, 0.0, 1e6);
  if (o.min_lr > o.lr)
    throw SpecError(r.field("min_lr") + ": " + format_number(o.min_lr) + " is above optimizer.lr " +
                    format_number(o.lr) + "; allowed: 0 to optimizer.lr");
  r.reject_unknown_keys();
  return o;
}

TrainingSpec parse_training(SpecReader r) {
  TrainingSpec t;
  r.integer("token_budget", t.token_budget, 1, kMaxTokens);
  r.integer("batch_size", t.batch_size, 1, 1 << 20);
  r.integer("grad_accum", t.grad_accum, 1, 1 << 16);
  r.seed("seed", t.seed);
  r.integer("eval_interval", t.eval_interval, 1, kMaxTokens);
  r.integer("eval_batches", t.eval_batches, 1, 1 << 16);
  r.integer("checkpoint_interval", t.checkpoint_interval, 0, kMaxTokens);
  r.choice("device", t.device, {"auto", "cpu", "cuda"});
  r.integer("threads", t.threads, 0, 1024);
  r.reject_unknown_keys();
  return t;
}

}  // namespace

const char* to_string(TokenizerKind kind) {
  switch (kind) {
    case TokenizerKind::kByte: return "byte";
    case TokenizerKind::kChar: return "char";
    case TokenizerKind::kBpe: return "bpe";
  }
  return "char";
}

RunSpec parse_run_spec(const nlohmann::json& j) {
  SpecReader r(j, "");
  RunSpec spec;
  r.text("name", spec.name);
  if (auto d = r.object("data")) spec.data = parse_data(*d);
  if (auto m = r.object("model")) spec.model = parse_model(*m);
  if (auto o = r.object("optimizer")) spec.optimizer = parse_optimizer(*o);
  if (auto t = r.object("training")) spec.training = parse_training(*t);
  // Experiment-level keys are allowed here so a run spec can be read from a full experiment file.
  r.reject_unknown_keys({"schema", "description", "grid"});
  plan_run(spec);  // rejects budgets too small for one step, etc.
  return spec;
}

nlohmann::json to_json(const RunSpec& s) {
  nlohmann::json data = {{"corpus", s.data.corpus},
                         {"tokenizer", {{"kind", to_string(s.data.tokenizer.kind)}}},
                         {"validation_fraction", s.data.validation_fraction},
                         {"split_seed", s.data.split_seed}};
  if (s.data.tokenizer.kind == TokenizerKind::kBpe) data["tokenizer"]["vocab_size"] = s.data.tokenizer.vocab_size;
  if (s.data.unique_tokens) data["unique_tokens"] = *s.data.unique_tokens;
  if (s.data.epochs) data["epochs"] = *s.data.epochs;
  const auto& m = s.model;
  const auto& o = s.optimizer;
  const auto& t = s.training;
  return {
      {"schema", "workbench.run/1"},
      {"name", s.name},
      {"data", data},
      {"model",
       {{"n_layer", m.n_layer}, {"n_head", m.n_head}, {"n_embd", m.n_embd}, {"block_size", m.block_size},
        {"bias", m.bias},
        {"dropout", {{"attn", m.dropout.attn}, {"resid", m.dropout.resid}, {"embd", m.dropout.embd}}}}},
      {"optimizer",
       {{"lr", o.lr}, {"min_lr", o.min_lr}, {"warmup_steps", o.warmup_steps}, {"decay_steps", o.decay_steps},
        {"weight_decay", o.weight_decay}, {"beta1", o.beta1}, {"beta2", o.beta2}, {"grad_clip", o.grad_clip}}},
      {"training",
       {{"token_budget", t.token_budget}, {"batch_size", t.batch_size}, {"grad_accum", t.grad_accum},
        {"seed", t.seed}, {"eval_interval", t.eval_interval}, {"eval_batches", t.eval_batches},
        {"checkpoint_interval", t.checkpoint_interval}, {"device", t.device}, {"threads", t.threads}}}};
}

RunPlan plan_run(const RunSpec& spec, int world_size) {
  const auto& t = spec.training;
  const std::int64_t block = spec.model.block_size;
  RunPlan plan;
  plan.tokens_per_step = std::int64_t{t.batch_size} * block * t.grad_accum * world_size;
  plan.total_steps = t.token_budget / plan.tokens_per_step;
  if (plan.total_steps < 1)
    throw SpecError("training.token_budget: " + std::to_string(t.token_budget) +
                    " is less than one optimizer step of " + std::to_string(plan.tokens_per_step) +
                    " tokens (batch_size x block_size x grad_accum x world size); raise the budget or "
                    "lower the batch");
  plan.train_tokens = plan.total_steps * plan.tokens_per_step;
  // U is whole block_size sequences: every unique token is an input exactly R times.
  double unique = spec.data.unique_tokens ? static_cast<double>(*spec.data.unique_tokens)
                                          : static_cast<double>(t.token_budget) / *spec.data.epochs;
  plan.unique_tokens = static_cast<std::int64_t>(unique) / block * block;
  if (plan.unique_tokens < block)
    throw SpecError(std::string(spec.data.unique_tokens ? "data.unique_tokens" : "data.epochs") +
                    ": leaves fewer unique tokens than one sequence of block_size " + std::to_string(block) +
                    "; allowed: unique_tokens >= model.block_size");
  plan.epochs = static_cast<double>(plan.train_tokens) / static_cast<double>(plan.unique_tokens);
  return plan;
}

}  // namespace wb
