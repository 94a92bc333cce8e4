// The multi-tensor AdamW against LibTorch's own: the same parameters and state bit for bit, with
// two parameter groups (weight decay and none), a parameter that sometimes has no gradient, and
// state handed over through a checkpoint written by LibTorch's AdamW.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "train/multi_tensor_adamw.hpp"

namespace wb {
namespace {

struct Params {
  std::vector<torch::Tensor> decay, no_decay;
  std::vector<torch::Tensor> all() const {
    auto out = decay;
    out.insert(out.end(), no_decay.begin(), no_decay.end());
    return out;
  }
};

Params make_params() {
  torch::manual_seed(11);
  return {{torch::randn({4, 3}).requires_grad_(), torch::randn({5, 4}).requires_grad_()},
          {torch::randn({4}).requires_grad_(), torch::randn({7}).requires_grad_()}};
}

Params clone(const Params& p) {
  Params c;
  for (const auto& t : p.decay) c.decay.push_back(t.detach().clone().requires_grad_());
  for (const auto& t : p.no_decay) c.no_decay.push_back(t.detach().clone().requires_grad_());
  return c;
}

template <typename Optimizer>
std::unique_ptr<Optimizer> make(const Params& p) {
  const auto options = [](double wd) {
    return std::make_unique<torch::optim::AdamWOptions>(
        torch::optim::AdamWOptions(3e-3).betas({0.9, 0.99}).eps(1e-8).weight_decay(wd));
  };
  std::vector<torch::optim::OptimizerParamGroup> groups;
  groups.emplace_back(p.decay, options(0.1));
  groups.emplace_back(p.no_decay, options(0.0));
  return std::make_unique<Optimizer>(std::move(groups), torch::optim::AdamWOptions(3e-3));
}

// Step `step`'s gradients, the same for both parameter sets; the last parameter has none on odd steps.
void set_gradients(const Params& p, int step) {
  torch::manual_seed(100 + step);
  const auto all = p.all();
  for (std::size_t i = 0; i < all.size(); ++i) {
    auto grad = torch::randn(all[i].sizes());
    if (i + 1 == all.size() && step % 2 == 1) all[i].mutable_grad().reset();
    else all[i].mutable_grad() = grad;
  }
}

void expect_equal(const Params& a, const Params& b, int step) {
  const auto x = a.all(), y = b.all();
  for (std::size_t i = 0; i < x.size(); ++i) EXPECT_TRUE(torch::equal(x[i], y[i])) << "parameter " << i << " after step " << step;
}

// Steps `first` to `last` - 1: the same gradients into both parameter sets, one step of each
// optimizer, and the parameters compared.
void step_both(const Params& reference, torch::optim::Optimizer& libtorch, const Params& ours,
               torch::optim::Optimizer& multi, int first, int last) {
  for (int step = first; step < last; ++step) {
    set_gradients(reference, step);
    set_gradients(ours, step);
    libtorch.step();
    multi.step();
    expect_equal(reference, ours, step);
  }
}

TEST(MultiTensorAdamW, StepsLikeLibTorchsAdamWBitForBit) {
  const Params reference = make_params(), ours = clone(reference);
  auto libtorch = make<torch::optim::AdamW>(reference);
  auto multi = make<MultiTensorAdamW>(ours);
  step_both(reference, *libtorch, ours, *multi, 0, 6);
  // The parameter without gradients on odd steps counted 3 steps, the others 6.
  std::multiset<std::int64_t> steps;
  for (const auto& entry : multi->state())
    steps.insert(static_cast<const torch::optim::AdamWParamState&>(*entry.second).step());
  EXPECT_EQ(steps, (std::multiset<std::int64_t>{3, 6, 6, 6}));
}

TEST(MultiTensorAdamW, ContinuesFromLibTorchsCheckpointState) {
  const Params reference = make_params();
  auto libtorch = make<torch::optim::AdamW>(reference);
  for (int step = 0; step < 3; ++step) {
    set_gradients(reference, step);
    libtorch->step();
  }
  std::stringstream saved;
  {
    torch::serialize::OutputArchive archive;
    libtorch->save(archive);
    archive.save_to(saved);
  }
  const Params ours = clone(reference);
  auto multi = make<MultiTensorAdamW>(ours);
  {
    torch::serialize::InputArchive archive;
    archive.load_from(saved);
    multi->load(archive);
  }
  step_both(reference, *libtorch, ours, *multi, 3, 6);
}

}  // namespace
}  // namespace wb
