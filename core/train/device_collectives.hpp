// Collectives on CUDA tensors by an engine made for them (NCCL, in gpu/), plugged into the c10d
// Communicator by CUDA builds of workbench-cli: the gradient buckets and the initial broadcast
// then go GPU to GPU, while the small host-side reductions (losses, stop flags) stay on Gloo.
// Without it, CUDA tensors go through Gloo, which stages them through host memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <torch/csrc/distributed/c10d/Store.hpp>
#include <torch/torch.h>

#include "train/communicator.hpp"

namespace wb {

class DeviceCollectives {
 public:
  virtual ~DeviceCollectives() = default;
  // Sums `flat` (a CUDA tensor) over the ranks in place; wait() orders the caller's stream after it.
  virtual std::unique_ptr<PendingCollective> start_all_reduce_sum(torch::Tensor flat) = 0;
  virtual void broadcast(torch::Tensor flat, int root) = 0;
};

struct DeviceGroupSetup {
  c10::intrusive_ptr<c10d::Store> store;  // a prefix of the job's store of its own
  int rank = 0;
  int world_size = 1;
  int gpu = 0;  // the CUDA device of the first tensor: the trainer's (gpu_for_local_rank)
  std::chrono::milliseconds timeout{60'000};
};

// A string as a c10d::Store value.
inline std::vector<std::uint8_t> store_bytes(const std::string& text) { return {text.begin(), text.end()}; }
using DeviceCollectivesFactory = std::function<std::unique_ptr<DeviceCollectives>(const DeviceGroupSetup&)>;

// Every process group made afterwards hands its CUDA tensors to the factory's collectives when
// this process sees a GPU. Call once, before any rank group is joined.
void install_device_collectives(DeviceCollectivesFactory factory);

}  // namespace wb
