// GPT hyperparameters with nanoGPT's names, and the parameter-count formula (no LibTorch needed).
#pragma once

#include <cstdint>

#include "spec/run_spec.hpp"

namespace wb {

struct GptConfig {
  int n_layer = 4;       // transformer blocks, e.g. 12 for GPT-2 small
  int n_head = 4;        // attention heads, e.g. 12
  int n_embd = 128;      // width, e.g. 768
  int block_size = 64;   // context length, e.g. 1024
  int vocab_size = 256;  // e.g. 50257; from the tokenizer
  bool bias = true;      // biases in Linear layers and LayerNorms
  DropoutSpec dropout;   // attention / residual / embedding dropout

  static GptConfig from(const ModelSpec& model, int vocab_size);
};

struct ParameterCount {
  std::int64_t total = 0;           // every trainable parameter (tied lm_head counted once)
  std::int64_t non_embedding = 0;   // total minus position embeddings (nanoGPT's convention)
  std::int64_t non_embedding_all = 0;  // total minus token and position embeddings (scaling laws' N)
};

// Closed form of the model's size:
//   embeddings  V*C + T*C          (the lm_head is tied to the token embedding)
//   per block   12*C^2 (attention 4*C^2, MLP 8*C^2) + 2*C LayerNorm weights [+ 11*C biases]
//   final norm  C [+ C]
ParameterCount count_parameters(const GptConfig& config);

// Training FLOPs per token, nanoGPT's estimate_mfu: 6*N + 12*L*C*T (attention scores and values).
double flops_per_token(const GptConfig& config);

}  // namespace wb
