// The training loop: one run from its spec to its last checkpoint, reporting through MetricsSink.
#include "train/trainer.hpp"

#include <chrono>
#include <cmath>

#include <nlohmann/json.hpp>

#include "common/content_hash.hpp"
#include "common/cpu_cores.hpp"
#include "common/errors.hpp"
#include "data/dataset.hpp"
#include "data/portable_random.hpp"
#include "model/gpt.hpp"
#include "model/model_size.hpp"
#include "model/torch_compat.hpp"
#include "schedule/schedules_from_spec.hpp"
#include "train/batch_rows.hpp"
#include "train/checkpoint.hpp"
#include "train/communicator.hpp"
#include "train/error_text.hpp"
#include "train/evaluator.hpp"
#include "train/gpu_assignment.hpp"
#include "train/optimizer.hpp"
#include "train/replica_sync.hpp"
#include "train/step_sync.hpp"
#include "train/training_batches.hpp"
#include "train/training_step.hpp"

namespace wb {
namespace {

using Clock = std::chrono::steady_clock;

// How long the other ranks wait for rank 0 to write a checkpoint (a dead rank 0 still ends the
// wait at once: its sockets close).
constexpr std::chrono::minutes kCheckpointWriteTimeout{30};

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

void configure_torch_threads(int threads) {
  const int n = threads > 0 ? threads : usable_cores();  // a Slurm task bound to 4 of 64 cores takes 4
  at::set_num_threads(n);
}

std::string resolve_device(const std::string& requested, int local_rank) {
  const bool cuda = torch::cuda::is_available();
  if (requested == "cuda" && !cuda)
    throw UserError(ExitCode::kUsage, "training.device is \"cuda\" but this LibTorch " +
                    compat::torch_version() + " sees no CUDA device",
                    "use \"auto\" or \"cpu\", or build against a CUDA LibTorch on a GPU machine");
  if (requested == "cpu" || !cuda) return "cpu";
  return "cuda:" + std::to_string(gpu_for_local_rank(local_rank, static_cast<int>(torch::cuda::device_count())));
}

std::string libtorch_version() { return compat::torch_version(); }

std::string library_versions_json() {
  return nlohmann::json{{"libtorch", compat::torch_version()}, {"cuda", torch::cuda::is_available()}}.dump();
}

struct Trainer::Impl {
  RunSpec spec;
  RunPlan plan;
  TrainingData inputs;
  PreparedDataset& data;  // inputs.main
  MetricsSink& sink;
  TrainerOptions options;
  SingleProcessCommunicator single_process;
  Communicator* comm;
  int rank_batch = 0;  // this rank's share of each micro-batch: batch_size / world size
  torch::Device device{torch::kCPU};
  std::string device_name;
  Gpt model{nullptr};
  std::unique_ptr<torch::optim::AdamW> optimizer;
  std::unique_ptr<Objective> objective;
  std::unique_ptr<TrainingBatches> batches;
  std::unique_ptr<TrainingStep> training_step;
  std::unique_ptr<Evaluator> evaluator;
  OnsetCriteria onset_criteria;
  LoopState state;

  Impl(const RunSpec& s, TrainingData d, MetricsSink& m, TrainerOptions o)
      : spec(s), inputs(std::move(d)), data(*inputs.main), sink(m), options(std::move(o)) {
    comm = options.communicator ? options.communicator : &single_process;
    plan = plan_run(spec);
    rank_batch = rank_batch_size(spec.training, comm->world_size());
    device_name = resolve_device(spec.training.device, options.local_rank >= 0 ? options.local_rank : comm->rank());
    device = torch::Device(device_name);

    torch::manual_seed(spec.training.seed);
    objective = std::make_unique<Objective>(objective_config(spec.objective), data.vocab_size(), spec.model.block_size);
    // The objective's special tokens (sentinels, [MASK], mode tokens) follow the tokenizer's ids.
    model = Gpt(GptConfig::from(spec.model, static_cast<int>(objective->vocab_size())));
    model->to(device);
    optimizer = make_adamw(model, spec.optimizer);
    batches = std::make_unique<TrainingBatches>(spec, plan, data, inputs.replay, *objective, rank_batch, comm->rank(),
                                                comm->world_size());
    training_step = std::make_unique<TrainingStep>(spec, plan, model, *optimizer, *batches, *objective, *comm, rank_batch,
                                                   device, options.gradient_bucket_bytes);
    evaluator = std::make_unique<Evaluator>(spec, inputs, *objective, model, device, device_name, *comm);
    onset_criteria = onset_criteria_for(spec.eval.onset);
  }

