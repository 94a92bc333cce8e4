// Queries CUDA device properties through ATen's CUDA context (CUDA LibTorch only).
#include "gpu/device_info.hpp"

#include <cstdio>
#include <cstdlib>

#include <ATen/cuda/CUDAContext.h>
#include <torch/torch.h>

#include "train/mixed_precision.hpp"

namespace wb::gpu {
namespace {

// bf16 tensor cores from Ampere (8.0) on; below, bf16 is emulated and slower than fp32.
bool has_native_bf16(int major) { return major >= 8; }

}  // namespace

std::vector<DeviceInfo> list_devices() {
  std::vector<DeviceInfo> out;
  if (!torch::cuda::is_available()) return out;
  for (int i = 0; i < static_cast<int>(torch::cuda::device_count()); ++i) {
    const auto* p = at::cuda::getDeviceProperties(i);
    out.push_back({i, p->name, static_cast<double>(p->totalGlobalMem) / (1024.0 * 1024.0 * 1024.0), p->major,
                   p->minor, has_native_bf16(p->major)});
  }
  return out;
}

std::vector<std::string> describe_gpus() {
#if defined(USE_C10D_NCCL)
  std::vector<std::string> lines = {"CUDA build; data-parallel GPUs exchange gradients through NCCL"};
#else
  std::vector<std::string> lines = {"CUDA build; this LibTorch has no NCCL: data-parallel GPUs exchange gradients "
                                    "through Gloo, staged in host memory"};
#endif
  const auto devices = list_devices();
  if (devices.empty()) {
    const char* visible = std::getenv("CUDA_VISIBLE_DEVICES");
    lines.push_back(std::string("no GPU visible") +
                    (visible ? std::string(" (CUDA_VISIBLE_DEVICES=") + visible + ")" : "") + ": runs train on the CPU");
  }
  for (const auto& d : devices) {
    char line[512];
    std::snprintf(line, sizeof line, "GPU %d: %s, %.1f GiB, compute capability %d.%d: %s", d.index, d.name.c_str(),
                  d.memory_gib, d.major, d.minor, d.bf16 ? "bf16 autocast" : "fp32 (no native bf16)");
    lines.emplace_back(line);
  }
  return lines;
}

void install_bf16_query() {
  wb::install_bf16_query([](int index) { return has_native_bf16(at::cuda::getDeviceProperties(index)->major); });
}

}  // namespace wb::gpu
