// Communicator on c10d::ProcessGroupGloo: gradients are averaged in one flattened bucket per
// call (one collective instead of one per parameter), scalars as a double.
#include "train/c10d_communicator.hpp"

#include <torch/csrc/distributed/c10d/FileStore.hpp>
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include "common/errors.hpp"

namespace wb {
namespace {

std::string describe(const Rendezvous& r) {
  return r.file.empty() ? "tcp://" + r.host + ":" + std::to_string(r.port) : "file " + r.file;
}

class GlooCommunicator final : public Communicator {
 public:
  GlooCommunicator(int rank, int world_size, Rendezvous rendezvous)
      : rank_(rank), world_size_(world_size), rendezvous_(std::move(rendezvous)) {
    c10::intrusive_ptr<c10d::Store> store;
    if (!rendezvous_.file.empty()) {
      store = c10::make_intrusive<c10d::FileStore>(rendezvous_.file, world_size);
    } else {
      c10d::TCPStoreOptions options;
      options.port = static_cast<std::uint16_t>(rendezvous_.port);
      options.isServer = rank == 0;
      options.numWorkers = world_size;
      options.timeout = rendezvous_.timeout;
      store = c10::make_intrusive<c10d::TCPStore>(rendezvous_.host, options);
    }
    store->setTimeout(rendezvous_.timeout);
    auto options = c10d::ProcessGroupGloo::Options::create();
    options->timeout = rendezvous_.timeout;
    // Gloo talks over TCP; the loopback device for one machine, else the host's own address.
    const bool local = !rendezvous_.file.empty() || rendezvous_.host == "127.0.0.1" || rendezvous_.host == "localhost";
    options->devices.push_back(local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                     : c10d::ProcessGroupGloo::createDefaultDevice());
    group_ = c10::make_intrusive<c10d::ProcessGroupGloo>(store, rank, world_size, options);
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
      work->wait(rendezvous_.timeout);
    } catch (const std::exception& e) {
      throw UserError(ExitCode::kRuntime,
                      std::string(what) + " across " + std::to_string(world_size_) + " ranks failed on rank " +
                          std::to_string(rank_) + ": " + e.what(),
                      "another rank stopped or died (see its log); the job stops rather than hang, resume it "
                      "from its last checkpoint");
    }
  }

  int rank_;
  int world_size_;
  Rendezvous rendezvous_;
  c10::intrusive_ptr<c10d::ProcessGroupGloo> group_;
};

}  // namespace

std::unique_ptr<Communicator> make_gloo_communicator(int rank, int world_size, const Rendezvous& rendezvous) {
  if (world_size < 1 || rank < 0 || rank >= world_size)
    throw UserError(ExitCode::kUsage, "rank " + std::to_string(rank) + " of " + std::to_string(world_size) +
                                          " is not a valid rank", "ranks run from 0 to the world size - 1");
  try {
    return std::make_unique<GlooCommunicator>(rank, world_size, rendezvous);
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
