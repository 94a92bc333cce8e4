// Trainer numerics on a real tiny pipeline: golden per-step losses, bit-for-bit determinism,
// save -> load -> continue equals an uninterrupted run, evaluation records, overfitting onset.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <thread>

#include "model/gpt.hpp"
#include "train/checkpoint.hpp"
#include "train/trainer.hpp"
#include "train/tiny_run.hpp"

namespace wb {
namespace {

using test::RecordingSink;

std::vector<double> train(const RunSpec& spec, const Workspace& workspace, RecordingSink& sink,
                          TrainerOptions options = {}) {
  configure_torch_threads(spec.training.threads);
  auto data = prepare_dataset(spec.data, workspace);
  Trainer trainer(spec, data, sink, options);
  trainer.run();
  return sink.losses;
}

class TrainerTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  Workspace workspace = test::make_tiny_workspace(dir);
};

TEST_F(TrainerTest, MatchesGoldenPerStepLosses) {
  RecordingSink sink;
  auto losses = train(test::tiny_spec(), workspace, sink);
  ASSERT_EQ(losses.size(), 24u);
  const std::string golden = std::string(WB_TEST_GOLDEN_DIR) + "/tiny_gpt_losses.txt";
  if (std::getenv("WB_UPDATE_GOLDEN")) {
    std::ofstream out(golden);
    out << "# per-step training loss: tests/train/tiny_run.hpp tiny_spec(), 1 thread, CPU fp32\n";
    for (double l : losses) out << std::setprecision(9) << l << "\n";
    GTEST_SKIP() << "golden file rewritten: " << golden;
  }
  std::ifstream in(golden);
  ASSERT_TRUE(in) << "missing " << golden << "; run with WB_UPDATE_GOLDEN=1 to create it";
  std::string line;
  std::vector<double> expected;
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') expected.push_back(std::stod(line));
  ASSERT_EQ(expected.size(), losses.size());
  // Tolerance covers BLAS and LibTorch-version rounding, not a change in the numerics.
  for (std::size_t i = 0; i < losses.size(); ++i) EXPECT_NEAR(losses[i], expected[i], 2e-4) << "step " << i + 1;
  EXPECT_LT(losses.back(), losses.front() - 1.0) << "the tiny model should learn";
}

TEST_F(TrainerTest, SameSeedSameThreadsIsBitForBit) {
  auto spec = test::tiny_spec();
  spec.model.dropout = {0.1, 0.1, 0.1, {}};
  spec.training.threads = 2;  // parallel reductions too
  RecordingSink a, b;
  EXPECT_EQ(train(spec, workspace, a), train(spec, workspace, b));
  spec.training.seed = 43;
  RecordingSink c;
  EXPECT_NE(train(spec, workspace, c), a.losses);
}

TEST_F(TrainerTest, ResumeFromCheckpointContinuesIdentically) {
  auto spec = test::tiny_spec();
  spec.model.dropout = {0.1, 0.1, 0.1, {}};  // the RNG state must be restored too
  spec.training.grad_accum = 2;
  spec.training.token_budget *= 2;
  RecordingSink full;
  train(spec, workspace, full);

  TrainerOptions options;
  options.checkpoint_dir = dir.path() / "ckpt";
  options.stop_after_steps = 7;
  RecordingSink first;
  train(spec, workspace, first, options);
  EXPECT_EQ(first.summary.status, "interrupted");
  ASSERT_TRUE(std::filesystem::exists(options.checkpoint_dir / "last.pt"));

  options.resume = true;
  options.stop_after_steps = -1;
  RecordingSink second;
  train(spec, workspace, second, options);
  EXPECT_EQ(second.summary.status, "finished");
  ASSERT_EQ(first.losses.size() + second.losses.size(), full.losses.size());
  for (std::size_t i = 0; i < second.losses.size(); ++i)
    EXPECT_EQ(second.losses[i], full.losses[7 + i]) << "step " << 8 + i;
  EXPECT_EQ(second.evals.back().val_loss, full.evals.back().val_loss);
  EXPECT_EQ(second.steps.front().step, 8);
}

// Every step up to a checkpoint is stored before the checkpoint is written: a run killed right
// after the write resumes after its step, and rows the sink still held would be lost for good.
TEST_F(TrainerTest, StepsAreFlushedBeforeEachCheckpointIsWritten) {
  // Each flush removes the checkpoint file; each checkpoint event then finds it written anew.
  struct FlushOrderSink : test::RecordingSink {
    std::filesystem::path checkpoint;
    std::int64_t flushed_through = -1;  // the last step that had been reported at the last flush
    std::vector<std::string> problems;
    void flush() override {
      flushed_through = steps.empty() ? 0 : steps.back().step;
      std::filesystem::remove(checkpoint);
    }
    void event(const EventRecord& r) override {
      RecordingSink::event(r);
      if (r.kind != "checkpoint") return;
      if (flushed_through != r.step) problems.push_back("step " + std::to_string(r.step) + ": not flushed");
      if (!std::filesystem::exists(checkpoint))
        problems.push_back("step " + std::to_string(r.step) + ": written before the flush");
    }
  };
  auto spec = test::tiny_spec();
  spec.training.checkpoint_interval = 5;
  TrainerOptions options;
  options.checkpoint_dir = dir.path() / "ckpt";
  FlushOrderSink sink;
  sink.checkpoint = options.checkpoint_dir / "last.pt";
  train(spec, workspace, sink, options);
  EXPECT_GE(std::count_if(sink.events.begin(), sink.events.end(), [](const auto& e) { return e.kind == "checkpoint"; }),
            4);
  EXPECT_TRUE(sink.problems.empty()) << sink.problems.front();
}

// The model the checkpoint tests save and load: one layer, 16 wide, 11 tokens.
GptConfig checkpoint_test_config() {
  GptConfig config;
  config.n_layer = 1;
  config.n_head = 2;
  config.n_embd = 16;
  config.block_size = 8;
  config.vocab_size = 11;
  return config;
}

// A checkpoint's tensors land on the device of the model that loads it, not on the device that
// wrote them: rank 0 writes from cuda:0, and rank 1's parameters must stay on cuda:1 (LibTorch
// would move them with set_data). Checked here as a GPU checkpoint loaded by a CPU model, which a
// one-GPU machine can do; skipped without CUDA.
TEST(Checkpoint, TensorsLandOnTheLoadingModelsDevice) {
  if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device visible";
  test::TempDir dir;
  const GptConfig config = checkpoint_test_config();
  torch::manual_seed(1);
  Gpt written(config);
  written->to(torch::kCUDA);
  torch::optim::AdamW written_optimizer(written->parameters(), torch::optim::AdamWOptions(1e-3));
  const auto idx = torch::randint(11, {2, 8}, torch::dtype(torch::kLong).device(torch::kCUDA));
  written->loss(idx, idx).backward();
  written_optimizer.step();
  save_checkpoint(dir / "last.pt", written, written_optimizer, LoopState{});

  torch::manual_seed(2);
  Gpt loaded(config);
  torch::optim::AdamW loaded_optimizer(loaded->parameters(), torch::optim::AdamWOptions(1e-3));
  load_checkpoint(dir / "last.pt", loaded, loaded_optimizer);
  const auto a = written->parameters(), b = loaded->parameters();
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_TRUE(b[i].device().is_cpu()) << "parameter " << i << " moved to " << b[i].device();
    EXPECT_TRUE(torch::equal(a[i].cpu(), b[i].cpu())) << "parameter " << i;
  }
  for (const auto& [key, state] : loaded_optimizer.state())
    EXPECT_TRUE(static_cast<torch::optim::AdamWParamState&>(*state).exp_avg().device().is_cpu()) << key;
}

