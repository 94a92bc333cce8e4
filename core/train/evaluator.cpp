// Validation losses on every corpus and downstream scores (see evaluator.hpp).
#include "train/evaluator.hpp"

#include <algorithm>

#include "common/errors.hpp"
#include "data/dataset.hpp"
#include "data/portable_random.hpp"
#include "data/repetition_sampler.hpp"
#include "eval/multiple_choice_file.hpp"
#include "model/torch_compat.hpp"
#include "train/batch_rows.hpp"
#include "train/communicator.hpp"
#include "train/mixed_precision.hpp"

namespace wb {

Evaluator::Evaluator(const RunSpec& spec, const TrainingData& data, const Objective& objective, Gpt& model,
                     torch::Device device, const std::string& device_name, Communicator& comm)
    : spec_(spec), objective_(objective), model_(model), device_(device), comm_(comm) {
  make_validation_sets(data);
  make_downstream_tasks(*data.main, device_name);
}

Evaluator::~Evaluator() = default;

void Evaluator::make_validation_sets(const TrainingData& data) {
  const PreparedDataset& main = *data.main;
  const int count = spec_.training.eval_batches * spec_.training.batch_size;
  auto add = [&](const std::string& metric, const PreparedDataset& d) {
    if (d.tokenizer->content_hash() != main.tokenizer->content_hash())
      throw DataError("eval.corpora: " + metric + " is tokenized with another vocabulary than the run's corpus",
                      "give data.tokenizer.corpora with every corpus of the experiment so they share one vocabulary");
    sets_.push_back({metric, &d.val, fixed_eval_offsets(d.val.size(), spec_.model.block_size, count)});
  };
  add("eval/val_loss", main);
  if (data.replay && data.replay->tokenizer->content_hash() != main.tokenizer->content_hash())
    throw DataError("data.replay.corpus \"" + spec_.data.replay.corpus + "\" is tokenized with another vocabulary",
                    "give data.tokenizer.corpora with both corpora so they share one vocabulary");
  for (const auto& [name, dataset] : data.eval) add("eval/val_loss/" + name, *dataset);
}

void Evaluator::make_downstream_tasks(const PreparedDataset& data, const std::string& device_name) {
  const auto& d = spec_.eval.downstream;
  // Endings must fit the context window with room for context: at most half of block_size in
  // bytes (a byte is at least one token for every tokenizer here, so they fit in tokens too).
  PassageLimits limits;
  limits.max_ending_bytes = std::min<std::size_t>(limits.max_ending_bytes, spec_.model.block_size / 2);
  limits.min_ending_bytes = std::min<std::size_t>(limits.min_ending_bytes, limits.max_ending_bytes / 2);
  for (const auto& task : d.tasks) {
    if (task == "cloze") cloze_task_ = make_cloze_task(data.val, *data.tokenizer, d.examples, d.seed, limits);
    if (task == "next_passage")
      choice_tasks_.push_back(
          {"next_passage", make_next_passage_task(data.val, *data.tokenizer, d.examples, d.seed, limits)});
  }
  for (const auto& file : d.files) choice_tasks_.push_back(load_choice_file(file));
  if (cloze_task_.empty() && choice_tasks_.empty()) return;
  // Scored by log-likelihood under causal attention, as lm-evaluation-harness scores decoders; in
  // the validation loss's precision (bf16 autocast on a GPU that has it; the scorer reads fp32).
  auto logits = [this](const torch::Tensor& idx) {
    compat::CudaAutocast autocast(uses_bf16_autocast(device_));
    return model_->forward(idx);
  };
  scorer_ = std::make_unique<DownstreamScorer>(logits, spec_.model.block_size, *data.tokenizer, device_name);
}

const std::string& Evaluator::metric_name(std::size_t set) const { return sets_.at(set).metric; }

double Evaluator::validation_loss(const ValidationSet& set, std::size_t set_index) {
  const int B = spec_.training.batch_size, T = spec_.model.block_size;
  // A rank forwards at most its training share of a batch at once: evaluation needs no more
  // memory than training (a batch's mean is then the target-weighted mean of its chunks).
  const int chunk = rank_batch_size(spec_.training, comm_.world_size());
  std::vector<std::int64_t> windows(static_cast<std::size_t>(chunk) * (T + 1));
  const std::uint64_t stream_seed = mix_seed(mix_seed(spec_.data.split_seed, kObjectiveEvalStream), set_index);
  Rows rows;
  // Ranks take turns over the batches (batch k on rank k mod world size): the mean over all
  // batches is the single-process value, computed once instead of on every rank.
  const int world = comm_.world_size(), rank = comm_.rank();
  double sum = 0.0;
  int batches = 0;
  for (std::size_t first = 0; first < set.offsets.size(); first += B, ++batches) {
    if (batches % world != rank) continue;
    const std::size_t n = std::min<std::size_t>(B, set.offsets.size() - first);
    double nll_sum = 0.0, targets = 0.0;
    for (std::size_t start = 0; start < n; start += static_cast<std::size_t>(chunk)) {
      const std::size_t m = std::min<std::size_t>(static_cast<std::size_t>(chunk), n - start);
      for (std::size_t r = 0; r < m; ++r)
        set.split->copy(static_cast<std::uint64_t>(set.offsets[first + start + r]),
                        std::span(windows).subspan(r * (T + 1), T + 1));
      make_rows(objective_, T, windows, m, stream_seed, static_cast<std::int64_t>(first + start), rows);
      compat::CudaAutocast autocast(uses_bf16_autocast(device_));
      const double nll = batch_loss(model_, rows, m, T, device_, /*label_smoothing=*/0.0).nll.item<double>();
      if (m == n) {  // the whole batch at once: its mean as it is (one process stays bit for bit)
        nll_sum = nll;
        targets = 1.0;
        break;
      }
      const double count = static_cast<double>(target_count(rows, m, T));
      nll_sum += nll * count;
      targets += count;
    }
    sum += targets > 0.0 ? nll_sum / targets : 0.0;
  }
  return comm_.all_reduce_mean(sum) * world / std::max(1, batches);
}

std::vector<double> Evaluator::validation_losses() {
  torch::NoGradGuard no_grad;
  model_->eval();
  std::vector<double> losses;
  for (std::size_t i = 0; i < sets_.size(); ++i) losses.push_back(validation_loss(sets_[i], i));
  model_->train();
  return losses;
}

void Evaluator::add_downstream_scores(EvalRecord& record, std::int64_t evaluation_index, bool last) {
  if (!scorer_ || (evaluation_index % spec_.eval.downstream.every != 0 && !last)) return;
  torch::NoGradGuard no_grad;
  model_->eval();
  DownstreamScores scores;
  if (!cloze_task_.empty()) scores = scorer_->score_cloze("cloze", cloze_task_);
  for (const auto& task : choice_tasks_) scores.metrics.merge(scorer_->score_choices(task).metrics);
  model_->train();
  for (const auto& [name, value] : scores.metrics) record.metrics.emplace_back(name, value);
}

}  // namespace wb
