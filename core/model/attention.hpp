// Multi-head self-attention, causal by default or under a prefix-LM mask for the denoising
// objectives (prefix_len per row: query i may see key j iff j < prefix_len or j <= i).
// Includes LibTorch.
#pragma once

#include <torch/torch.h>

#include "model/gpt_config.hpp"

namespace wb {

// The attention mask of rows with a bidirectional prefix: (B, 1, T, T) bool, true where query i
// may attend key j, i.e. j < prefix_len[b] or j <= i. prefix_len (B,) integer; 0 is causal, >= T
// fully bidirectional. Returns an undefined tensor when prefix_len is undefined (callers pass none
// for all-causal batches, which keep the fast causal kernel), or, on the CPU, all zero; on a GPU
// reading that would stall the host, and an all-zero prefix gets the mask (equal to the causal one).
torch::Tensor prefix_lm_mask(const torch::Tensor& prefix_len, std::int64_t T);

class SelfAttentionImpl : public torch::nn::Module {
 public:
  explicit SelfAttentionImpl(const GptConfig& config);
  // (B, T, C) -> (B, T, C); `allowed` from prefix_lm_mask, undefined: causal.
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& allowed = {});
  void set_dropout(double attn, double resid) {
    attn_dropout_ = attn;
    resid_dropout_ = resid;
  }

  torch::nn::Linear c_attn{nullptr};  // q, k, v projections in one matrix
  torch::nn::Linear c_proj{nullptr};  // output projection (scaled init)

 private:
  int n_head_;
  int block_size_;
  double attn_dropout_;
  double resid_dropout_;
  torch::Tensor future_mask_;  // (block_size, block_size) bool, built once per device
};
TORCH_MODULE(SelfAttention);

}  // namespace wb
