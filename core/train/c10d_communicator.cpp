// Communicator on c10d::ProcessGroupGloo: gradients are averaged in one flattened bucket per
// call (one collective instead of one per parameter), scalars as a double.
#include "train/c10d_communicator.hpp"

#include <cstdlib>
#include <thread>

#include <torch/csrc/distributed/c10d/FileStore.hpp>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include "common/errors.hpp"
#include "train/rank_group.hpp"

namespace wb {
namespace {

std::string describe(const Rendezvous& r) {
  return r.file.empty() ? "tcp://" + r.host + ":" + std::to_string(r.port) : "file " + r.file;
}

// A store for Gloo's own keys, kept apart from the control channel's.
c10::intrusive_ptr<c10d::Store> prefixed(const std::string& prefix, const c10::intrusive_ptr<c10d::Store>& store) {
  return c10::make_intrusive<c10d::PrefixStore>(prefix, store);
}

// Which network interface Gloo uses: loopback when every rank is on this machine; the one named
// by GLOO_SOCKET_IFNAME (as torch.distributed reads it; its C++ class does not), else the address
// the host name resolves to.
std::shared_ptr<::gloo::transport::Device> gloo_device(bool loopback) {
  if (loopback) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
  if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
    return c10d::ProcessGroupGloo::createDeviceForInterface(interface);
  return c10d::ProcessGroupGloo::createDefaultDevice();
}

class GlooCommunicator final : public Communicator {
 public:
  // `loopback`: every rank on this machine; Gloo then talks over 127.0.0.1, else over the
  // host's own address.
  GlooCommunicator(const c10::intrusive_ptr<c10d::Store>& store, int rank, int world_size,
                   std::chrono::milliseconds timeout, bool loopback)
      : rank_(rank), world_size_(world_size), timeout_(timeout) {
    auto options = c10d::ProcessGroupGloo::Options::create();
    options->timeout = timeout;
    options->devices.push_back(gloo_device(loopback));
    group_ = c10::make_intrusive<c10d::ProcessGroupGloo>(prefixed("gloo/", store), rank, world_size, options);
  }

  int rank() const override { return rank_; }
  int world_size() const override { return world_size_; }

  void all_reduce_mean(std::vector<torch::Tensor>& tensors) override {
    if (tensors.empty()) return;
    std::vector<torch::Tensor> flat = {flatten(tensors)};
    wait(group_->allreduce(flat), "all-reduce");
    flat[0].div_(world_size_);
    unflatten(flat[0], tensors);
  }

  double all_reduce_mean(double value) override {
    std::vector<torch::Tensor> t = {torch::full({1}, value, torch::kFloat64)};
    wait(group_->allreduce(t), "all-reduce");
    return t[0].item<double>() / world_size_;
  }

  std::unique_ptr<PendingCollective> start_all_reduce_sum(torch::Tensor flat) override {
    std::vector<torch::Tensor> tensors = {std::move(flat)};
    return std::make_unique<Pending>(*this, group_->allreduce(tensors));
  }

  void broadcast(std::vector<torch::Tensor>& tensors, int root) override {
    if (tensors.empty()) return;
    std::vector<torch::Tensor> flat = {flatten(tensors)};
    c10d::BroadcastOptions options;
    options.rootRank = root;
    wait(group_->broadcast(flat, options), "broadcast");
    unflatten(flat[0], tensors);
  }

  void barrier() override { wait(group_->barrier(), "barrier"); }

 private:
  class Pending final : public PendingCollective {
   public:
    Pending(const GlooCommunicator& owner, c10::intrusive_ptr<c10d::Work> work)
        : owner_(owner), work_(std::move(work)) {}
    void wait() override { owner_.wait(work_, "all-reduce"); }

   private:
    const GlooCommunicator& owner_;
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
                          std::to_string(rank_) + ": " + e.what(),
                      "another rank stopped, died or was slower than the timeout (a checkpoint to a slow disk: "
                      "raise WB_COLLECTIVE_TIMEOUT_S); see the ranks' logs. The job stops rather than hang; "
                      "resume it from its last checkpoint");
    }
  }

  int rank_;
  int world_size_;
  std::chrono::milliseconds timeout_;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> group_;
};

bool is_loopback(const std::string& host) { return host == "127.0.0.1" || host == "localhost" || host == "::1"; }

c10::intrusive_ptr<c10d::Store> make_store(const Rendezvous& r, int rank, int world_size, bool server) {
  c10::intrusive_ptr<c10d::Store> store;
  if (!r.file.empty()) {
    store = c10::make_intrusive<c10d::FileStore>(r.file, world_size);
  } else {
    c10d::TCPStoreOptions options;
    options.port = static_cast<std::uint16_t>(r.port);
    options.isServer = server && rank == 0;
    options.numWorkers = world_size;
    options.timeout = r.timeout;
    store = c10::make_intrusive<c10d::TCPStore>(r.host, options);
  }
  store->setTimeout(r.timeout);
  return store;
}

