// The Communicator on c10d::ProcessGroupGloo (tensors averaged in one flattened buffer per call,
// scalars as doubles, the gradient buckets' all-reduces in the background; CUDA tensors through
// the installed device collectives, NCCL), and the job's store it meets on (c10d_store.hpp).
#include "train/c10d_communicator.hpp"
#include "train/c10d_store.hpp"

#include <cstdlib>
#include <functional>

#include <torch/csrc/distributed/c10d/FileStore.hpp>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include "common/errors.hpp"
#include "model/torch_compat.hpp"
#include "train/device_collectives.hpp"
#include "train/error_text.hpp"

namespace wb {
namespace {

// Which network interface Gloo uses: loopback when every rank is on this machine; the one named
// by GLOO_SOCKET_IFNAME (as torch.distributed reads it; its C++ class does not), else the address
// the host name resolves to.
std::shared_ptr<::gloo::transport::Device> gloo_device(bool loopback) {
  if (loopback) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
  if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
    return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
  return c10d::ProcessGroupGloo::createDefaultDevice();
}

DeviceCollectivesFactory& device_collectives_factory() {
  static DeviceCollectivesFactory factory;
  return factory;
}

class C10dCommunicator final : public Communicator {
 public:
  // `loopback`: every rank on this machine; Gloo then talks over 127.0.0.1, else over the
  // host's own address.
  C10dCommunicator(const c10::intrusive_ptr<c10d::Store>& store, int rank, int world_size,
                   std::chrono::milliseconds timeout, bool loopback)
      : rank_(rank), world_size_(world_size), timeout_(timeout), store_(store) {
    auto options = c10d::ProcessGroupGloo::Options::create();
    options->timeout = timeout;
    options->devices.push_back(gloo_device(loopback));
    group_ = c10::make_intrusive<c10d::ProcessGroupGloo>(prefixed("gloo", store), rank, world_size, options);
  }

  int rank() const override { return rank_; }
  int world_size() const override { return world_size_; }

  void all_reduce_mean(std::vector<torch::Tensor>& tensors) override {
    if (tensors.empty()) return;
    auto flat = flatten(tensors);
    start_all_reduce_sum(flat)->wait();
    flat.div_(world_size_);
    unflatten(flat, tensors);
  }

  double all_reduce_mean(double value) override {
    std::vector<torch::Tensor> t = {torch::full({1}, value, torch::kFloat64)};
    wait(group_->allreduce(t), "all-reduce");
    return t[0].item<double>() / world_size_;
  }

  std::unique_ptr<PendingCollective> start_all_reduce_sum(torch::Tensor flat) override {
    if (on_device(flat)) return device_->start_all_reduce_sum(std::move(flat));
    std::vector<torch::Tensor> tensors = {std::move(flat)};
    return std::make_unique<Pending>(*this, group_->allreduce(tensors));
  }

  void broadcast(std::vector<torch::Tensor>& tensors, int root) override {
    if (tensors.empty()) return;
    std::vector<torch::Tensor> flat = {flatten(tensors)};
    if (on_device(flat[0])) {
      device_->broadcast(flat[0], root);
    } else {
      c10d::BroadcastOptions options;
      options.rootRank = root;
      wait(group_->broadcast(flat, options), "broadcast");
    }
    unflatten(flat[0], tensors);
  }

  void barrier() override { wait(group_->barrier(), "barrier"); }

  // Gloo's own barrier keeps the group's timeout whatever BarrierOptions say (LibTorch 1.13), so
  // the long wait is on the store, whose waits take their own timeout and fail at once when rank
  // 0 (its server) is gone; the barrier after it catches any other rank that died meanwhile.
  // Rank 0 always sets the key, to "ok" or to its error: every rank numbers the keys alike.
  void on_rank_zero(std::chrono::milliseconds timeout, const std::function<void()>& work) override {
    const std::string key = "wb-rank-zero/" + std::to_string(++rank_zero_waits_);
    constexpr std::string_view kOk = "ok";
    if (rank_ == 0) {
      try {
        work();
      } catch (const std::exception& e) {
        store_->set(key, store_bytes("error: " + error_text(e)));
        throw;
      }
      store_->set(key, store_bytes(std::string(kOk)));
    } else {
      std::string outcome;
      try {
        store_->wait({key}, timeout);
        const auto value = store_->get(key);
        outcome.assign(value.begin(), value.end());
      } catch (const std::exception& e) {
        throw RankFailure("waiting for rank 0 (a checkpoint write) failed on rank " + std::to_string(rank_) +
                              " (timeout " + std::to_string(timeout.count() / 1000) + " s): " + error_text(e),
                          "rank 0 died, hung or lost its network; see its output. Resume the run from its last "
                          "checkpoint");
      }
      if (outcome != kOk)
        throw UserError(ExitCode::kRuntime, "rank 0 failed while the others waited for it: " + outcome.substr(7),
                        "rank 0's output says how to fix it");
    }
    barrier();
  }

 private:
  class Pending final : public PendingCollective {
   public:
    Pending(const C10dCommunicator& owner, c10::intrusive_ptr<c10d::Work> work)
        : owner_(owner), work_(std::move(work)) {}
    void wait() override { owner_.wait(work_, "all-reduce"); }

   private:
    const C10dCommunicator& owner_;
    c10::intrusive_ptr<c10d::Work> work_;
  };

