// The one place where LibTorch versions differ: Debian's CPU LibTorch 1.13 and CUDA LibTorch 2.x.
// Everything else in the code base uses these wrappers and compiles against both.
#pragma once

#include <ATen/autocast_mode.h>
#include <torch/torch.h>
#include <torch/version.h>

#include <cmath>
#include <limits>
#include <string>

#define WB_TORCH_AT_LEAST(major, minor) \
  (TORCH_VERSION_MAJOR > (major) || (TORCH_VERSION_MAJOR == (major) && TORCH_VERSION_MINOR >= (minor)))

namespace wb::compat {

inline std::string torch_version() {
  return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
         std::to_string(TORCH_VERSION_PATCH);
}

// Causal self-attention on (B, nh, T, hs) tensors. 2.x has the fused kernel (flash / memory
// efficient on CUDA); 1.13 gets the explicit softmax(QK^T / sqrt(hs)) V with a causal mask.
// `future_mask` is a cached bool (T', T') upper triangle (T' >= T), true above the diagonal.
inline torch::Tensor causal_attention(const torch::Tensor& q, const torch::Tensor& k,
                                      const torch::Tensor& v, double dropout_p, bool training,
                                      const torch::Tensor& future_mask) {
#if WB_TORCH_AT_LEAST(2, 0)
  (void)future_mask;
  return at::scaled_dot_product_attention(q, k, v, /*attn_mask=*/{}, training ? dropout_p : 0.0,
                                          /*is_causal=*/true);
#else
  const auto T = q.size(-2);
  auto att = torch::matmul(q, k.transpose(-2, -1)).mul_(1.0 / std::sqrt(static_cast<double>(q.size(-1))));
  att.masked_fill_(future_mask.narrow(0, 0, T).narrow(1, 0, T), -std::numeric_limits<float>::infinity());
  att = torch::softmax(att, -1);
  if (training && dropout_p > 0.0) att = torch::dropout(att, dropout_p, /*train=*/true);
  return torch::matmul(att, v);
#endif
}

// Self-attention on (B, nh, T, hs) tensors where `allowed` (B, 1, T, T) bool says which keys each
// query may see (true: it may), e.g. a prefix-LM mask; every row must allow at least one key.
// 2.x: the fused kernel with a boolean attn_mask; 1.13: softmax(QK^T / sqrt(hs)) V with -inf where
// not allowed.
inline torch::Tensor masked_attention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                      const torch::Tensor& allowed, double dropout_p, bool training) {
#if WB_TORCH_AT_LEAST(2, 0)
  return at::scaled_dot_product_attention(q, k, v, allowed, training ? dropout_p : 0.0, /*is_causal=*/false);
#else
  auto att = torch::matmul(q, k.transpose(-2, -1)).mul_(1.0 / std::sqrt(static_cast<double>(q.size(-1))));
  att.masked_fill_(allowed.logical_not(), -std::numeric_limits<float>::infinity());
  att = torch::softmax(att, -1);
  if (training && dropout_p > 0.0) att = torch::dropout(att, dropout_p, /*train=*/true);
  return torch::matmul(att, v);
#endif
}

// bf16 autocast for a CUDA forward pass, from construction to destruction, which restores the
// state before it (the autocast cache is dropped when the outermost scope ends). `enable` is
// train/mixed_precision's uses_bf16_autocast: false on the CPU (fp32 there, bit-reproducible).
class CudaAutocast {
 public:
  explicit CudaAutocast(bool enable) : enabled_(enable) {
    if (!enabled_) return;
#if WB_TORCH_AT_LEAST(2, 4)
    was_enabled_ = at::autocast::is_autocast_enabled(at::kCUDA);
    previous_dtype_ = at::autocast::get_autocast_dtype(at::kCUDA);
    at::autocast::set_autocast_enabled(at::kCUDA, true);
    at::autocast::set_autocast_dtype(at::kCUDA, at::kBFloat16);
#else
    was_enabled_ = at::autocast::is_enabled();
    previous_dtype_ = at::autocast::get_autocast_gpu_dtype();
    at::autocast::set_enabled(true);
    at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
#endif
  }
  ~CudaAutocast() {
    if (!enabled_) return;
#if WB_TORCH_AT_LEAST(2, 4)
    at::autocast::set_autocast_dtype(at::kCUDA, previous_dtype_);
    at::autocast::set_autocast_enabled(at::kCUDA, was_enabled_);
#else
    at::autocast::set_autocast_gpu_dtype(previous_dtype_);
    at::autocast::set_enabled(was_enabled_);
#endif
    if (!was_enabled_) at::autocast::clear_cache();
  }
  CudaAutocast(const CudaAutocast&) = delete;
  CudaAutocast& operator=(const CudaAutocast&) = delete;

