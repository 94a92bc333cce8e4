// The GPT: the parameter-count formula equals the module's count, shapes, tied weights,
// and the model can overfit one batch to near-zero loss.
#include <gtest/gtest.h>

#include "model/gpt.hpp"

namespace wb {
namespace {

GptConfig config(int n_layer, int n_head, int n_embd, int block, int vocab, bool bias) {
  GptConfig c;
  c.n_layer = n_layer;
  c.n_head = n_head;
  c.n_embd = n_embd;
  c.block_size = block;
  c.vocab_size = vocab;
  c.bias = bias;
  return c;
}

TEST(ModelParameters, FormulaEqualsModuleCount) {
  for (bool bias : {true, false}) {
    for (auto c : {config(1, 1, 8, 4, 10, bias), config(4, 4, 128, 64, 65, bias), config(3, 2, 48, 32, 257, bias)}) {
      Gpt model(c);
      EXPECT_EQ(model->parameter_count(), count_parameters(c).total)
          << "n_layer " << c.n_layer << " n_embd " << c.n_embd << " bias " << bias;
    }
  }
  // nanoGPT reports 0.80M (non-embedding) parameters for its baby CPU config.
  auto baby = count_parameters(config(4, 4, 128, 64, 65, false));
  EXPECT_EQ(baby.non_embedding, 4 * (12 * 128 * 128 + 2 * 128) + 128 + 65 * 128);
  EXPECT_NEAR(baby.non_embedding / 1e6, 0.80, 0.01);
}

TEST(ModelParameters, OptimizerGroupsPartitionTrainableParameters) {
  Gpt model(config(2, 2, 16, 8, 11, true));
  std::int64_t decay = 0, no_decay = 0;
  for (const auto& p : model->decay_parameters()) decay += p.numel();
  for (const auto& p : model->no_decay_parameters()) no_decay += p.numel();
  EXPECT_EQ(decay + no_decay, model->parameter_count());
  EXPECT_EQ(decay, 2 * 12 * 16 * 16);  // only Linear weights decay
}

TEST(Model, ShapesAndTiedEmbedding) {
  torch::manual_seed(0);
  Gpt model(config(2, 2, 16, 8, 11, false));
  auto idx = torch::randint(11, {3, 8}, torch::kLong);
  auto logits = model->forward(idx);
  EXPECT_EQ(logits.sizes(), (std::vector<std::int64_t>{3, 8, 11}));
  // Initial loss is near ln(vocab): small init gives near-uniform predictions.
  EXPECT_NEAR(model->loss(idx, idx).item<double>(), std::log(11.0), 0.3);
  EXPECT_THROW(model->forward(torch::zeros({1, 9}, torch::kLong)), c10::Error);
}

TEST(Model, CausalMaskHidesTheFuture) {
  torch::manual_seed(0);
  Gpt model(config(2, 2, 16, 8, 11, true));
  model->eval();
  auto a = torch::randint(11, {1, 8}, torch::kLong);
  auto b = a.clone();
  b[0][7] = (a[0][7].item<std::int64_t>() + 1) % 11;  // change only the last token
  auto la = model->forward(a), lb = model->forward(b);
  EXPECT_TRUE(torch::allclose(la.narrow(1, 0, 7), lb.narrow(1, 0, 7)));
  EXPECT_FALSE(torch::allclose(la.narrow(1, 7, 1), lb.narrow(1, 7, 1)));
}

TEST(Model, OverfitsOneBatchToNearZeroLoss) {
  torch::manual_seed(1);
  at::set_num_threads(1);
  Gpt model(config(2, 2, 64, 16, 32, true));
  torch::optim::AdamW optimizer(model->parameters(), torch::optim::AdamWOptions(3e-3).weight_decay(0.0));
  auto tokens = torch::randint(32, {4, 17}, torch::kLong);
  auto x = tokens.narrow(1, 0, 16), y = tokens.narrow(1, 1, 16);
  double loss = 0;
  for (int step = 0; step < 300 && (step == 0 || loss > 0.02); ++step) {
    optimizer.zero_grad();
    auto l = model->loss(x, y);
    l.backward();
    optimizer.step();
    loss = l.item<double>();
  }
  EXPECT_LT(loss, 0.05);
}

}  // namespace
}  // namespace wb
