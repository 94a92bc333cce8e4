// Which forward passes run under bf16 autocast: those on GPUs with native bf16 (compute
// capability 8.0 on: A100, H100, RTX 30xx and later). Older GPUs (V100, T4, RTX 20xx) train in
// fp32: bf16 is emulated there, slower than fp32, and fp16 would need loss scaling. The CPU is
// always fp32, which keeps its runs bit-reproducible.
#pragma once

#include <functional>

#include <c10/core/Device.h>

namespace wb {

bool uses_bf16_autocast(const c10::Device& device);

// CUDA builds install the capability query at start (gpu/device_info); until then every CUDA
// device counts as having bf16.
void install_bf16_query(std::function<bool(int device_index)> has_bf16);

}  // namespace wb
