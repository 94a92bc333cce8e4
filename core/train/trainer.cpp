// The training loop: one run from its spec to its last checkpoint, reporting through MetricsSink.
#include "train/trainer.hpp"

#include <chrono>
#include <cmath>
#include <thread>

#include <nlohmann/json.hpp>

#include "common/content_hash.hpp"
#include "common/errors.hpp"
#include "data/dataset.hpp"
#include "data/repetition_sampler.hpp"
#include "model/gpt.hpp"
#include "model/torch_compat.hpp"
#include "train/checkpoint.hpp"
#include "train/communicator.hpp"
#include "train/lr_schedule.hpp"
#include "train/optimizer.hpp"
#include "train/overfitting_detector.hpp"

namespace wb {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

}  // namespace

void configure_torch_threads(int threads) {
  int n = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  at::set_num_threads(n);
}

std::string resolve_device(const std::string& requested, int local_rank) {
  const bool cuda = torch::cuda::is_available();
  if (requested == "cuda" && !cuda)
    throw UserError(ExitCode::kUsage, "training.device is \"cuda\" but this LibTorch " +
                    compat::torch_version() + " sees no CUDA device",
                    "use \"auto\" or \"cpu\", or build against a CUDA LibTorch on a GPU machine");
  if (requested == "cpu" || !cuda) return "cpu";
  return "cuda:" + std::to_string(local_rank % std::max<int>(1, torch::cuda::device_count()));
}

std::string library_versions_json() {
  return nlohmann::json{{"libtorch", compat::torch_version()}, {"cuda", torch::cuda::is_available()}}.dump();
}

struct Trainer::Impl {
  RunSpec spec;
  RunPlan plan;
  PreparedDataset& data;
  MetricsSink& sink;
  TrainerOptions options;
  SingleProcessCommunicator single_process;
  Communicator* comm;
  torch::Device device{torch::kCPU};
  std::string device_name;
  Gpt model{nullptr};
  std::unique_ptr<torch::optim::AdamW> optimizer;
  std::unique_ptr<RepetitionSampler> sampler;
  std::vector<std::int64_t> eval_offsets;
  LrSchedule schedule;
  LoopState state;

  Impl(const RunSpec& s, PreparedDataset& d, MetricsSink& m, TrainerOptions o)
      : spec(s), data(d), sink(m), options(std::move(o)) {
    comm = options.communicator ? options.communicator : &single_process;
    plan = plan_run(spec, comm->world_size());
    device_name = resolve_device(spec.training.device, comm->rank());
    device = torch::Device(device_name);

    torch::manual_seed(spec.training.seed);
    model = Gpt(GptConfig::from(spec.model, static_cast<int>(data.vocab_size())));
    model->to(device);
    optimizer = std::make_unique<torch::optim::AdamW>(make_adamw(model, spec.optimizer));
    sampler = std::make_unique<RepetitionSampler>(data.train, plan.unique_tokens, spec.model.block_size,
                                                  spec.training.batch_size, spec.training.seed,
                                                  comm->rank(), comm->world_size());
    eval_offsets = fixed_eval_offsets(data.val.size(), spec.model.block_size,
                                      spec.training.eval_batches * spec.training.batch_size);
    schedule = {spec.optimizer.lr, spec.optimizer.min_lr, spec.optimizer.warmup_steps,
                spec.optimizer.decay_steps > 0 ? spec.optimizer.decay_steps : plan.total_steps};
  }

  bool is_main() const { return comm->rank() == 0; }

  // What a checkpoint must match to be continued: the spec, the data and the step size.
  std::string fingerprint() const {
    RunSpec essential = spec;  // where and on how many threads it runs may change on resume
    essential.training.device = "auto";
    essential.training.threads = 0;
    return ContentHash().add(to_json(essential).dump()).add(data.dir.filename().string())
        .add(static_cast<std::uint64_t>(plan.tokens_per_step)).hex();
  }
  std::filesystem::path checkpoint_file() const { return options.checkpoint_dir / "last.pt"; }

