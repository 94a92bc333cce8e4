// Parsing and validation of each section of a run spec. Ranges and defaults are documented in
// docs/spec.md; every error names the field path, the bad value and what is allowed.
#include "spec/spec_sections.hpp"

#include "common/errors.hpp"
#include "spec/corpus_name.hpp"

namespace wb::spec_detail {
namespace {

constexpr std::int64_t kMaxTokens = std::int64_t{1} << 50;

// A spec names an imported corpus; a file's path is the commonest mistake (`data import` makes a
// corpus of a file).
void require_corpus_name(const std::string& field, const std::string& name) {
  if (is_corpus_name(name)) return;
  const auto ends_with = [&](const char* suffix) { return name.ends_with(suffix); };
  if (name.find('/') != std::string::npos || ends_with(".txt") || ends_with(".jsonl") || ends_with(".json"))
    throw SpecError(field + ": \"" + name + "\" is a file; a spec names an imported corpus",
                    "import it first, `workbench-cli data import NAME --from " + name +
                        "`, and give NAME here (`workbench-cli data list` shows the corpora)");
  throw SpecError(field + ": \"" + name + "\" cannot be a corpus name", kCorpusNameRule);
}

// Reads `key`, a corpus name, when present.
void corpus(SpecReader& r, const char* key, std::string& name) {
  r.text(key, name);
  if (r.has(key)) require_corpus_name(r.field(key), name);  // r.text refuses an empty one
}

// Reads `key`, a list of corpus names.
void corpora(SpecReader& r, const char* key, std::vector<std::string>& names) {
  r.strings(key, names);
  for (const auto& name : names) require_corpus_name(r.field(key), name);
}

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
  corpora(r, "corpora", t.corpora);
  r.reject_unknown_keys();
  return t;
}

ReplaySpec parse_replay(SpecReader r) {
  ReplaySpec replay;
  corpus(r, "corpus", replay.corpus);
  r.number("fraction", replay.fraction, 0.0, 0.95);
  if (replay.fraction > 0.0 && replay.corpus.empty())
    throw SpecError(r.field("corpus") + ": missing; replay needs the earlier corpus to draw from, e.g. \"brown\"");
  r.reject_unknown_keys();
  return replay;
}

DropoutScheduleSpec parse_dropout_schedule(SpecReader& r) {
  DropoutScheduleSpec s;
  r.choice("schedule", s.kind, {"constant", "dropstage", "linear", "early"});
  r.choice("unit", s.unit, {"fraction", "steps", "tokens", "epochs"});
  const double max = s.unit == "fraction" ? 1.0 : 1e18;
  r.number("start", s.start, 0.0, max);
  r.number("end", s.end, 0.0, max);
  const bool needs_start = s.kind == "dropstage" || s.kind == "linear";
  const bool needs_end = s.kind == "early" || s.kind == "linear";
  if (needs_start && !r.has("start"))
    throw SpecError(r.field("start") + ": missing; a \"" + s.kind + "\" schedule needs the point where "
                    "dropout starts, in model.dropout.unit (default: fraction of training), e.g. 0.25");
  if (needs_end && !r.has("end"))
    throw SpecError(r.field("end") + ": missing; a \"" + s.kind + "\" schedule needs the point where " +
                    (s.kind == "early" ? "dropout stops" : "the ramp reaches the full rate") +
                    ", in model.dropout.unit (default: fraction of training), e.g. 0.5");
  if (s.kind == "linear" && s.end <= s.start)
    throw SpecError(r.field("end") + ": " + format_number(s.end) + " is not after start " + format_number(s.start) +
                    "; allowed: end > start");
  return s;
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
  double rate = 0.0;
  r.number_below("rate", rate, 0.0, 1.0);  // all three sites; a site's own key overrides it
  d.attn = d.resid = d.embd = rate;
  r.number_below("attn", d.attn, 0.0, 1.0);
  r.number_below("resid", d.resid, 0.0, 1.0);
  r.number_below("embd", d.embd, 0.0, 1.0);
  d.schedule = parse_dropout_schedule(r);
  r.reject_unknown_keys();
  return d;
}

MoeSpec parse_moe(SpecReader r) {
  MoeSpec m;
  r.integer("n_expert", m.n_expert, 2, 1024);
  r.integer("top_k", m.top_k, 1, 2);
  r.integer("moe_every", m.moe_every, 1, 256);
  r.number("capacity_factor", m.capacity_factor, 0.0, 64.0);
  r.number("aux_loss_coef", m.aux_loss_coef, 0.0, 10.0);
  r.number("z_loss_coef", m.z_loss_coef, 0.0, 10.0);
  r.integer("expert_hidden", m.expert_hidden, 0, 1 << 20);
  if (m.top_k > m.n_expert)
    throw SpecError(r.field("top_k") + ": " + std::to_string(m.top_k) + " is more than n_expert " +
                    std::to_string(m.n_expert));
  r.reject_unknown_keys();
  return m;
}

}  // namespace