  bool is_main() const { return comm->rank() == 0; }

  // What a checkpoint must match to be continued: the spec, the data and the step size.
  std::string fingerprint() const {
    RunSpec essential = spec;  // where and on how many threads it runs may change on resume
    essential.training.device = "auto";
    essential.training.threads = 0;
    essential.training.cuda_graphs = false;  // the same arithmetic, launched another way
    return ContentHash().add(to_json(essential).dump()).add(data.dir.filename().string())
        .add(static_cast<std::uint64_t>(plan.tokens_per_step)).hex();
  }
  std::filesystem::path checkpoint_file() const { return options.checkpoint_dir / "last.pt"; }

  // Whether the step was recorded as a CUDA graph, once per recording: an event `show` lists and
  // the progress output prints.
  void report_graph_outcome(const GraphedStep::Outcome& outcome, double wall_s) {
    sink.event({state.step, state.step * plan.tokens_per_step, "cuda_graphs",
                {{"recorded", outcome.recorded}, {"reason", outcome.reason}}, wall_s});
  }

  // The mean micro-batch loss of each step since the last sync: one device-to-host copy.
  std::vector<double> read_step_losses(const std::vector<torch::Tensor>& loss_sums) const {
    const auto host = torch::stack(loss_sums).to(torch::kCPU, torch::kFloat64).contiguous();
    std::vector<double> losses(host.data_ptr<double>(), host.data_ptr<double>() + host.numel());
    for (double& loss : losses) loss /= spec.training.grad_accum;
    return losses;
  }

  // Dropout and DropPath draw from LibTorch's generator, seeded alike on every rank (and restored
  // from rank 0's checkpoint): without this, rank r's rows would get rank 0's masks. Rank 0 keeps
  // the single-process stream.
  void decorrelate_rank_randomness() {
    if (comm->rank() > 0)
      torch::manual_seed(mix_seed(mix_seed(spec.training.seed, static_cast<std::uint64_t>(state.step)),
                                  static_cast<std::uint64_t>(comm->rank())));
  }

  static void check_finite(double loss, std::int64_t step) {
    if (!std::isfinite(loss))
      throw UserError(ExitCode::kRuntime,
                      "training loss became " + std::to_string(loss) + " at step " + std::to_string(step),
                      "lower optimizer.lr, raise optimizer.warmup_steps or keep optimizer.grad_clip on; "
                      "the run's metrics up to here are in the database");
  }

  // The loop state as a checkpoint keeps it: with the training time so far and what it fits.
  LoopState state_to_save(double wall_s) const {
    auto saved = state;
    saved.wall_s = wall_s;
    saved.fingerprint = fingerprint();
    return saved;
  }

  void write_checkpoint(double wall_s) {
    if (options.checkpoint_dir.empty()) return;
    on_rank_zero([&] {
      // The steps' rows first: killed between the two, the run resumes from an older checkpoint
      // (its later rows are dropped then), never from one whose steps were not stored.
      sink.flush();
      save_checkpoint(checkpoint_file(), model, *optimizer, state_to_save(wall_s));
      sink.event({state.step, state.step * plan.tokens_per_step, "checkpoint",
                  {{"path", checkpoint_file().string()}}, wall_s});
    });
  }

