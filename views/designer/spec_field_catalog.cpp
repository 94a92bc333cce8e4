// SpecFieldCatalog: every run-spec field with its unit, range, default and study-terms tooltip.
// Ranges and defaults are docs/spec.md's (the parser, core/spec, is the authority: the designer
// validates with parse_experiment, so a stale range here misleads a tooltip, never a run).
#include "views/designer/spec_field_catalog.hpp"

#include <QCoreApplication>
#include <cmath>
#include <cstring>
#include <limits>

namespace wb {
namespace {

constexpr double kOpen = std::numeric_limits<double>::quiet_NaN();

using K = FieldKind;
using S = FormSection;

const std::vector<SpecField> kFields = {
    // Data: the corpus and the repetition (U unique tokens or R epochs at a fixed budget D).
    {"data.corpus", K::kText, S::kData, nullptr, kOpen, kOpen, nullptr, "\"brown\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Training corpus: an imported corpus or a built-in recipe (workbench-cli data list).")},
    {"data.tokenizer.kind", K::kChoice, S::kData, nullptr, kOpen, kOpen, "byte|char|bpe", "\"char\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "byte: 256 bytes + EOT; char: the training split's characters; bpe: SentencePiece BPE trained on the training split.")},
    {"data.tokenizer.vocab_size", K::kInt, S::kData, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "tokens"), 260, 1e6, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "BPE vocabulary size (bpe only). A larger vocabulary shortens the token count of the same text.")},
    {"data.validation_fraction", K::kFloat, S::kData, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "share"), 0.001, 0.5, nullptr, "0.05",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Share of the corpus held out as whole documents for the validation loss; never trained on.")},
    {"data.split_seed", K::kInt, S::kData, nullptr, 0, kOpen, nullptr, "1234",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Which documents are held out for validation.")},
    {"data.unique_tokens", K::kInt, S::kData, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "tokens"), 1, 1125899906842624.0, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "U: distinct training tokens. At a fixed budget D the run repeats them R = D / U times (Xue et al. 2023's token crisis). Give this or epochs.")},
    {"data.epochs", K::kFloat, S::kData, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "epochs"), 1, 1e6, nullptr, "1",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "R: times each unique token is seen; U = D / R. Up to about 4 epochs are almost as good as unique data; at 16 a repeated token is worth much less (Muennighoff et al. 2023).")},

    // Model: size and architecture (Xue et al. 2023: parameters matter more than FLOPs).
    {"model.n_layer", K::kInt, S::kModel, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "blocks"), 1, 256, nullptr, "4",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Transformer blocks (depth). Larger models overfit sooner when tokens are scarce (Xue et al. 2023).")},
    {"model.n_head", K::kInt, S::kModel, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "heads"), 1, 65536, nullptr, "4",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Attention heads; must divide n_embd.")},
    {"model.n_embd", K::kInt, S::kModel, nullptr, 1, 65536, nullptr, "128",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Model width. Parameters grow with n_layer x n_embd squared (12 C^2 per block).")},
    {"model.block_size", K::kInt, S::kModel, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "tokens"), 2, 1048576, nullptr, "64",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Context length; U is rounded down to whole sequences of this length.")},
    {"model.bias", K::kBool, S::kModel, nullptr, kOpen, kOpen, nullptr, "true",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Biases in Linear layers and LayerNorms (nanoGPT's bias).")},
    {"model.arch", K::kChoice, S::kModel, nullptr, kOpen, kOpen, "dense|moe|shared", "\"dense\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "dense GPT; moe: mixture of experts (more parameters at the same FLOPs); shared: ALBERT-style shared blocks (fewer parameters at the same FLOPs). Xue et al. 2023 compare them under repetition.")},
    {"model.moe.n_expert", K::kInt, S::kModel, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "experts"), 2, 1024, nullptr, "4",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Experts per MoE layer (arch moe).")},
    {"model.moe.top_k", K::kInt, S::kModel, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "experts"), 1, 2, nullptr, "2",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Experts per token: 1 as in Switch, 2 as in GShard.")},
    {"model.moe.moe_every", K::kInt, S::kModel, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "blocks"), 1, 256, nullptr, "1",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Every n-th block gets an MoE MLP (2: every other block, as in Switch).")},
    {"model.moe.capacity_factor", K::kFloat, S::kModel, nullptr, 0, 64, nullptr, "1.25",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Expert capacity = factor x tokens x top_k / n_expert; assignments beyond it are dropped. 0: no limit.")},
    {"model.moe.aux_loss_coef", K::kFloat, S::kModel, nullptr, 0, kOpen, nullptr, "0.01",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Weight of Switch's load-balancing loss.")},
    {"model.moe.z_loss_coef", K::kFloat, S::kModel, nullptr, 0, kOpen, nullptr, "0.001",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Weight of the router z-loss (ST-MoE).")},
    {"model.moe.expert_hidden", K::kInt, S::kModel, nullptr, 0, kOpen, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Hidden units of each expert MLP; 0: 4 x n_embd. 4 x n_embd / top_k gives the dense model's FLOPs per token.")},
    {"model.share_groups", K::kInt, S::kModel, nullptr, 1, 256, nullptr, "1",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "arch shared: groups of consecutive blocks that share one set of weights; must divide n_layer (1: all share).")},

    // Optimizer and LR schedule (Ibrahim et al. 2024: re-warming, infinite schedules).
    {"optimizer.lr", K::kFloat, S::kOptimizer, nullptr, 1e-8, 10, nullptr, "0.001",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Peak learning rate after warmup.")},
    {"optimizer.min_lr", K::kFloat, S::kOptimizer, nullptr, 0, 10, nullptr, "0.0001",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "The LR the schedule decays to (Ibrahim et al. 2024 re-decay to 0.1 x the peak).")},
    {"optimizer.warmup_steps", K::kInt, S::kOptimizer, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "steps"), 0, kOpen, nullptr, "100",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Linear warmup; re-warming a continued run uses about 1% of its steps (Ibrahim et al. 2024).")},
    {"optimizer.decay_steps", K::kInt, S::kOptimizer, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "steps"), 0, kOpen, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Step where the decay reaches min_lr; 0: the run's last step.")},
    {"optimizer.schedule", K::kChoice, S::kOptimizer, nullptr, kOpen, kOpen, "constant|cosine|linear|inverse_sqrt|infinite", "\"cosine\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Shape after warmup. infinite: warmup, cooldown to constant_lr, constant, then a short anneal, so a run can continue across dataset switches without re-warming (Ibrahim et al. 2024).")},
    {"optimizer.weight_decay", K::kFloat, S::kOptimizer, nullptr, 0, 10, nullptr, "0.1",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "AdamW decoupled weight decay on Linear weights. Xue et al. 2023 found that it destabilized training under repetition.")},
    {"optimizer.beta1", K::kFloat, S::kOptimizer, nullptr, 0, 1, nullptr, "0.9", QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "AdamW beta1, in [0, 1).")},
    {"optimizer.beta2", K::kFloat, S::kOptimizer, nullptr, 0, 1, nullptr, "0.99", QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "AdamW beta2, in [0, 1).")},
    {"optimizer.grad_clip", K::kFloat, S::kOptimizer, nullptr, 0, kOpen, nullptr, "1",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Maximum global gradient norm; 0 disables clipping.")},
    {"optimizer.warmup_from_lr", K::kFloat, S::kOptimizer, nullptr, 0, kOpen, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "LR the warmup starts from: a continued run can re-warm from its predecessor's final LR.")},
    {"optimizer.constant_lr", K::kFloat, S::kOptimizer, nullptr, 0, 10, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "infinite: the plateau LR; 0: the peak lr.")},
    {"optimizer.cooldown_steps", K::kInt, S::kOptimizer, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "steps"), 0, kOpen, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "infinite: steps from lr down to constant_lr after warmup.")},
    {"optimizer.cooldown", K::kChoice, S::kOptimizer, nullptr, kOpen, kOpen, "cosine|inverse_sqrt", "\"cosine\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "infinite: shape of the cooldown.")},
    {"optimizer.anneal_steps", K::kInt, S::kOptimizer, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "steps"), 0, kOpen, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "infinite: steps from constant_lr down to min_lr; 0: never anneal.")},
    {"optimizer.anneal", K::kChoice, S::kOptimizer, nullptr, kOpen, kOpen, "linear|exponential", "\"linear\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "infinite: shape of the anneal.")},
    {"optimizer.anneal_start", K::kInt, S::kOptimizer, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "steps"), -1, kOpen, nullptr, "-1",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "infinite: step the anneal starts; -1: the run's last anneal_steps steps.")},

    // Training: the budget D and how it is cut into steps.
    {"training.token_budget", K::kInt, S::kTraining, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "tokens"), 1, kOpen, nullptr, "1000000",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "D: total training tokens, = U x R. Chinchilla's compute-optimal budget is about 20 tokens per parameter (Hoffmann et al. 2022).")},
    {"training.batch_size", K::kInt, S::kTraining, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "sequences"), 1, kOpen, nullptr, "12",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Sequences per micro-batch (per process).")},
    {"training.grad_accum", K::kInt, S::kTraining, nullptr, 1, kOpen, nullptr, "1",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Micro-batches per optimizer step; tokens per step = batch_size x block_size x grad_accum.")},
    {"training.seed", K::kInt, S::kTraining, nullptr, 0, kOpen, nullptr, "1337",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Initialization, dropout, and which U tokens are chosen and in what order. Sweep it to see run-to-run noise.")},
    {"training.eval_interval", K::kInt, S::kTraining, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "steps"), 1, kOpen, nullptr, "100",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Steps between validation evaluations; the overfitting onset is found at this resolution.")},
    {"training.eval_batches", K::kInt, S::kTraining, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "batches"), 1, kOpen, nullptr, "20",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Fixed validation batches per evaluation (the same windows every time).")},
    {"training.checkpoint_interval", K::kInt, S::kTraining, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "steps"), 0, kOpen, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Steps between checkpoints; 0: only at the end.")},
    {"training.device", K::kChoice, S::kTraining, nullptr, kOpen, kOpen, "auto|cpu|cuda", "\"auto\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "auto picks CUDA (bf16 autocast) when available.")},
    {"training.threads", K::kInt, S::kTraining, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "threads"), 0, 1024, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "LibTorch intra-op threads; 0: all cores.")},
    {"training.cuda_graphs", K::kBool, S::kTraining, nullptr, kOpen, kOpen, nullptr, "false",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Replay each step's forward and backward from a CUDA graph: one launch per step instead of hundreds, which small models on a GPU wait for. Dense or shared models, causal objective; on several ranks the gradients are all-reduced after the replay; no effect on the CPU.")},

    // Objective (Xue et al. 2023: UL2 degrades more under repetition than span corruption).
    {"objective.kind", K::kChoice, S::kObjective, nullptr, kOpen, kOpen, "causal|prefix_lm|span_corruption|masked_lm|ul2", "\"causal\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Training objective on the decoder. Under repetition UL2 degrades more than span corruption (Xue et al. 2023). Losses of different objectives are not comparable.")},
    {"objective.noise_density", K::kFloat, S::kObjective, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "share"), 0.01, 0.9, nullptr, "0.15",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Span corruption: share of tokens corrupted (T5: 15%).")},
    {"objective.mean_span", K::kFloat, S::kObjective, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "tokens"), 1, 512, nullptr, "3",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Span corruption: mean noise span length (T5: 3).")},
    {"objective.mask_rate", K::kFloat, S::kObjective, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "share"), 0.01, 0.9, nullptr, "0.15",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Masked LM: share of positions predicted (BERT: 15%).")},

    // Regularization (Xue et al. 2023: dropout helps most; dropstage; DropPath, label smoothing a little).
    {"model.dropout.rate", K::kFloat, S::kRegularization, nullptr, 0, 1, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Dropout on attention, residual branches and embeddings. The regularization that helps most against repetition; best 0.2-0.3 on MoE proxies (Xue et al. 2023).")},
    {"model.dropout.attn", K::kFloat, S::kRegularization, nullptr, 0, 1, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Dropout on attention weights; overrides rate.")},
    {"model.dropout.resid", K::kFloat, S::kRegularization, nullptr, 0, 1, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Dropout on the attention and MLP outputs; overrides rate.")},
    {"model.dropout.embd", K::kFloat, S::kRegularization, nullptr, 0, 1, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Dropout on the embeddings; overrides rate.")},
    {"model.dropout.schedule", K::kChoice, S::kRegularization, nullptr, kOpen, kOpen, "constant|dropstage|linear|early", "\"constant\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "When dropout is on. dropstage: off until start, then on; it reaches constant dropout's result with faster early training (Xue et al. 2023).")},
    {"model.dropout.start", K::kFloat, S::kRegularization, nullptr, 0, kOpen, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Where dropstage switches dropout on, or linear starts rising, in the dropout unit.")},
    {"model.dropout.end", K::kFloat, S::kRegularization, nullptr, 0, kOpen, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Where linear reaches the full rate, or early switches dropout off, in the dropout unit.")},
    {"model.dropout.unit", K::kChoice, S::kRegularization, nullptr, kOpen, kOpen, "fraction|steps|tokens|epochs", "\"fraction\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Unit of start and end: fraction of the run, steps, tokens or epochs of the run's corpus.")},
    {"model.drop_path", K::kFloat, S::kRegularization, nullptr, 0, 1, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Stochastic depth (Huang et al. 2016): rate of the last block, rising from 0 at the first. Helped a little in Xue et al. 2023.")},
    {"training.label_smoothing", K::kFloat, S::kRegularization, nullptr, 0, 1, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Label smoothing of the training loss; helped a little in Xue et al. 2023. The validation loss is never smoothed.")},

    // Evaluation: further validation sets, downstream tasks, the overfitting-onset detector.
    {"eval.corpora", K::kList, S::kEvaluation, nullptr, kOpen, kOpen, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Further validation corpora, comma-separated: logs their loss and forgetting (its rise since the first evaluation).")},
    {"eval.downstream.tasks", K::kList, S::kEvaluation, nullptr, kOpen, kOpen, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Built-in downstream tasks, comma-separated: cloze (LAMBADA-style), next_passage (HellaSwag-style).")},
    {"eval.downstream.files", K::kList, S::kEvaluation, nullptr, kOpen, kOpen, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Multiple-choice JSONL files, comma-separated, scored as lm-evaluation-harness does.")},
    {"eval.downstream.examples", K::kInt, S::kEvaluation, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "examples"), 1, kOpen, nullptr, "200",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Examples per built-in task.")},
    {"eval.downstream.every", K::kInt, S::kEvaluation, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "evaluations"), 1, kOpen, nullptr, "1",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Score downstream tasks at every n-th evaluation (and at the last).")},
    {"eval.downstream.seed", K::kInt, S::kEvaluation, nullptr, 0, kOpen, nullptr, "7",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Which examples the built-in tasks draw.")},
    {"eval.onset.min_rise", K::kFloat, S::kEvaluation, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "share"), 0, kOpen, nullptr, "0.01",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Relative rise of the smoothed validation loss over its best that counts as the onset of overfitting.")},
    {"eval.onset.patience", K::kInt, S::kEvaluation, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "evaluations"), 1, kOpen, nullptr, "2",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Evaluations the rise must last before the onset is reported.")},
    {"eval.onset.smoothing", K::kFloat, S::kEvaluation, nullptr, 0, 1, nullptr, "0.7",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "EMA weight of the past in the smoothed validation loss.")},

    // Continual pre-training (Ibrahim et al. 2024; Zheng et al. 2024).
    {"init_from.run", K::kText, S::kContinual, nullptr, kOpen, kOpen, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Continue from this finished run's checkpoint (id or name): a stage of continual pre-training.")},
    {"init_from.optimizer", K::kChoice, S::kContinual, nullptr, kOpen, kOpen, "reset|keep", "\"reset\"",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "reset: fresh AdamW moments; keep: the checkpoint's.")},
    {"data.replay.corpus", K::kText, S::kContinual, nullptr, kOpen, kOpen, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "An earlier corpus to replay, against forgetting it (Ibrahim et al. 2024).")},
    {"data.replay.fraction", K::kFloat, S::kContinual, QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "share"), 0, 0.95, nullptr, "0",
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Share of every batch drawn from the replay corpus, replacing new tokens at equal compute. 5% suffices for a weak shift; a strong shift (English to German) needs about 25% (Ibrahim et al. 2024).")},
    {"data.tokenizer.corpora", K::kList, S::kContinual, nullptr, kOpen, kOpen, nullptr, nullptr,
     QT_TRANSLATE_NOOP("wb::SpecFieldCatalog", "Train the vocabulary on these corpora, comma-separated, so that every stage of a continual pre-training experiment shares one vocabulary.")},
};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

QString rangeText(const SpecField& f) {
  const bool low = !std::isnan(f.min), high = !std::isnan(f.max);
  if (low && high) return QStringLiteral("%1 – %2").arg(f.min, 0, 'g', 8).arg(f.max, 0, 'g', 8);
  if (low) return QStringLiteral("≥ %1").arg(f.min, 0, 'g', 8);
  if (high) return QStringLiteral("≤ %1").arg(f.max, 0, 'g', 8);
  return {};
}

}  // namespace

const std::vector<SpecField>& specFields() { return kFields; }

const SpecField* findSpecField(std::string_view path) {
  for (const auto& f : kFields)
    if (path == f.path) return &f;
  return nullptr;
}

const SpecField* fieldForPath(std::string_view path) {
  if (path.empty()) return nullptr;
  if (const SpecField* exact = findSpecField(path)) return exact;
  const std::string inside = std::string(path) + ".";
  for (const auto& f : kFields)
    if (starts_with(f.path, inside)) return &f;
  const SpecField* nearest = nullptr;
  for (const auto& f : kFields)
    if (starts_with(path, std::string(f.path) + ".") && (!nearest || std::strlen(f.path) > std::strlen(nearest->path)))
      nearest = &f;
  return nearest;
}

QString fieldLabel(const SpecField& field) {
  // The key as the spec writes it, below its section: the form's labels are the names a user
  // types into a spec file or a grid key (nanoGPT's names), so they are not translated.
  QString path = QString::fromLatin1(field.path);
  return path.section(QLatin1Char('.'), 1);
}

QString fieldUnit(const SpecField& field) {
  return field.unit ? QCoreApplication::translate("wb::SpecFieldCatalog", field.unit) : QString();
}

QString fieldTooltip(const SpecField& field) {
  QString text = QStringLiteral("<b>%1</b><br>%2").arg(QString::fromLatin1(field.path),
                                                      QCoreApplication::translate("wb::SpecFieldCatalog", field.tooltip));
  const QString range = rangeText(field);
  if (!range.isEmpty())
    text += QStringLiteral("<br>") + QCoreApplication::translate("wb::SpecFieldCatalog", "Allowed: %1").arg(range);
  if (field.choices)
    text += QStringLiteral("<br>") +
            QCoreApplication::translate("wb::SpecFieldCatalog", "Allowed: %1").arg(fieldChoices(field).join(QStringLiteral(", ")));
  if (field.default_json)
    text += QStringLiteral("<br>") +
            QCoreApplication::translate("wb::SpecFieldCatalog", "Default: %1").arg(QString::fromUtf8(field.default_json));
  return text;
}

QStringList fieldChoices(const SpecField& field) {
  return field.choices ? QString::fromLatin1(field.choices).split(QLatin1Char('|')) : QStringList();
}

QString sectionTitle(FormSection section) {
  switch (section) {
    case FormSection::kData: return QCoreApplication::translate("wb::SpecFieldCatalog", "Data");
    case FormSection::kModel: return QCoreApplication::translate("wb::SpecFieldCatalog", "Model");
    case FormSection::kOptimizer: return QCoreApplication::translate("wb::SpecFieldCatalog", "Optimizer and LR schedule");
    case FormSection::kTraining: return QCoreApplication::translate("wb::SpecFieldCatalog", "Training");
    case FormSection::kObjective: return QCoreApplication::translate("wb::SpecFieldCatalog", "Objective");
    case FormSection::kRegularization: return QCoreApplication::translate("wb::SpecFieldCatalog", "Regularization and dropout");
    case FormSection::kEvaluation: return QCoreApplication::translate("wb::SpecFieldCatalog", "Evaluation");
    case FormSection::kContinual: return QCoreApplication::translate("wb::SpecFieldCatalog", "Continual pre-training");
  }
  return {};
}

}  // namespace wb