 private:
  bool enabled_;
  bool was_enabled_ = false;
  at::ScalarType previous_dtype_ = at::kHalf;
};

// Drops gradients instead of zeroing them (2.x's zero_grad default; 1.13's C++ API zeroes):
// the next backward then writes each gradient instead of adding to a buffer of zeros.
inline void zero_grad_to_none(const std::vector<torch::Tensor>& parameters) {
  for (const auto& p : parameters) p.mutable_grad().reset();
}
inline void zero_grad_to_none(torch::optim::Optimizer& optimizer) {
  for (auto& group : optimizer.param_groups()) zero_grad_to_none(group.params());
}

// AdamW's update of one parameter group in one fused kernel (CUDA, LibTorch 2.1+): decoupled
// weight decay, moments and bias-corrected step as torch::optim::AdamW computes them, with each
// parameter's step count t read from `steps` (float scalars on the parameters' device; the kernel
// does not advance them). False where this LibTorch has no such kernel, or for CPU tensors (whose
// update stays bit-identical to LibTorch's AdamW): the caller then runs the multi-tensor update.
inline bool fused_adamw(const std::vector<torch::Tensor>& params, const std::vector<torch::Tensor>& grads,
                        const std::vector<torch::Tensor>& exp_avgs, const std::vector<torch::Tensor>& exp_avg_sqs,
                        const std::vector<torch::Tensor>& steps, double lr, double beta1, double beta2,
                        double weight_decay, double eps) {
#if WB_TORCH_AT_LEAST(2, 1)
  if (params.empty() || !params.front().is_cuda()) return false;
  at::_fused_adamw_(params, grads, exp_avgs, exp_avg_sqs, /*max_exp_avg_sqs=*/{}, steps, lr, beta1, beta2,
                    weight_decay, eps, /*amsgrad=*/false, /*maximize=*/false);
  return true;
#else
  (void)params, (void)grads, (void)exp_avgs, (void)exp_avg_sqs, (void)steps;
  (void)lr, (void)beta1, (void)beta2, (void)weight_decay, (void)eps;
  return false;
#endif
}

// Multiplies every tensor by one scalar tensor (0-d, on their device) in as few kernels as this
// LibTorch allows: one multi-tensor launch from 2.1 on, a launch per tensor before.
inline void multiply_all_(const std::vector<torch::Tensor>& tensors, const torch::Tensor& factor) {
#if WB_TORCH_AT_LEAST(2, 1)
  at::_foreach_mul_(tensors, factor);
#else
  for (const auto& t : tensors) t.mul_(factor);
#endif
}

// Ends a c10d process group's work before it is destroyed: from 2.4 on, a ProcessGroupNCCL that
// is destroyed without it warns on every run that it "has NOT been destroyed before we destruct
// ProcessGroupNCCL" (and may leak its communicators); earlier versions have no such call.
template <typename ProcessGroup>
void shut_down(ProcessGroup& group) {
#if WB_TORCH_AT_LEAST(2, 4)
  group.shutdown();
#else
  (void)group;
#endif
}

// TCPStore's libuv server (an option from 2.2, the default from 2.4) exists only where PyTorch
// was built with libuv (pip wheels are; Debian 13's 2.6 is not, and refuses the default).
template <typename TCPStoreOptions>
bool can_disable_libuv(TCPStoreOptions& options) {
#if WB_TORCH_AT_LEAST(2, 2)
  if (!options.useLibUV) return false;
  options.useLibUV = false;
  return true;
#else
  (void)options;
  return false;
#endif
}

}  // namespace wb::compat