  // One contiguous buffer of the tensors' values (same dtype), detached from autograd.
  static torch::Tensor flatten(const std::vector<torch::Tensor>& tensors) {
    std::vector<torch::Tensor> parts;
    parts.reserve(tensors.size());
    for (const auto& t : tensors) parts.push_back(t.detach().reshape({-1}));
    return torch::cat(parts);
  }

  static void unflatten(const torch::Tensor& flat, std::vector<torch::Tensor>& tensors) {
    torch::NoGradGuard no_grad;
    std::int64_t offset = 0;
    for (auto& t : tensors) {
      const std::int64_t n = t.numel();
      t.copy_(flat.narrow(0, offset, n).view(t.sizes()));
      offset += n;
    }
  }

  void wait(const c10::intrusive_ptr<c10d::Work>& work, const char* what) const {
    try {
      work->wait(timeout_);
    } catch (const std::exception& e) {
      throw RankFailure(std::string(what) + " across " + std::to_string(world_size_) + " ranks failed on rank " +
                          std::to_string(rank_) + " (it waits up to " + std::to_string(timeout_.count() / 1000) +
                          " s): " + error_text(e),
                      "another rank stopped, died, lost its network or was slower than the timeout (raise "
                      "WB_COLLECTIVE_TIMEOUT_S for a slow rank); see the ranks' logs. The job stops rather "
                      "than hang; resume it from its last checkpoint");
    }
  }

  // Whether `t` goes through the device collectives, made at the first CUDA tensor (every rank
  // reaches it at the same collective) on that tensor's GPU, the one the trainer chose: a CPU run
  // on a GPU machine never sets up a GPU for them.
  bool on_device(const torch::Tensor& t) {
    if (!t.is_cuda() || !device_collectives_factory()) return false;
    if (!device_)
      device_ = device_collectives_factory()({prefixed("device", store_), rank_, world_size_, t.device().index(), timeout_});
    return true;
  }

  int rank_;
  int world_size_;
  std::chrono::milliseconds timeout_;
  c10::intrusive_ptr<c10d::Store> store_;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> group_;
  std::unique_ptr<DeviceCollectives> device_;  // CUDA tensors, once installed and first needed
  std::int64_t rank_zero_waits_ = 0;           // numbers wait_for_rank_zero's store keys
};

}  // namespace

std::string rendezvous_text(const Rendezvous& r) {
  return r.file.empty() ? "tcp://" + r.host + ":" + std::to_string(r.port) : "file " + r.file;
}

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

c10::intrusive_ptr<c10d::Store> prefixed(const std::string& prefix, const c10::intrusive_ptr<c10d::Store>& store) {
  return c10::make_intrusive<c10d::PrefixStore>(prefix, store);
}

c10::intrusive_ptr<c10d::Store> make_store(const Rendezvous& r, int rank, int world_size, bool server, bool joins) {
  c10::intrusive_ptr<c10d::Store> store;
  if (!r.file.empty()) {
    store = c10::make_intrusive<c10d::FileStore>(r.file, world_size);
  } else {
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(r.port);
    options.isServer = server && rank == 0;
    if (joins) options.numWorkers = world_size;
    options.waitWorkers = joins;
    options.timeout = r.timeout;
    try {
      store = c10::make_intrusive<c10d::TCPStore>(r.host, options);
    } catch (const std::exception& e) {
      // A LibTorch without libuv refuses its own default server: the classic one then.
      if (std::string(e.what()).find("libuv") == std::string::npos || !compat::can_disable_libuv(options)) throw;
      store = c10::make_intrusive<c10d::TCPStore>(r.host, options);
    }
  }
  store->setTimeout(r.timeout);
  return store;
}

std::unique_ptr<Communicator> make_c10d_communicator(const c10::intrusive_ptr<c10d::Store>& store, int rank,
                                                     int world_size, std::chrono::milliseconds timeout, bool loopback) {
  return std::make_unique<C10dCommunicator>(store, rank, world_size, timeout, loopback);
}

void install_device_collectives(DeviceCollectivesFactory factory) { device_collectives_factory() = std::move(factory); }

std::unique_ptr<Communicator> make_gloo_communicator(int rank, int world_size, const Rendezvous& rendezvous) {
  if (world_size < 1 || rank < 0 || rank >= world_size)
    throw UserError(ExitCode::kUsage, "rank " + std::to_string(rank) + " of " + std::to_string(world_size) +
                                          " is not a valid rank", "ranks run from 0 to the world size - 1");
  try {
    const bool loopback = !rendezvous.file.empty() || is_loopback(rendezvous.host);
    return make_c10d_communicator(make_store(rendezvous, rank, world_size, /*server=*/true), rank, world_size,
                                  rendezvous.timeout, loopback);
  } catch (const UserError&) {
    throw;
  } catch (const std::exception& e) {
    throw UserError(ExitCode::kRuntime,
                    "rank " + std::to_string(rank) + " could not join the " + std::to_string(world_size) +
                        "-rank group at " + rendezvous_text(rendezvous) + ": " + error_text(e),
                    "start every rank with the same rendezvous within the timeout; for TCP, rank 0's "
                    "MASTER_ADDR:MASTER_PORT must be reachable and free");
  }
}

}  // namespace wb