  torch::Tensor to_batch(std::vector<std::int64_t>& buffer, std::int64_t rows) {
    auto t = torch::from_blob(buffer.data(), {rows, spec.model.block_size}, torch::kLong);
    return device.is_cpu() ? t : t.to(device);
  }

  double evaluate() {
    torch::NoGradGuard no_grad;
    model->eval();
    const int B = spec.training.batch_size, T = spec.model.block_size;
    std::vector<std::int64_t> window(T + 1), x(B * T), y(B * T);
    double sum = 0.0;
    int batches = 0;
    for (std::size_t first = 0; first < eval_offsets.size(); first += B, ++batches) {
      const std::size_t rows = std::min<std::size_t>(B, eval_offsets.size() - first);
      for (std::size_t r = 0; r < rows; ++r) {
        data.val.copy(static_cast<std::uint64_t>(eval_offsets[first + r]), window);
        split_window(window, std::span(x).subspan(r * T, T), std::span(y).subspan(r * T, T));
      }
      compat::CudaAutocast autocast(device.is_cuda());
      sum += model->loss(to_batch(x, rows), to_batch(y, rows)).item<double>();
    }
    model->train();
    return comm->all_reduce_mean(sum / std::max(1, batches));
  }

  // One optimizer step over grad_accum micro-batches; returns the mean micro-batch loss.
  double train_step(std::vector<std::int64_t>& x, std::vector<std::int64_t>& y) {
    const double lr = learning_rate(schedule, state.step);
    for (auto& group : optimizer->param_groups())
      static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
    compat::zero_grad_to_none(*optimizer);
    const int accum = spec.training.grad_accum;
    torch::Tensor loss_sum;  // stays on the device: one host sync per step, not per micro-batch
    for (int micro = 0; micro < accum; ++micro) {
      sampler->next_batch(x, y);
      torch::Tensor loss;
      {
        compat::CudaAutocast autocast(device.is_cuda());
        loss = model->loss(to_batch(x, spec.training.batch_size), to_batch(y, spec.training.batch_size));
      }
      (loss / accum).backward();
      loss_sum = micro == 0 ? loss.detach() : loss_sum + loss.detach();
    }
    state.micro_batches += accum;
    if (comm->world_size() > 1) {
      std::vector<torch::Tensor> grads;
      for (auto& p : model->parameters())
        if (p.grad().defined()) grads.push_back(p.grad());
      comm->all_reduce_mean(grads);
    }
    if (spec.optimizer.grad_clip > 0)
      torch::nn::utils::clip_grad_norm_(model->parameters(), spec.optimizer.grad_clip);
    optimizer->step();
    const double loss = comm->all_reduce_mean(loss_sum.item<double>() / accum);
    if (!std::isfinite(loss))
      throw UserError(ExitCode::kRuntime,
                      "training loss became " + std::to_string(loss) + " at step " + std::to_string(state.step + 1),
                      "lower optimizer.lr, raise optimizer.warmup_steps or keep optimizer.grad_clip on; "
                      "the run's metrics up to here are in the database");
    return loss;
  }

  void write_checkpoint(double wall_s) {
    if (options.checkpoint_dir.empty() || !is_main()) return;
    auto saved = state;
    saved.wall_s = wall_s;
    saved.fingerprint = fingerprint();
    save_checkpoint(checkpoint_file(), model, *optimizer, saved);
    sink.event({state.step, state.step * plan.tokens_per_step, "checkpoint",
                {{"path", checkpoint_file().string()}}, wall_s});
  }

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

  void report_eval(double lr, double tokens_per_s, double wall_s) {
    const double val_loss = evaluate();
    const double train_loss = state.interval_steps ? state.interval_loss_sum / state.interval_steps : 0.0;
    state.interval_loss_sum = 0.0;
    state.interval_steps = 0;
    state.val_history.push_back(val_loss);
    state.eval_steps.push_back(state.step);
    const std::int64_t tokens = state.step * plan.tokens_per_step;
    const double epoch = static_cast<double>(tokens) / static_cast<double>(plan.unique_tokens);
    sink.eval({state.step, tokens, epoch, lr, train_loss, val_loss, tokens_per_s, wall_s});
    if (!state.onset_reported) {
      if (auto onset = overfitting_onset(state.val_history)) {
        state.onset_reported = true;
        sink.event({state.step, tokens, "overfitting_onset",
                    {{"best_step", state.eval_steps[*onset]}, {"best_val_loss", state.val_history[*onset]},
                     {"epoch_at_best", static_cast<double>(state.eval_steps[*onset] * plan.tokens_per_step) /
                                           static_cast<double>(plan.unique_tokens)}},
                    wall_s});
      }
    }
  }

