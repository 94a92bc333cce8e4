// Dense decoder-only GPT in LibTorch, after nanoGPT's model.py: pre-norm blocks, causal
// self-attention, GELU MLP, tied token embedding / lm_head, GPT-2 initialization.
// Includes LibTorch: only translation units that need the model include this header.
#pragma once

#include <torch/torch.h>

#include "model/gpt_config.hpp"

namespace wb {

class CausalSelfAttentionImpl : public torch::nn::Module {
 public:
  explicit CausalSelfAttentionImpl(const GptConfig& config);
  torch::Tensor forward(const torch::Tensor& x);  // (B, T, C) -> (B, T, C)

  torch::nn::Linear c_attn{nullptr};  // q, k, v projections in one matrix
  torch::nn::Linear c_proj{nullptr};  // output projection (scaled init)

 private:
  int n_head_;
  int block_size_;
  double attn_dropout_;
  torch::Tensor future_mask_;  // (block_size, block_size) bool, built once per device
  torch::nn::Dropout resid_dropout_{nullptr};
};
TORCH_MODULE(CausalSelfAttention);

class MlpImpl : public torch::nn::Module {
 public:
  explicit MlpImpl(const GptConfig& config);
  torch::Tensor forward(const torch::Tensor& x);  // (B, T, C) -> (B, T, C)

  torch::nn::Linear c_fc{nullptr};    // C -> 4C
  torch::nn::Linear c_proj{nullptr};  // 4C -> C (scaled init)

 private:
  torch::nn::Dropout dropout_{nullptr};
};
TORCH_MODULE(Mlp);

class BlockImpl : public torch::nn::Module {
 public:
  explicit BlockImpl(const GptConfig& config);
  torch::Tensor forward(torch::Tensor x);

 private:
  torch::nn::LayerNorm ln_1{nullptr}, ln_2{nullptr};
  CausalSelfAttention attn{nullptr};
  Mlp mlp{nullptr};
};
TORCH_MODULE(Block);

class GptImpl : public torch::nn::Module {
 public:
  // Initializes weights from the current default generator (seed it first for reproducibility).
  explicit GptImpl(const GptConfig& config);

  // idx (B, T) int64 token ids -> logits (B, T, vocab_size).
  torch::Tensor forward(const torch::Tensor& idx);
  // Mean cross-entropy of next-token prediction; targets (B, T).
  torch::Tensor loss(const torch::Tensor& idx, const torch::Tensor& targets);

  const GptConfig& config() const { return config_; }
  std::int64_t parameter_count() const;  // counts tied weights once

  // AdamW parameter groups: weights of Linear layers decay; biases, norms, embeddings do not.
  std::vector<torch::Tensor> decay_parameters() const;
  std::vector<torch::Tensor> no_decay_parameters() const;

 private:
  void init_weights();

  GptConfig config_;
  torch::nn::Embedding wte{nullptr};  // token embedding, tied to the output layer
  torch::nn::Embedding wpe{nullptr};  // learned position embedding
  torch::nn::Dropout drop{nullptr};
  torch::nn::ModuleList h{nullptr};
  torch::nn::LayerNorm ln_f{nullptr};
};
TORCH_MODULE(Gpt);

}  // namespace wb
