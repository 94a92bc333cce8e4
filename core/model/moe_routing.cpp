// Routing: one stable sort of all (token, expert) assignments by expert, then capacity by rank.
#include "model/moe_routing.hpp"

#include <algorithm>
#include <cmath>

namespace wb {

std::int64_t expert_capacity(std::int64_t tokens, int top_k, int n_expert, double capacity_factor) {
  if (capacity_factor <= 0.0) return 0;
  const double exact = capacity_factor * static_cast<double>(tokens) * top_k / n_expert;
  return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(exact - 1e-9)));  // 1e-9: 480.0000001
}

Routing route_tokens(const torch::Tensor& logits, int top_k, double capacity_factor) {
  TORCH_CHECK(logits.dim() == 2, "router logits must be (tokens, experts), got ", logits.sizes());
  const auto N = logits.size(0), E = logits.size(1);
  TORCH_CHECK(top_k >= 1 && top_k <= E, "top_k ", top_k, " must be between 1 and n_expert ", E);
  Routing r;
  r.probs = torch::softmax(logits.to(torch::kFloat), -1);  // (N, E)
  auto [top_p, top_e] = r.probs.topk(top_k, -1);            // (N, k) each, best first
  auto gates = top_k > 1 ? top_p / top_p.sum(-1, /*keepdim=*/true) : top_p;
  r.top1 = top_e.select(1, 0);
  r.assignments = N * top_k;
  r.capacity = expert_capacity(N, top_k, static_cast<int>(E), capacity_factor);

  torch::Tensor kept;  // (M,) assignment ids a = rank * N + token, grouped by expert
  {
    torch::NoGradGuard no_grad;
    // Assignment a = rank * N + token: all first choices, then all second choices.
    auto expert_of = top_e.t().reshape({-1});  // (kN)
    // A stable sort keeps the priority order within each expert's group.
    // (A plain bool for `stable`: its optional type is c10::optional on 1.13, std::optional on 2.x.)
    auto [sorted_expert, order] = expert_of.sort(/*stable=*/true, /*dim=*/0, /*descending=*/false);
    auto counts = torch::bincount(expert_of, {}, E).to(torch::kCPU).to(torch::kLong);
    r.assigned_per_expert.assign(counts.data_ptr<std::int64_t>(), counts.data_ptr<std::int64_t>() + E);
    r.kept_per_expert = r.assigned_per_expert;
    const auto busiest = *std::max_element(r.assigned_per_expert.begin(), r.assigned_per_expert.end());
    if (r.capacity == 0 || busiest <= r.capacity) {
      kept = order;
    } else {
      auto starts = (counts.cumsum(0) - counts).to(order.device());            // (E) first slot of each group
      auto rank = torch::arange(r.assignments, order.options()) - starts.index_select(0, sorted_expert);
      kept = order.masked_select(rank < r.capacity);
      for (auto& n : r.kept_per_expert) n = std::min(n, r.capacity);
    }
    r.token = kept.remainder(N);
  }
  r.dropped = r.assignments - kept.size(0);
  r.gate = gates.t().reshape({-1}).index_select(0, kept);
  return r;
}

torch::Tensor load_balancing_loss(const torch::Tensor& probs, const torch::Tensor& top1) {
  const auto E = probs.size(1);
  auto f = torch::one_hot(top1, E).to(probs.scalar_type()).mean(0);  // (E) share of first choices
  auto P = probs.mean(0);                                             // (E) mean probability
  return static_cast<double>(E) * (f * P).sum();
}

torch::Tensor router_z_loss(const torch::Tensor& logits) {
  return torch::logsumexp(logits.to(torch::kFloat), -1).square().mean();
}

}  // namespace wb