// A run resumed on a GPU does not draw the dropout masks of its first steps again: the device's
// generator is in the checkpoint too. Skipped without CUDA.
TEST(Checkpoint, RestoresTheGpusRandomStream) {
  if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device visible";
  test::TempDir dir;
  const GptConfig config = checkpoint_test_config();
  Gpt model(config);
  model->to(torch::kCUDA);
  torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(1e-3));
  torch::manual_seed(3);
  (void)torch::rand({64}, torch::kCUDA);  // the run so far
  save_checkpoint(dir / "last.pt", model, optimizer, LoopState{});
  const auto expected = torch::rand({64}, torch::kCUDA);
  torch::manual_seed(3);  // what every start does before loading
  load_checkpoint(dir / "last.pt", model, optimizer);
  EXPECT_TRUE(torch::equal(torch::rand({64}, torch::kCUDA), expected))
      << "the GPU's random stream started again from the seed";
}

// Reading the losses every 5 steps (what a GPU does, every 16) changes when the host waits, not
// what it reports: the same step records, evaluations and stop step as reading every step.
TEST_F(TrainerTest, ReadingLossesEveryFewStepsReportsTheSameSteps) {
  auto spec = test::tiny_spec();
  spec.training.eval_interval = 7;
  RecordingSink every, fifth;
  train(spec, workspace, every);
  TrainerOptions options;
  options.sync_interval = 5;
  train(spec, workspace, fifth, options);
  ASSERT_EQ(fifth.steps.size(), every.steps.size());
  for (std::size_t i = 0; i < every.steps.size(); ++i) {
    EXPECT_EQ(fifth.steps[i].step, every.steps[i].step);
    EXPECT_EQ(fifth.steps[i].loss, every.steps[i].loss) << "step " << i + 1;
    EXPECT_EQ(fifth.steps[i].lr, every.steps[i].lr) << "step " << i + 1;
    EXPECT_EQ(fifth.steps[i].tokens, every.steps[i].tokens);
  }
  ASSERT_EQ(fifth.evals.size(), every.evals.size());
  for (std::size_t i = 0; i < every.evals.size(); ++i) {
    EXPECT_EQ(fifth.evals[i].step, every.evals[i].step);
    EXPECT_EQ(fifth.evals[i].train_loss, every.evals[i].train_loss);
    EXPECT_EQ(fifth.evals[i].val_loss, every.evals[i].val_loss);
  }
  options.stop_after_steps = 8;
  RecordingSink stopped;
  train(spec, workspace, stopped, options);
  EXPECT_EQ(stopped.summary.status, "interrupted");
  EXPECT_EQ(stopped.steps.size(), 8u);
}

