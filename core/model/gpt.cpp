// GPT forward pass and GPT-2 initialization (nanoGPT's model.py, in LibTorch).
#include "model/gpt.hpp"

#include <cmath>

#include "model/torch_compat.hpp"

namespace wb {
namespace F = torch::nn::functional;

namespace {

torch::nn::Linear linear(int in, int out, bool bias) {
  return torch::nn::Linear(torch::nn::LinearOptions(in, out).bias(bias));
}

}  // namespace

LayerNormImpl::LayerNormImpl(int n_embd, bool with_bias) : n_embd_(n_embd) {
  weight = register_parameter("weight", torch::ones({n_embd}));
  if (with_bias) bias = register_parameter("bias", torch::zeros({n_embd}));
}

torch::Tensor LayerNormImpl::forward(const torch::Tensor& x) {
  return torch::layer_norm(x, {n_embd_}, weight, bias, 1e-5);
}

CausalSelfAttentionImpl::CausalSelfAttentionImpl(const GptConfig& c)
    : n_head_(c.n_head), block_size_(c.block_size), attn_dropout_(c.dropout.attn), resid_dropout_(c.dropout.resid) {
  c_attn = register_module("c_attn", linear(c.n_embd, 3 * c.n_embd, c.bias));
  c_proj = register_module("c_proj", linear(c.n_embd, c.n_embd, c.bias));
}

torch::Tensor CausalSelfAttentionImpl::forward(const torch::Tensor& x) {
  const auto B = x.size(0), T = x.size(1), C = x.size(2);
  auto qkv = c_attn(x).split(C, /*dim=*/2);
  auto heads = [&](const torch::Tensor& t) { return t.view({B, T, n_head_, C / n_head_}).transpose(1, 2); };
  if (!future_mask_.defined() || future_mask_.device() != x.device())
    future_mask_ = torch::ones({block_size_, block_size_}, torch::TensorOptions().dtype(torch::kBool).device(x.device()))
                       .triu(1);
  auto y = compat::causal_attention(heads(qkv[0]), heads(qkv[1]), heads(qkv[2]), attn_dropout_,
                                    is_training(), future_mask_);         // (B, nh, T, hs)
  y = y.transpose(1, 2).contiguous().view({B, T, C});                     // (B, T, C)
  return maybe_dropout(c_proj(y), resid_dropout_, is_training());
}

MlpImpl::MlpImpl(const GptConfig& c) : dropout_(c.dropout.resid) {
  c_fc = register_module("c_fc", linear(c.n_embd, 4 * c.n_embd, c.bias));
  c_proj = register_module("c_proj", linear(4 * c.n_embd, c.n_embd, c.bias));
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x) {
  return maybe_dropout(c_proj(F::gelu(c_fc(x))), dropout_, is_training());
}

BlockImpl::BlockImpl(const GptConfig& c) {
  ln_1 = register_module("ln_1", LayerNorm(c.n_embd, c.bias));
  attn = register_module("attn", CausalSelfAttention(c));
  ln_2 = register_module("ln_2", LayerNorm(c.n_embd, c.bias));
  mlp = register_module("mlp", Mlp(c));
}

torch::Tensor BlockImpl::forward(torch::Tensor x) {
  x = x + attn(ln_1(x));
  return x + mlp(ln_2(x));
}

GptImpl::GptImpl(const GptConfig& c) : config_(c), embd_dropout_(c.dropout.embd) {
  wte = register_module("wte", torch::nn::Embedding(c.vocab_size, c.n_embd));
  wpe = register_module("wpe", torch::nn::Embedding(c.block_size, c.n_embd));
  h = register_module("h", torch::nn::ModuleList());
  for (int i = 0; i < c.n_layer; ++i) h->push_back(Block(c));
  ln_f = register_module("ln_f", LayerNorm(c.n_embd, c.bias));
  init_weights();
}

void GptImpl::init_weights() {
  torch::NoGradGuard no_grad;
  // GPT-2: N(0, 0.02) for Linear and Embedding weights, zero biases, and residual projections
  // scaled by 1/sqrt(2 * n_layer) so the residual stream's variance does not grow with depth.
  const double residual_std = 0.02 / std::sqrt(2.0 * config_.n_layer);
  for (auto& item : named_parameters(/*recurse=*/true)) {
    const std::string& name = item.key();
    auto& p = item.value();
    const bool is_norm = name.find("ln_") != std::string::npos;
    if (is_norm) {
      if (name.ends_with(".weight")) p.fill_(1.0);
      else p.zero_();
    } else if (name.ends_with(".bias")) {
      p.zero_();
    } else if (name.ends_with("c_proj.weight")) {
      p.normal_(0.0, residual_std);
    } else {
      p.normal_(0.0, 0.02);
    }
  }
}

torch::Tensor GptImpl::forward(const torch::Tensor& idx) {
  const auto T = idx.size(1);
  TORCH_CHECK(T <= config_.block_size, "sequence of ", T, " tokens is longer than block_size ",
              config_.block_size);
  auto pos = torch::arange(T, torch::TensorOptions().dtype(torch::kLong).device(idx.device()));
  auto x = maybe_dropout(wte(idx) + wpe(pos), embd_dropout_, is_training());  // (B, T, C)
  for (auto& block : *h) x = block->as<Block>()->forward(x);
  x = ln_f(x);
  return F::linear(x, wte->weight);  // tied lm_head: (B, T, V)
}

torch::Tensor GptImpl::loss(const torch::Tensor& idx, const torch::Tensor& targets) {
  auto logits = forward(idx);
  return F::cross_entropy(logits.view({-1, logits.size(-1)}).to(torch::kFloat), targets.reshape({-1}));
}

std::int64_t GptImpl::parameter_count() const {
  std::int64_t n = 0;
  for (const auto& p : parameters())
    if (p.requires_grad()) n += p.numel();
  return n;
}

std::vector<torch::Tensor> GptImpl::decay_parameters() const {
  std::vector<torch::Tensor> out;
  for (const auto& item : named_parameters(true)) {
    const auto& name = item.key();
    const bool is_linear_weight = name.ends_with(".weight") && name.find("ln_") == std::string::npos &&
                                  name != "wte.weight" && name != "wpe.weight";
    if (is_linear_weight && item.value().requires_grad()) out.push_back(item.value());
  }
  return out;
}

std::vector<torch::Tensor> GptImpl::no_decay_parameters() const {
  std::vector<torch::Tensor> out;
  auto decay = decay_parameters();
  for (const auto& p : parameters()) {
    if (!p.requires_grad()) continue;
    bool in_decay = false;
    for (const auto& d : decay) in_decay |= d.is_same(p);
    if (!in_decay) out.push_back(p);
  }
  return out;
}

}  // namespace wb