  // What only rank 0 does (writing a checkpoint): the other ranks wait for it, so that the next
  // collective's timeout does not include the write (a large model to a network disk can take
  // minutes), and fail with it if it fails.
  void on_rank_zero(const std::function<void()>& work) { comm->on_rank_zero(kCheckpointWriteTimeout, work); }

  RunSummary summary(const std::string& status, double wall_s) const {
    RunSummary s;
    s.status = status;
    s.steps = state.step;
    s.wall_s = wall_s;
    if (!state.val_history.empty()) {
      s.final_val_loss = state.val_history.back();
      auto best = std::min_element(state.val_history.begin(), state.val_history.end());
      s.best_val_loss = *best;
      s.best_step = state.eval_steps[best - state.val_history.begin()];
    }
    return s;
  }

  // Saves best.pt whenever the validation loss improves: the overfitting study wants the model at
  // its best point, not only the last one.
  void keep_best(double val_loss, double wall_s) {
    const bool improved = state.val_history.size() == 1 || val_loss < state.best_val_loss;
    if (!improved) return;
    state.best_val_loss = val_loss;
    if (options.checkpoint_dir.empty()) return;
    on_rank_zero([&] { save_checkpoint(options.checkpoint_dir / "best.pt", model, *optimizer, state_to_save(wall_s)); });
  }

  void report_eval(double lr, double tokens_per_s, double wall_s) {
    const std::vector<double> losses = evaluator->validation_losses();
    const double val_loss = losses[0];
    const double train_loss = state.interval_steps ? state.interval_loss_sum / state.interval_steps : 0.0;
    state.interval_loss_sum = 0.0;
    state.interval_steps = 0;
    state.val_history.push_back(val_loss);
    state.train_history.push_back(train_loss);
    state.eval_steps.push_back(state.step);
    if (state.initial_losses.empty()) state.initial_losses = losses;
    const std::int64_t tokens = state.step * plan.tokens_per_step;
    EvalRecord record{state.step, tokens, batches->epoch_at(state.step), lr, train_loss, val_loss, tokens_per_s, wall_s, {}};
    for (std::size_t i = 1; i < losses.size(); ++i) {
      const std::string& metric = evaluator->metric_name(i);
      record.metrics.emplace_back(metric, losses[i]);
      // Forgetting (Ibrahim et al. 2024): the rise of a corpus's loss since the run's first evaluation.
      record.metrics.emplace_back("eval/forgetting/" + metric.substr(sizeof("eval/val_loss/") - 1),
                                  losses[i] - state.initial_losses[i]);
    }
    record.metrics.emplace_back("flops", flops_per_token(model->config()) * static_cast<double>(tokens));
    const auto& rates = model->dropout();
    if (spec.model.dropout.attn > 0 || spec.model.dropout.resid > 0 || spec.model.dropout.embd > 0) {
      record.metrics.emplace_back("dropout/attn", rates.attn);
      record.metrics.emplace_back("dropout/resid", rates.resid);
      record.metrics.emplace_back("dropout/embd", rates.embd);
    }
    const MoeStats moe = average_moe_stats(model->take_moe_stats(), *comm);
    for (std::size_t e = 0; e < moe.expert_load.size(); ++e)
      record.metrics.emplace_back("moe/load/" + std::to_string(e), moe.expert_load[e]);
    if (!moe.expert_load.empty()) record.metrics.emplace_back("moe/dropped_fraction", moe.dropped_fraction);
    evaluator->add_downstream_scores(record, static_cast<std::int64_t>(state.val_history.size()) - 1,
                                     state.step == plan.total_steps);
    sink.eval(record);
    keep_best(val_loss, wall_s);
    report_onset(wall_s);
  }