  RunSummary run() {
    const bool resuming = options.resume && !options.checkpoint_dir.empty() &&
                          std::filesystem::exists(checkpoint_file());
    if (resuming) {
      state = load_checkpoint(checkpoint_file(), model, *optimizer);
      if (state.fingerprint != fingerprint())
        throw DataError("checkpoint " + checkpoint_file().string() + " was written for another spec, dataset "
                        "or world size than this run's",
                        "delete it to start the run from scratch, or resume the run it belongs to");
      sampler->restore({state.micro_batches});
    }
    nlohmann::json plan_json = {{"tokens_per_step", plan.tokens_per_step}, {"total_steps", plan.total_steps},
                                {"train_tokens", plan.train_tokens}, {"unique_tokens", plan.unique_tokens},
                                {"epochs", plan.epochs}};
    sink.run_started({options.run_id, spec.name, to_json(spec), plan_json, state.step,
                      model->parameter_count(), device_name});
    if (resuming)
      sink.event({state.step, state.step * plan.tokens_per_step, "resumed", {{"step", state.step}}, state.wall_s});

    const auto t0 = Clock::now();
    const double wall_before = state.wall_s;
    std::vector<std::int64_t> x(spec.training.batch_size * spec.model.block_size), y(x.size());
    double tokens_per_s = 0.0;
    auto last = Clock::now();
    try {
      while (state.step < plan.total_steps) {
        const double lr = learning_rate(schedule, state.step);
        const double loss = train_step(x, y);
        ++state.step;
        state.interval_loss_sum += loss;
        ++state.interval_steps;

        const double dt = seconds_since(last);
        last = Clock::now();
        const double rate = plan.tokens_per_step / std::max(dt, 1e-9);
        tokens_per_s = tokens_per_s == 0.0 ? rate : 0.9 * tokens_per_s + 0.1 * rate;  // smoothed
        const double wall_s = wall_before + seconds_since(t0);
        const std::int64_t tokens = state.step * plan.tokens_per_step;
        sink.step({state.step, plan.total_steps, tokens,
                   static_cast<double>(tokens) / static_cast<double>(plan.unique_tokens), lr, loss,
                   tokens_per_s, wall_s});

        const bool last_step = state.step == plan.total_steps;
        if (state.step % spec.training.eval_interval == 0 || last_step) report_eval(lr, tokens_per_s, wall_s);
        const bool stop_requested = (options.stop && options.stop->load()) ||
                                    (options.stop_after_steps >= 0 && state.step >= options.stop_after_steps);
        const auto every = spec.training.checkpoint_interval;
        if (!last_step && (stop_requested || (every > 0 && state.step % every == 0))) write_checkpoint(wall_s);
        if (stop_requested && !last_step) {
          auto s = summary("interrupted", wall_s);
          sink.run_finished(s);
          return s;
        }
      }
    } catch (const std::exception& e) {
      auto s = summary("failed", wall_before + seconds_since(t0));
      s.error = e.what();
      sink.run_finished(s);
      throw;
    }
    const double wall_s = wall_before + seconds_since(t0);
    write_checkpoint(wall_s);
    auto s = summary("finished", wall_s);
    sink.run_finished(s);
    return s;
  }
};

Trainer::Trainer(const RunSpec& spec, PreparedDataset& data, MetricsSink& sink, TrainerOptions options)
    : impl_(std::make_unique<Impl>(spec, data, sink, std::move(options))) {}
Trainer::~Trainer() = default;
RunSummary Trainer::run() { return impl_->run(); }
std::int64_t Trainer::parameter_count() const { return impl_->model->parameter_count(); }

}  // namespace wb
