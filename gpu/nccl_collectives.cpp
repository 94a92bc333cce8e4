// DeviceCollectives on c10d::ProcessGroupNCCL. NCCL runs on its own CUDA stream; a collective's
// wait() makes the caller's stream wait for it, not the host, so the gradient buckets started
// during backward never stall the CPU. A rank that dies is caught by NCCL's watchdog after the
// group's timeout (it tears the process down), never a hang.
#include "gpu/nccl_collectives.hpp"

#include "common/errors.hpp"
#include "train/device_collectives.hpp"

#if defined(USE_C10D_NCCL)
#include <cstdlib>
#include <string>

#include <c10/cuda/CUDAFunctions.h>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

namespace wb::gpu {

#if defined(USE_C10D_NCCL)
namespace {

class NcclPending final : public PendingCollective {
 public:
  explicit NcclPending(c10::intrusive_ptr<c10d::Work> work) : work_(std::move(work)) {}
  void wait() override { work_->wait(); }

 private:
  c10::intrusive_ptr<c10d::Work> work_;
};

class NcclCollectives final : public DeviceCollectives {
 public:
  explicit NcclCollectives(const DeviceGroupSetup& setup) {
    // A collective that outlives the timeout tears the process down (2.x's default; 1.13's was
    // to wait forever), so that a dead rank fails the job instead of hanging it. The user's
    // setting wins.
    setenv("TORCH_NCCL_ASYNC_ERROR_HANDLING", "1", /*overwrite=*/0);
    setenv("NCCL_ASYNC_ERROR_HANDLING", "1", /*overwrite=*/0);
    // NCCL binds a communicator to the current device: LOCAL_RANK's GPU, as the trainer picks it.
    // Two ranks on one GPU would fail in NCCL's first collective with a less telling message.
    const auto devices = static_cast<int>(c10::cuda::device_count());
    if (setup.local_rank >= devices)
      throw UserError(ExitCode::kUsage,
                      "rank " + std::to_string(setup.rank) + " is local rank " + std::to_string(setup.local_rank) +
                          " on a node with " + std::to_string(devices) + " visible GPU(s): NCCL needs a GPU per rank",
                      "start at most " + std::to_string(devices) + " ranks per node (--nproc, --nproc_per_node, "
                      "--ntasks-per-node), or train on the CPU with --device cpu");
    c10::cuda::set_device(static_cast<c10::DeviceIndex>(setup.local_rank));
    auto options = c10d::ProcessGroupNCCL::Options::create();
    options->timeout = setup.timeout;
    group_ = c10::make_intrusive<c10d::ProcessGroupNCCL>(setup.store, setup.rank, setup.world_size, options);
  }

  std::unique_ptr<PendingCollective> start_all_reduce_sum(torch::Tensor flat) override {
    std::vector<torch::Tensor> tensors = {std::move(flat)};
    return std::make_unique<NcclPending>(group_->allreduce(tensors));
  }

  void broadcast(torch::Tensor flat, int root) override {
    std::vector<torch::Tensor> tensors = {std::move(flat)};
    c10d::BroadcastOptions options;
    options.rootRank = root;
    group_->broadcast(tensors, options)->wait();
  }

 private:
  c10::intrusive_ptr<c10d::ProcessGroupNCCL> group_;
};

}  // namespace

void install_nccl() {
  install_device_collectives([](const DeviceGroupSetup& setup) -> std::unique_ptr<DeviceCollectives> {
    return std::make_unique<NcclCollectives>(setup);
  });
}
#else
void install_nccl() {}
#endif

}  // namespace wb::gpu