DataSpec parse_data(SpecReader r) {
  DataSpec d;
  corpus(r, "corpus", d.corpus);
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
  if (auto replay = r.object("replay")) d.replay = parse_replay(*replay);
  r.reject_unknown_keys({"unique_tokens", "epochs"});
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
  std::string arch = "dense";
  r.choice("arch", arch, {"dense", "moe", "shared"});
  m.arch = arch == "moe" ? Architecture::kMoe : arch == "shared" ? Architecture::kShared : Architecture::kDense;
  if (auto moe = r.object("moe")) {
    if (m.arch != Architecture::kMoe)
      throw SpecError(r.field("moe") + ": only an \"moe\" model takes moe settings; set model.arch to \"moe\"");
    m.moe = parse_moe(*moe);
  }
  if (r.has("share_groups") && m.arch != Architecture::kShared)
    throw SpecError(r.field("share_groups") + ": only a \"shared\" model shares weights; set model.arch to \"shared\"");
  r.integer("share_groups", m.share_groups, 1, 256);
  r.number_below("drop_path", m.drop_path, 0.0, 1.0);
  if (m.n_embd % m.n_head != 0)
    throw SpecError(r.field("n_head") + ": " + std::to_string(m.n_head) + " does not divide n_embd " +
                    std::to_string(m.n_embd) + "; allowed: a divisor of model.n_embd");
  if (m.arch == Architecture::kShared && m.n_layer % m.share_groups != 0)
    throw SpecError(r.field("share_groups") + ": " + std::to_string(m.share_groups) + " does not divide n_layer " +
                    std::to_string(m.n_layer) + "; allowed: a divisor of model.n_layer");
  if (m.arch == Architecture::kMoe && m.moe.moe_every > m.n_layer)
    throw SpecError(r.field("moe") + ".moe_every: " + std::to_string(m.moe.moe_every) +
                    " leaves no MoE block in " + std::to_string(m.n_layer) + " layers; allowed: 1 to n_layer");
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
  r.number_below("beta1", o.beta1, 0.0, 1.0);
  r.number_below("beta2", o.beta2, 0.0, 1.0);
  r.number("grad_clip", o.grad_clip, 0.0, 1e6);
  r.choice("schedule", o.schedule, {"constant", "cosine", "linear", "inverse_sqrt", "infinite"});
  r.number("warmup_from_lr", o.warmup_from_lr, 0.0, 10.0);
  r.number("constant_lr", o.constant_lr, 0.0, 10.0);
  r.integer("cooldown_steps", o.cooldown_steps, 0, kMaxTokens);
  r.choice("cooldown", o.cooldown, {"cosine", "inverse_sqrt"});
  r.integer("anneal_steps", o.anneal_steps, 0, kMaxTokens);
  r.choice("anneal", o.anneal, {"linear", "exponential"});
  r.integer("anneal_start", o.anneal_start, -1, kMaxTokens);
  if (o.min_lr > o.lr)
    throw SpecError(r.field("min_lr") + ": " + format_number(o.min_lr) + " is above optimizer.lr " +
                    format_number(o.lr) + "; allowed: 0 to optimizer.lr");
  if (o.constant_lr > o.lr)
    throw SpecError(r.field("constant_lr") + ": " + format_number(o.constant_lr) + " is above optimizer.lr " +
                    format_number(o.lr) + "; allowed: 0 (= lr) to optimizer.lr");
  if (o.schedule == "infinite" && o.anneal == "exponential" && o.min_lr <= 0.0 && o.anneal_steps > 0)
    throw SpecError(r.field("min_lr") + ": an exponential anneal needs min_lr > 0; set min_lr or use anneal \"linear\"");
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
  r.number_below("label_smoothing", t.label_smoothing, 0.0, 1.0);
  r.boolean("cuda_graphs", t.cuda_graphs);
  r.reject_unknown_keys();
  return t;
}

ObjectiveSpec parse_objective(SpecReader r) {
  ObjectiveSpec o;
  r.choice("kind", o.kind, {"causal", "prefix_lm", "span_corruption", "masked_lm", "ul2"});
  r.number("noise_density", o.noise_density, 0.01, 0.9);
  r.number("mean_span", o.mean_span, 1.0, 512.0);
  r.number("mask_rate", o.mask_rate, 0.01, 0.9);
  r.reject_unknown_keys();
  return o;
}

EvalSpec parse_eval(SpecReader r) {
  EvalSpec e;
  corpora(r, "corpora", e.corpora);
  if (auto d = r.object("downstream")) {
    d->strings("tasks", e.downstream.tasks);
    for (const auto& task : e.downstream.tasks)
      if (task != "cloze" && task != "next_passage")
        throw SpecError(d->field("tasks") + ": \"" + task + "\" is not a built-in task; allowed: cloze, next_passage "
                        "(your own multiple-choice JSONL files go in eval.downstream.files)");
    d->strings("files", e.downstream.files);
    d->integer("examples", e.downstream.examples, 1, 100000);
    d->integer("every", e.downstream.every, 1, 1 << 20);
    d->seed("seed", e.downstream.seed);
    d->reject_unknown_keys();
  }
  if (auto o = r.object("onset")) {
    o->number("min_rise", e.onset.min_rise, 0.0, 10.0);
    o->integer("patience", e.onset.patience, 1, 1000);
    o->number("smoothing", e.onset.smoothing, 0.0, 0.99);
    o->reject_unknown_keys();
  }
  r.reject_unknown_keys();
  return e;
}

InitFromSpec parse_init_from(SpecReader r) {
  InitFromSpec i;
  r.text("run", i.run);
  r.choice("optimizer", i.optimizer, {"reset", "keep"});
  r.reject_unknown_keys();
  return i;
}

}  // namespace wb::spec_detail
