// DeviceCollectives on c10d::ProcessGroupNCCL. NCCL runs on its own CUDA stream; a collective's
// wait() makes the caller's stream wait for it, not the host, so the gradient buckets started
// during backward never stall the CPU. A rank that dies is caught by NCCL's watchdog after the
// group's timeout (it tears the process down), never a hang.
#include "gpu/nccl_collectives.hpp"

#include "common/errors.hpp"
#include "model/torch_compat.hpp"
#include "train/device_collectives.hpp"
#include "train/gpu_assignment.hpp"

#if defined(USE_C10D_NCCL)
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <c10/cuda/CUDAFunctions.h>
#include <cuda_runtime_api.h>
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

// "host/bus id#boot id": containers on two machines may share a host name (the boot id tells
// them apart, as NCCL's own host hash does); "" where the GPU cannot be identified, which every
// rank still publishes, so that none waits for it.
std::string gpu_identity(int gpu) {
  char bus_id[32] = {};
  if (cudaDeviceGetPCIBusId(bus_id, sizeof bus_id, gpu) != cudaSuccess) return {};  // NCCL will say it
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  std::string boot_id;
  std::ifstream("/proc/sys/kernel/random/boot_id") >> boot_id;
  return std::string(host) + "/" + bus_id + "#" + boot_id;
}

// Every rank publishes its GPU (host and PCI bus id) on the store and reads everyone's: two ranks
// on one GPU (more ranks on a node than GPUs) would fail in NCCL's first collective with
// "Duplicate GPU detected"; here the job fails at once, saying which ranks and what to change.
void refuse_shared_gpus(const DeviceGroupSetup& setup) {
  setup.store->set("gpu/" + std::to_string(setup.rank), store_bytes(gpu_identity(setup.gpu)));
  std::vector<std::string> gpus;
  for (int rank = 0; rank < setup.world_size; ++rank) {
    const auto id = setup.store->get("gpu/" + std::to_string(rank));
    gpus.emplace_back(id.begin(), id.end());
  }
  if (const auto shared = first_shared_gpu(gpus)) {
    const auto& gpu = gpus[static_cast<std::size_t>(shared->second)];
    throw UserError(ExitCode::kUsage,
                    "ranks " + std::to_string(shared->first) + " and " + std::to_string(shared->second) +
                        " would share GPU " + gpu.substr(0, gpu.find('#')) + ": NCCL needs a GPU per rank",
                    "start at most as many ranks per node as it has GPUs (--nproc, --nproc_per_node, "
                    "--ntasks-per-node), or train on the CPU with --device cpu");
  }
}

class NcclCollectives final : public DeviceCollectives {
 public:
  explicit NcclCollectives(const DeviceGroupSetup& setup) {
    // A collective that outlives the timeout tears the process down (2.x's default; 1.13's was
    // to wait forever), so that a dead rank fails the job instead of hanging it. The user's
    // setting wins.
    setenv("TORCH_NCCL_ASYNC_ERROR_HANDLING", "1", /*overwrite=*/0);
    setenv("NCCL_ASYNC_ERROR_HANDLING", "1", /*overwrite=*/0);
    // NCCL binds a communicator to the current device: the GPU the trainer put this rank on.
    c10::cuda::set_device(static_cast<c10::DeviceIndex>(setup.gpu));
    refuse_shared_gpus(setup);
    auto options = c10d::ProcessGroupNCCL::Options::create();
    options->timeout = setup.timeout;
    group_ = c10::make_intrusive<c10d::ProcessGroupNCCL>(setup.store, setup.rank, setup.world_size, options);
  }
  ~NcclCollectives() override {
    try {
      compat::shut_down(*group_);
    } catch (const std::exception&) {
      // A job that failed: its process group may already be aborted; the process is ending.
    }
  }
  NcclCollectives(const NcclCollectives&) = delete;
  NcclCollectives& operator=(const NcclCollectives&) = delete;

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
