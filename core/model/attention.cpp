// Self-attention and the prefix-LM mask.
#include "model/attention.hpp"

#include "model/layers.hpp"
#include "model/torch_compat.hpp"

namespace wb {

torch::Tensor prefix_lm_mask(const torch::Tensor& prefix_len, std::int64_t T) {
  if (!prefix_len.defined()) return {};
  auto p = prefix_len.to(torch::kLong).reshape({-1});
  // On the CPU, one read per batch lets an all-causal batch skip the mask (the causal objective
  // passes no prefix at all). On a GPU that read would make the host wait at every micro-batch:
  // an all-causal batch there takes the mask, which then equals the causal one.
  if (p.numel() == 0 || (!p.is_cuda() && p.max().item<std::int64_t>() <= 0)) return {};
  auto pos = torch::arange(T, p.options());
  auto causal = pos.unsqueeze(1) >= pos.unsqueeze(0);           // (T, T): j <= i
  auto in_prefix = pos.view({1, 1, T}) < p.view({-1, 1, 1});   // (B, 1, T): j < prefix_len
  return (causal.unsqueeze(0) | in_prefix).unsqueeze(1);       // (B, 1, T, T)
}

SelfAttentionImpl::SelfAttentionImpl(const GptConfig& c)
    : n_head_(c.n_head), block_size_(c.block_size), attn_dropout_(c.dropout.attn), resid_dropout_(c.dropout.resid) {
  c_attn = register_module("c_attn", torch::nn::Linear(torch::nn::LinearOptions(c.n_embd, 3 * c.n_embd).bias(c.bias)));
  c_proj = register_module("c_proj", torch::nn::Linear(torch::nn::LinearOptions(c.n_embd, c.n_embd).bias(c.bias)));
}

torch::Tensor SelfAttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& allowed) {
  const auto B = x.size(0), T = x.size(1), C = x.size(2);
  auto qkv = c_attn(x).split(C, /*dim=*/2);
  auto heads = [&](const torch::Tensor& t) { return t.view({B, T, n_head_, C / n_head_}).transpose(1, 2); };
  torch::Tensor y;  // (B, nh, T, hs)
  if (allowed.defined()) {
    TORCH_CHECK(allowed.size(0) == B && allowed.size(-1) == T, "attention mask of shape ", allowed.sizes(),
                " does not fit a batch of ", B, " x ", T);
    y = compat::masked_attention(heads(qkv[0]), heads(qkv[1]), heads(qkv[2]), allowed, attn_dropout_, is_training());
  } else {
    if (!future_mask_.defined() || future_mask_.device() != x.device()) {
      const auto options = torch::TensorOptions().dtype(torch::kBool).device(x.device());
      future_mask_ = torch::ones({block_size_, block_size_}, options).triu(1);
    }
    y = compat::causal_attention(heads(qkv[0]), heads(qkv[1]), heads(qkv[2]), attn_dropout_, is_training(),
                                 future_mask_);
  }
  y = y.transpose(1, 2).contiguous().view({B, T, C});  // (B, T, C)
  return maybe_dropout(c_proj(y), resid_dropout_, is_training());
}

}  // namespace wb