// training.cuda_graphs trains through GraphedStep's fixed buffers; on the CPU nothing is recorded
// and the steps must be exactly the eager ones (the same operations in the same order), through
// accumulation, label smoothing and a dropout schedule (which re-records on a GPU). A checkpoint
// of one resumes under the other: graphs change how a step is launched, not what it computes.
TEST_F(TrainerTest, CudaGraphsOnTheCpuTrainTheSameStepsAndSaySo) {
  auto spec = test::tiny_spec();
  spec.model.dropout = {0.1, 0.1, 0.1, {"dropstage", 0.5, 0.0, "fraction"}};
  spec.training.grad_accum = 2;
  spec.training.token_budget *= 2;
  spec.training.label_smoothing = 0.1;
  RecordingSink eager, graphed;
  train(spec, workspace, eager);
  auto with_graphs = spec;
  with_graphs.training.cuda_graphs = true;
  train(with_graphs, workspace, graphed);
  ASSERT_EQ(graphed.losses.size(), eager.losses.size());
  for (std::size_t i = 0; i < eager.losses.size(); ++i) EXPECT_EQ(graphed.losses[i], eager.losses[i]) << "step " << i + 1;
  EXPECT_EQ(graphed.evals.back().val_loss, eager.evals.back().val_loss);

  std::vector<EventRecord> graph_events;
  for (const auto& e : graphed.events)
    if (e.kind == "cuda_graphs") graph_events.push_back(e);
  ASSERT_EQ(graph_events.size(), 1u) << "one report, not one per dropout change";
  EXPECT_EQ(graph_events[0].step, 1);
  EXPECT_FALSE(graph_events[0].data.at("recorded").get<bool>());
  EXPECT_NE(graph_events[0].data.at("reason").get<std::string>().find("on the CPU"), std::string::npos);
  for (const auto& e : eager.events) EXPECT_NE(e.kind, "cuda_graphs");

  TrainerOptions options;
  options.checkpoint_dir = dir.path() / "ckpt";
  options.stop_after_steps = 5;
  RecordingSink first, second;
  train(spec, workspace, first, options);
  options.resume = true;
  options.stop_after_steps = -1;
  train(with_graphs, workspace, second, options);
  ASSERT_EQ(second.steps.front().step, 6);
  for (std::size_t i = 0; i < second.losses.size(); ++i) EXPECT_EQ(second.losses[i], eager.losses[5 + i]) << "step " << 6 + i;
}