  // Step records for the steps since the last sync, which ended at state.step; their wall times
  // spread evenly between the two syncs.
  void report_steps(const std::vector<double>& losses, double tokens_per_s,
                    double wall_from, double wall_to) {
    const auto n = static_cast<std::int64_t>(losses.size());
    for (std::int64_t i = 0; i < n; ++i) {
      const std::int64_t step = state.step - n + 1 + i;
      const double loss = losses[static_cast<std::size_t>(i)];
      check_finite(loss, step);
      state.interval_loss_sum += loss;
      ++state.interval_steps;
      const std::int64_t tokens = step * plan.tokens_per_step;
      const double wall_s = wall_from + (wall_to - wall_from) * static_cast<double>(i + 1) / static_cast<double>(n);
      sink.step({step, plan.total_steps, tokens, static_cast<double>(tokens) / static_cast<double>(plan.unique_tokens),
                 learning_rate(training_step->lr_schedule(), step - 1), loss, tokens_per_s, wall_s});
    }
  }

  std::vector<EvalPoint> eval_points() const {
    std::vector<EvalPoint> points;
    for (std::size_t i = 0; i < state.val_history.size(); ++i) {
      const std::int64_t step = state.eval_steps[i];
      const double train = i < state.train_history.size() ? state.train_history[i] : 0.0;
      points.push_back({step, step * plan.tokens_per_step, batches->epoch_at(step), train, state.val_history[i]});
    }
    return points;
  }

  // The onset of overfitting, once: an event with the onset (step, tokens, epoch), the best point
  // and the generalization gap; `show` prints it and the outcome table lists its step.
  void report_onset(double wall_s) {
    if (state.onset_reported) return;
    const auto points = eval_points();
    const OnsetReport onset = detect_overfitting(points, onset_criteria);
    if (!onset.found) return;
    state.onset_reported = true;
    const auto& best = points[onset.best_index];
    sink.event({state.step, state.step * plan.tokens_per_step, "overfitting_onset",
                {{"onset_step", onset.onset_step}, {"onset_tokens", onset.onset_tokens},
                 {"onset_epoch", onset.onset_epoch}, {"best_step", best.step},
                 {"best_val_loss", onset.best_val_loss}, {"epoch_at_best", best.epoch},
                 {"gap_at_best", onset.gap_at_best}, {"generalization_gap", onset.generalization_gap},
                 {"confirmed_step", points[onset.confirmed_index].step}},
                wall_s});
  }