class C10dRankGroup final : public RankGroup {
 public:
  C10dRankGroup(DistEnv env, c10::intrusive_ptr<c10d::Store> store, std::chrono::milliseconds timeout,
                const std::atomic<bool>* stop)
      : env_(std::move(env)), stop_(stop), control_(prefixed("wb/", store)),
        communicator_(store, env_.rank, env_.world_size, timeout, is_loopback(env_.master_addr)) {}

  const DistEnv& env() const override { return env_; }
  Communicator& communicator() override { return communicator_; }

  void publish(const std::string& key, const std::string& value) override {
    control_->set(key, std::vector<std::uint8_t>(value.begin(), value.end()));
  }

  std::pair<std::string, std::string> await_any(const std::vector<std::string>& keys, std::chrono::milliseconds timeout,
                                                const std::string& what) override {
    // Polled rather than one blocking wait, so that a stop request ends the wait at once.
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    try {
      for (;;) {
        for (const auto& key : keys) {
          if (!control_->check({key})) continue;
          const auto bytes = control_->get(key);
          return {key, std::string(bytes.begin(), bytes.end())};
        }
        if (stop_ && stop_->load())
          throw UserError(ExitCode::kInterrupted, "rank " + std::to_string(env_.rank) + " was stopped while it waited "
                          "for " + what, "resume the run from rank 0's last checkpoint");
        if (std::chrono::steady_clock::now() > deadline)
          throw std::runtime_error("no answer in " + std::to_string(timeout.count() / 1000) + " s");
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    } catch (const UserError&) {
      throw;
    } catch (const std::exception& e) {
      throw RankFailure("rank " + std::to_string(env_.rank) + " waited for " + what + " (store at " +
                          env_.master_addr + ":" + std::to_string(env_.master_port) + ") and got none: " + e.what(),
                      "a rank stopped or died: its output (rank 0's, or HOME/logs/rank-R.log) says why; resume "
                      "the job from rank 0's last checkpoint");
    }
  }

 private:
  DistEnv env_;
  const std::atomic<bool>* stop_;
  c10::intrusive_ptr<c10d::Store> control_;
  GlooCommunicator communicator_;
};

}  // namespace

std::unique_ptr<Communicator> make_gloo_communicator(int rank, int world_size, const Rendezvous& rendezvous) {
  if (world_size < 1 || rank < 0 || rank >= world_size)
    throw UserError(ExitCode::kUsage, "rank " + std::to_string(rank) + " of " + std::to_string(world_size) +
                                          " is not a valid rank", "ranks run from 0 to the world size - 1");
  try {
    const bool loopback = !rendezvous.file.empty() || is_loopback(rendezvous.host);
    return std::make_unique<GlooCommunicator>(make_store(rendezvous, rank, world_size, /*server=*/true), rank,
                                              world_size, rendezvous.timeout, loopback);
  } catch (const UserError&) {
    throw;
  } catch (const std::exception& e) {
    throw UserError(ExitCode::kRuntime,
                    "rank " + std::to_string(rank) + " could not join the " + std::to_string(world_size) +
                        "-rank group at " + describe(rendezvous) + ": " + e.what(),
                    "start every rank with the same rendezvous within the timeout; for TCP, rank 0's "
                    "MASTER_ADDR:MASTER_PORT must be reachable and free");
  }
}

}  // namespace wb

namespace wb {

std::unique_ptr<RankGroup> join_rank_group(const DistEnv& env, const std::atomic<bool>* stop,
                                           std::chrono::milliseconds timeout) {
  Rendezvous rendezvous;
  rendezvous.host = env.master_addr;
  rendezvous.port = env.master_port;
  rendezvous.timeout = timeout;
  try {
    auto store = make_store(rendezvous, env.rank, env.world_size, /*server=*/!env.agent_store);
    if (env.agent_store) store = prefixed(env.store_prefix + "/", store);  // as torch.distributed does
    return std::make_unique<C10dRankGroup>(env, store, timeout, stop);
  } catch (const UserError&) {
    throw;
  } catch (const std::exception& e) {
    throw UserError(ExitCode::kRuntime,
                    "rank " + std::to_string(env.rank) + " of " + std::to_string(env.world_size) + " (" + env.launcher +
                        ") could not join the job at " + describe(rendezvous) + ": " + e.what(),
                    "start every rank within " + std::to_string(timeout.count() / 1000) + " s of each other with "
                    "the same MASTER_ADDR:MASTER_PORT; rank 0's host must be reachable and the port free there");
  }
}

}  // namespace wb
