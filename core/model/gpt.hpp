// Dense decoder-only GPT in LibTorch, after nanoGPT's model.py: pre-norm blocks, causal
// self-attention, GELU MLP, tied token embedding / lm_head, GPT-2 initialization.
// Includes LibTorch: only translation units that need the model include this header.
#pragma once

#include <torch/torch.h>

#include "model/gpt_config.hpp"

namespace wb {

// LayerNorm with an optional bias (nanoGPT's): LibTorch's has no "weight without bias".
class LayerNormImpl : public torch::nn::Module {
 public:
  LayerNormImpl(int n_embd, bool bias);
  torch::Tensor forward(const torch::Tensor& x);

  torch::Tensor weight;
  torch::Tensor bias;  // undefined when bias=false

 private:
  std::int64_t n_embd_;
};
TORCH_MODULE(LayerNorm);

// Dropout that costs nothing when p is 0 or the module is evaluating.
inline torch::Tensor maybe_dropout(const torch::Tensor& x, double p, bool training) {
  return (p > 0.0 && training) ? torch::dropout(x, p, /*train=*/true) : x;
}

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
  double resid_dropout_;
  torch::Tensor future_mask_;  // (block_size, block_size) bool, built once per device
};
TORCH_MODULE(CausalSelfAttention);

class MlpImpl : public torch::nn::Module {
 public:
  explicit MlpImpl(const GptConfig& config);
  torch::Tensor forward(const torch::Tensor& x);  // (B, T, C) -> (B, T, C)

  torch::nn::Linear c_fc{nullptr};    // C -> 4C
  torch::nn::Linear c_proj{nullptr};  // 4C -> C (scaled init)

 private:
  double dropout_;
};
TORCH_MODULE(Mlp);

class BlockImpl : public torch::nn::Module {
 public:
  explicit BlockImpl(const GptConfig& config);
  torch::Tensor forward(torch::Tensor x);

 private:
  LayerNorm ln_1{nullptr}, ln_2{nullptr};
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
  double embd_dropout_;
  torch::nn::ModuleList h{nullptr};
  LayerNorm ln_f{nullptr};
};
TORCH_MODULE(Gpt);

}  // namespace wb