TEST_F(TrainerTest, ReportsEvaluationsWithTokensEpochsAndLr) {
  RecordingSink sink;
  auto spec = test::tiny_spec();
  train(spec, workspace, sink);
  ASSERT_EQ(sink.evals.size(), 3u);  // steps 8, 16, 24
  const auto plan = plan_run(spec);
  for (std::size_t i = 0; i < sink.evals.size(); ++i) {
    const auto& e = sink.evals[i];
    EXPECT_EQ(e.step, static_cast<std::int64_t>(8 * (i + 1)));
    EXPECT_EQ(e.tokens, e.step * plan.tokens_per_step);
    EXPECT_DOUBLE_EQ(e.epoch, static_cast<double>(e.tokens) / plan.unique_tokens);
    EXPECT_GT(e.val_loss, 0.0);
    EXPECT_GT(e.train_loss, 0.0);
    EXPECT_GT(e.lr, 0.0);
  }
  EXPECT_NEAR(sink.evals.back().epoch, 2.0, 1e-9);
  EXPECT_EQ(sink.summary.status, "finished");
  EXPECT_EQ(sink.summary.final_val_loss, sink.evals.back().val_loss);
}

// tokens/s measures training steps: an evaluation that takes long (here 0.5 s, against a few ms
// per step) does not drag down the rate of the step after it. Counted in, it would make that
// step's rate ~0 and cut the smoothed figure to 0.90 of the step before; 0.91 still allows a
// step 10 times slower than the ones before it.
TEST_F(TrainerTest, TokensPerSecondLeavesEvaluationsOut) {
  struct SlowEvaluations : RecordingSink {
    void eval(const EvalRecord& r) override {
      RecordingSink::eval(r);
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  } sink;
  auto spec = test::tiny_spec();
  spec.training.token_budget = 4 * 16 * 10;  // 10 steps, evaluated at step 8 and the end
  train(spec, workspace, sink);
  ASSERT_EQ(sink.steps.size(), 10u);
  const double before = sink.steps[7].tokens_per_s, after = sink.steps[8].tokens_per_s;  // steps 8 and 9
  EXPECT_GT(after, 0.91 * before) << "step 9's rate counted step 8's evaluation";
}

TEST_F(TrainerTest, HeavyRepetitionOverfitsAndIsDetected) {
  auto spec = test::tiny_spec();
  spec.model.n_embd = 64;
  spec.data.epochs = 150.0;  // ~2 sequences per batch of unique data, seen 150 times
  spec.training.token_budget = 4 * 16 * 300;
  spec.training.eval_interval = 20;
  spec.optimizer.lr = 1e-2;
  spec.optimizer.min_lr = 1e-2;
  RecordingSink sink;
  train(spec, workspace, sink);
  bool detected = false;
  for (const auto& e : sink.events) detected |= e.kind == "overfitting_onset";
  EXPECT_TRUE(detected);
  EXPECT_GT(sink.summary.final_val_loss, sink.summary.best_val_loss);
  EXPECT_LT(sink.evals.back().train_loss, 0.5 * sink.evals.back().val_loss);
}

}  // namespace
}  // namespace wb
