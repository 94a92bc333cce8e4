// CUDA devices as LibTorch sees them: name, memory, compute capability, bf16 support.
#pragma once

#include <string>
#include <vector>

namespace wb::gpu {

struct DeviceInfo {
  int index = 0;
  std::string name;          // e.g. "NVIDIA H100 80GB HBM3"
  double memory_gib = 0.0;
  int major = 0, minor = 0;  // compute capability, e.g. 9.0
  bool bf16 = false;         // bf16 autocast is used on compute capability >= 8.0
};

std::vector<DeviceInfo> list_devices();

// For --version: this build (CUDA, with or without NCCL) and a line per GPU it sees: name,
// memory, compute capability and the training precision used there.
std::vector<std::string> describe_gpus();

// Tells the trainer which GPUs have native bf16 (train/mixed_precision): the others train in
// fp32. Call once at start.
void install_bf16_query();

}  // namespace wb::gpu
