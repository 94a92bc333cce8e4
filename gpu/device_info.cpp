// Queries CUDA device properties through ATen's CUDA context (CUDA LibTorch only).
#include "gpu/device_info.hpp"

#include <ATen/cuda/CUDAContext.h>
#include <torch/torch.h>

#include "train/mixed_precision.hpp"

namespace wb::gpu {

std::vector<DeviceInfo> list_devices() {
  std::vector<DeviceInfo> out;
  if (!torch::cuda::is_available()) return out;
  for (int i = 0; i < static_cast<int>(torch::cuda::device_count()); ++i) {
    const auto* p = at::cuda::getDeviceProperties(i);
    out.push_back({i, p->name, static_cast<double>(p->totalGlobalMem) / (1024.0 * 1024.0 * 1024.0), p->major,
                   p->minor, p->major >= 8});
  }
  return out;
}

void install_bf16_query() {
  wb::install_bf16_query([](int index) { return at::cuda::getDeviceProperties(index)->major >= 8; });
}

}  // namespace wb::gpu
