// training.cuda_graphs on a real GPU (CUDA builds; skipped without a device): the step is recorded
// once and trains the eager step's curve, also as a data-parallel replica, a dropout schedule that
// switches dropout on records it again, and the benchmark's graphed step runs. scripts/gpu/build-and-bench.sh runs these.
#include <gtest/gtest.h>

#include <cmath>

#include <torch/torch.h>

#include "gpu/cuda_step_graphs.hpp"
#include "train/communicator.hpp"
#include "train/throughput_benchmark.hpp"
#include "train/tiny_run.hpp"
#include "train/trainer.hpp"

namespace wb {
namespace {

using test::RecordingSink;

class CudaGraphsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!torch::cuda::is_available()) GTEST_SKIP() << "no CUDA device visible";
    gpu::install_cuda_graphs();
  }
  void train(const RunSpec& spec, RecordingSink& sink, Communicator* comm = nullptr) {
    auto data = prepare_dataset(spec.data, workspace);
    TrainerOptions options;
    options.communicator = comm;
    Trainer(spec, data, sink, options).run();
  }
  static std::vector<EventRecord> graph_events(const RecordingSink& sink) {
    std::vector<EventRecord> events;
    for (const auto& e : sink.events)
      if (e.kind == "cuda_graphs") events.push_back(e);
    return events;
  }
  // Trains `spec` eagerly, then replayed from a CUDA graph (each with its communicator; null: one
  // process): the step is recorded once and the graphed run trains the eager run's curve. The
  // same kernels on the same rows; only the order of atomic adds (embedding backward) differs.
  // Stale gradients (a replay's not reaching the optimizer) would leave the curve at once.
  void expect_the_eager_curve(RunSpec spec, Communicator* eager_comm = nullptr, Communicator* graphed_comm = nullptr) {
    RecordingSink eager, graphed;
    train(spec, eager, eager_comm);
    spec.training.cuda_graphs = true;
    train(spec, graphed, graphed_comm);
    const auto events = graph_events(graphed);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_TRUE(events[0].data.at("recorded").get<bool>()) << events[0].data.dump();
    ASSERT_EQ(graphed.losses.size(), eager.losses.size());
    for (std::size_t i = 0; i < eager.losses.size(); ++i)
      EXPECT_NEAR(graphed.losses[i], eager.losses[i], 2e-2) << "step " << i + 1;
    EXPECT_NEAR(graphed.evals.back().val_loss, eager.evals.back().val_loss, 2e-2);
    EXPECT_LT(graphed.losses.back(), graphed.losses.front() - 1.0) << "the graphed steps must train";
  }
  static RunSpec gpu_spec() {
    auto spec = test::tiny_spec();
    spec.training.device = "cuda";
    spec.training.grad_accum = 2;
    spec.training.token_budget *= 2;  // 24 steps of 2 micro-batches
    return spec;
  }

  test::TempDir dir;
  Workspace workspace = test::make_tiny_workspace(dir);
};

TEST_F(CudaGraphsTest, TheRecordedStepTrainsTheEagerCurve) { expect_the_eager_curve(gpu_spec()); }

// Rank 0 of 2 whose partner computes exactly what it does: sums double, means stay. A real group
// needs two GPUs; this one exercises what a replica does with the replayed gradients (the reducer
// points .grad at its buckets after every step), on one.
class MirroredPairCommunicator final : public Communicator {
 public:
  int rank() const override { return 0; }
  int world_size() const override { return 2; }
  void all_reduce_mean(std::vector<torch::Tensor>&) override {}
  double all_reduce_mean(double value) override { return value; }
  std::unique_ptr<PendingCollective> start_all_reduce_sum(torch::Tensor flat) override {
    flat.mul_(2);
    return std::make_unique<CompletedCollective>();
  }
  void broadcast(std::vector<torch::Tensor>&, int) override {}
  void barrier() override {}
};

TEST_F(CudaGraphsTest, ADataParallelReplicaTrainsTheEagerCurve) {
  MirroredPairCommunicator eager_pair, graphed_pair;
  expect_the_eager_curve(gpu_spec(), &eager_pair, &graphed_pair);
}

TEST_F(CudaGraphsTest, ADropoutScheduleRecordsTheStepAgainWhenTheRatesChange) {
  auto spec = gpu_spec();
  spec.model.dropout = {0.1, 0.1, 0.1, {"dropstage", 0.5, 0.0, "fraction"}};  // off, then on at step 12
  spec.training.cuda_graphs = true;
  RecordingSink sink;
  train(spec, sink);
  const auto events = graph_events(sink);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].step, 1);
  EXPECT_GT(events[1].step, 1);
  for (const auto& e : events) EXPECT_TRUE(e.data.at("recorded").get<bool>()) << e.data.dump();
  for (double loss : sink.losses) EXPECT_TRUE(std::isfinite(loss));
  EXPECT_LT(sink.losses.back(), sink.losses.front() - 1.0);
}

TEST_F(CudaGraphsTest, TheBenchmarkReplaysItsStep) {
  auto config = standard_benchmarks()[0];  // baby
  const auto r = run_throughput_benchmark(config, 3, 5, "cuda:0", /*cuda_graphs=*/true);
  EXPECT_EQ(r.graphs, "recorded");
  EXPECT_GT(r.tokens_per_s, 0.0);
}

}  // namespace
}  // namespace wb
