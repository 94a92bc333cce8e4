// The gradient reducer's bucket plan (a table) and its hooks on one process: whatever the bucket
// size, the gradients it leaves are bit for bit those autograd accumulates, across micro-batches,
// with zeros for a parameter backward never reached. (Across real ranks: c10d_communicator_test.)
#include <gtest/gtest.h>

#include "train/gradient_reducer.hpp"

namespace wb {
namespace {

TEST(PlanBuckets, FillsFromTheLastParameterAndClosesAtTheCap) {
  struct Case {
    std::vector<std::int64_t> bytes;
    std::int64_t first, rest;
    std::vector<std::vector<std::size_t>> expected;
  };
  const std::vector<Case> cases = {
      {{}, 4, 8, {}},
      {{10}, 4, 8, {{0}}},
      {{1, 1, 1, 1}, 100, 100, {{3, 2, 1, 0}}},
      // The first bucket closes at 2 bytes, the others at 3: a bucket takes parameters until it holds the cap.
      {{1, 1, 1, 1, 1, 1}, 2, 3, {{5, 4}, {3, 2, 1}, {0}}},
      // A parameter larger than the cap gets a bucket of its own, never split.
      {{4, 100, 4}, 8, 8, {{2, 1}, {0}}},
      {{100, 1, 100}, 8, 8, {{2}, {1, 0}}},
  };
  for (const auto& c : cases) {
    const auto layout = plan_buckets(c.bytes, c.first, c.rest);
    EXPECT_EQ(layout.buckets, c.expected) << c.bytes.size() << " parameters, caps " << c.first << "/" << c.rest;
  }
}

// `a` and `b` take part in both micro-batches, `early` only in the first, `unused` in none.
struct TinyModel {
  torch::Tensor a = torch::randn({3, 4}).requires_grad_();
  torch::Tensor b = torch::randn({4}).requires_grad_();
  torch::Tensor early = torch::randn({4}).requires_grad_();
  torch::Tensor unused = torch::randn({5}).requires_grad_();
  // Buckets fill from the last parameter: `b`, `a`, then `early` and `unused`, which backward
  // never reaches in the last micro-batch.
  std::vector<torch::Tensor> parameters() const { return {unused, early, a, b}; }
  torch::Tensor loss(const torch::Tensor& x, bool first) const {
    auto y = x.matmul(a) + b;
    if (first) y = y * early;
    return y.tanh().square().sum();
  }
  void drop_gradients() const {
    for (auto t : {a, b, early, unused}) t.mutable_grad().reset();
  }
};

TEST(GradientReducer, LeavesTheAccumulatedGradientsOnOneProcess) {
  torch::manual_seed(3);
  TinyModel model;
  const auto x1 = torch::randn({2, 3}), x2 = torch::randn({2, 3});
  model.loss(x1, true).backward();
  model.loss(x2, false).backward();
  const auto expected_a = model.a.grad().clone(), expected_b = model.b.grad().clone();
  const auto expected_early = model.early.grad().clone();
  // Armed before the last backward (the eager step), or not at all (a step replayed from a CUDA
  // graph: every bucket starts in finish()); two steps each, the second after the first's
  // gradients, views of the buckets, were dropped.
  for (const bool armed : {true, false})
    for (const std::int64_t bucket_bytes : {4, 1 << 20}) {  // one parameter per bucket; one bucket
      const std::string where = std::to_string(bucket_bytes) + (armed ? " bytes, armed" : " bytes, not armed");
      SingleProcessCommunicator comm;
      GradientReducer reducer(model.parameters(), comm, bucket_bytes, bucket_bytes);
      EXPECT_EQ(reducer.bucket_count(), bucket_bytes == 4 ? 4u : 1u);
      for (int step = 0; step < 2; ++step) {
        model.drop_gradients();
        model.loss(x1, true).backward();  // not armed: plain accumulation
        if (armed) reducer.arm();
        model.loss(x2, false).backward();
        reducer.finish();
        EXPECT_TRUE(torch::equal(model.a.grad(), expected_a)) << where;
        EXPECT_TRUE(torch::equal(model.b.grad(), expected_b)) << where;
        EXPECT_TRUE(torch::equal(model.early.grad(), expected_early)) << "the first micro-batch's gradient, " << where;
        ASSERT_TRUE(model.unused.grad().defined());
        EXPECT_TRUE(torch::equal(model.unused.grad(), torch::zeros({5}))) << where;
        // With a bucket each, `b` and `a` were all-reduced during backward; one bucket had to wait.
        EXPECT_EQ(reducer.overlapped_buckets(), armed && bucket_bytes == 4 ? 2u : 0u) << where;
      }
    }
}

}  // namespace
}  // namespace wb
