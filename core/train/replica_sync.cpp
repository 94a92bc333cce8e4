// The data-parallel collectives of a training step; see replica_sync.hpp.
#include "train/replica_sync.hpp"

#include <string>
#include <vector>

#include "common/errors.hpp"

namespace wb {

void check_same_device_kind(bool cuda, Communicator& comm) {
  if (comm.world_size() == 1) return;
  const double on_cuda = comm.all_reduce_mean(cuda ? 1.0 : 0.0) * comm.world_size();
  if (on_cuda > 0.5 && on_cuda < comm.world_size() - 0.5)
    throw UserError(ExitCode::kUsage,
                    std::to_string(static_cast<int>(on_cuda + 0.5)) + " of the " + std::to_string(comm.world_size()) +
                        " ranks train on a GPU, the others on the CPU",
                    "give every rank a GPU, or run all on the CPU with --device cpu (training.device)");
}

void broadcast_parameters(Gpt& model, Communicator& comm) {
  if (comm.world_size() == 1) return;
  std::vector<torch::Tensor> parameters;
  for (auto& p : model->parameters()) parameters.push_back(p);
  comm.broadcast(parameters, 0);
}

double target_share(std::int64_t rank_targets, Communicator& comm) {
  if (comm.world_size() == 1) return 1.0;
  const double mine = static_cast<double>(rank_targets);
  const double mean = comm.all_reduce_mean(mine);
  return mean > 0.0 ? mine / mean : 1.0;
}

std::pair<std::vector<double>, bool> agree_on_steps(std::vector<double> rank_losses, bool rank_stop,
                                                    Communicator& comm) {
  if (comm.world_size() == 1) return {std::move(rank_losses), rank_stop};
  const auto n = static_cast<std::int64_t>(rank_losses.size());
  rank_losses.push_back(rank_stop ? 1.0 : 0.0);
  std::vector<torch::Tensor> values = {torch::tensor(rank_losses, torch::kFloat64)};
  comm.all_reduce_mean(values);
  const double* mean = values[0].data_ptr<double>();
  return {std::vector<double>(mean, mean + n), mean[n] > 0.0};
}

double parameter_checksum(Gpt& model) {
  torch::NoGradGuard no_grad;
  double sum = 0.0;
  for (const auto& p : model->parameters()) {
    const auto v = p.detach().to(torch::kFloat64);
    sum += v.sum().item<double>() + 0.5 * v.square().sum().item<double>();
  }
  return sum;
}

void check_replicas_agree(Gpt& model, Communicator& comm, std::int64_t step) {
  if (comm.world_size() == 1) return;
  const double mine = parameter_checksum(model);
  std::vector<torch::Tensor> rank0 = {torch::tensor({mine}, torch::kFloat64)};
  comm.broadcast(rank0, 0);
  const bool differs = rank0[0][0].item<double>() != mine;
  if (comm.all_reduce_mean(differs ? 1.0 : 0.0) > 0.0)
    throw UserError(ExitCode::kRuntime,
                    "the model replicas of the " + std::to_string(comm.world_size()) +
                        " ranks no longer agree at step " + std::to_string(step),
                    "run every rank with the same workbench-cli build and LibTorch; report it if they are");
}

MoeStats average_moe_stats(MoeStats moe, Communicator& comm) {
  if (comm.world_size() == 1 || moe.expert_load.empty()) return moe;
  std::vector<double> values = moe.expert_load;
  values.push_back(moe.dropped_fraction);
  std::vector<torch::Tensor> tensor = {torch::tensor(values, torch::kFloat64)};
  comm.all_reduce_mean(tensor);
  const auto reduced = tensor[0];
  for (std::size_t e = 0; e < moe.expert_load.size(); ++e)
    moe.expert_load[e] = reduced[static_cast<std::int64_t>(e)].item<double>();
  moe.dropped_fraction = reduced[static_cast<std::int64_t>(moe.expert_load.size())].item<double>();
  return moe;
}

}  // namespace wb