  RunSummary run() {
    const bool resuming = options.resume && !options.checkpoint_dir.empty() &&
                          std::filesystem::exists(checkpoint_file());
    if (resuming) {
      state = load_checkpoint(checkpoint_file(), model, *optimizer);
      if (state.fingerprint != fingerprint())
        throw DataError("checkpoint " + checkpoint_file().string() + " was written for another spec or dataset "
                        "than this run's",
                        "delete it to start the run from scratch, or resume the run it belongs to");
      batches->restore(state.micro_batches);
    } else if (!options.init_checkpoint.empty()) {
      load_initial_weights(options.init_checkpoint, model,
                           spec.init_from.optimizer == "keep" ? optimizer.get() : nullptr);
    }
    check_same_device_kind(device.is_cuda(), *comm);
    broadcast_parameters(model, *comm);
    decorrelate_rank_randomness();
    nlohmann::json plan_json = {{"tokens_per_step", plan.tokens_per_step}, {"total_steps", plan.total_steps},
                                {"train_tokens", plan.train_tokens}, {"unique_tokens", plan.unique_tokens},
                                {"epochs", plan.epochs}, {"ranks", comm->world_size()},
                                {"threads", at::get_num_threads()}};  // each rank's: spec's 0 resolved
    sink.run_started({options.run_id, spec.name, to_json(spec), plan_json, state.step,
                      model->parameter_count(), device_name});
    if (resuming)
      sink.event({state.step, state.step * plan.tokens_per_step, "resumed", {{"step", state.step}}, state.wall_s});
    // A continued run is evaluated before its first step: forgetting and adaptation are measured
    // from there.
    if (!resuming && !options.init_checkpoint.empty()) {
      sink.event({0, 0, "initialized_from", {{"checkpoint", options.init_checkpoint.string()},
                                             {"optimizer", spec.init_from.optimizer}}, 0.0});
      report_eval(learning_rate(training_step->lr_schedule(), 0), 0.0, 0.0);
    }

    const auto t0 = Clock::now();
    const double wall_before = state.wall_s;
    double last_wall = wall_before;  // at the last sync
    double tokens_per_s = 0.0;
    const SyncPoints sync_points{options.sync_interval > 0 ? options.sync_interval : default_sync_interval(device.is_cuda()),
                                 spec.training.eval_interval, spec.training.checkpoint_interval, plan.total_steps,
                                 options.stop_after_steps};
    std::vector<torch::Tensor> unread;  // the loss sums of the steps since the last sync, on the device
    try {
      while (state.step < plan.total_steps) {
        unread.push_back(training_step->run(state.step));
        state.micro_batches += spec.training.grad_accum;
        ++state.step;
        if (auto outcome = training_step->take_graph_outcome()) report_graph_outcome(*outcome, wall_before + seconds_since(t0));
        // A stop request is only seen at sync steps, where every rank reads it at the same step;
        // one process may stop at once.
        const bool stop_now = comm->world_size() == 1 && options.stop && options.stop->load();
        if (!stop_now && !is_sync_step(state.step, sync_points)) continue;

        const bool asked_to_stop = (options.stop && options.stop->load()) ||
                                   (options.stop_after_steps >= 0 && state.step >= options.stop_after_steps);
        const auto [losses, stop_requested] = agree_on_steps(read_step_losses(unread), asked_to_stop, *comm);
        const double wall_s = wall_before + seconds_since(t0);
        const double rate = static_cast<double>(plan.tokens_per_step * static_cast<std::int64_t>(losses.size())) /
                            std::max(wall_s - last_wall, 1e-9);
        tokens_per_s = tokens_per_s == 0.0 ? rate : 0.9 * tokens_per_s + 0.1 * rate;  // smoothed
        report_steps(losses, tokens_per_s, last_wall, wall_s);
        unread.clear();

        const bool last_step = state.step == plan.total_steps;
        if (state.step % spec.training.eval_interval == 0 || last_step) {
          report_eval(learning_rate(training_step->lr_schedule(), state.step - 1), tokens_per_s, wall_s);  // this step's
          check_replicas_agree(model, *comm, state.step);
        }
        const auto every = spec.training.checkpoint_interval;
        if (!last_step && (stop_requested || (every > 0 && state.step % every == 0))) write_checkpoint(wall_s);
        // The next interval's tokens/s counts training steps only, not this evaluation or checkpoint.
        last_wall = wall_before + seconds_since(t0);
        if (stop_requested && !last_step) {
          auto s = summary("interrupted", wall_s);
          sink.run_finished(s);
          return s;
        }
      }
      write_checkpoint(wall_before + seconds_since(t0));  // inside: its barrier may fail too
    } catch (const std::exception& e) {
      auto s = summary("failed", wall_before + seconds_since(t0));
      s.error = error_text(e);
      sink.run_finished(s);
      throw;
    }
    auto s = summary("finished", wall_before + seconds_since(t0));
    sink.run_finished(s);
    return s;
  }
};

Trainer::Trainer(const RunSpec& spec, TrainingData data, MetricsSink& sink, TrainerOptions options)
    : impl_(std::make_unique<Impl>(spec, std::move(data), sink, std::move(options))) {}
Trainer::Trainer(const RunSpec& spec, PreparedDataset& data, MetricsSink& sink, TrainerOptions options)
    : Trainer(spec, TrainingData{&data, nullptr, {}}, sink, std::move(options)) {}
Trainer::~Trainer() = default;
RunSummary Trainer::run() { return impl_->run(); }
std::int64_t Trainer::parameter_count() const { return impl_->model->parameter_count(); }
double Trainer::parameter_checksum() const { return wb::parameter_checksum(impl_->model); }

}  // namespace wb
