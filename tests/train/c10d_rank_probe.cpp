// One rank of a c10d test job (c10d_communicator_test.cpp starts several): joins the Gloo group
// through a FileStore and prints what its collectives gave, one "name value..." line each.
// Usage: c10d_rank_probe RANK WORLD STORE_FILE reduce|die [TIMEOUT_MS]
//        c10d_rank_probe RANK WORLD STORE_FILE train WORKSPACE BATCH [BUCKET_BYTES [moe]]
//   reduce: all_reduce_mean of two tensors and a scalar, then a broadcast from rank 0
//   die:    the last rank exits after joining; the others then try an all-reduce
//   train:  trains tests/train/tiny_run.hpp's spec with a global batch of BATCH sequences (each
//           rank takes BATCH / WORLD) on the prepared workspace and prints every step's loss
//           ("loss VALUE") and the final weights' checksum ("checksum VALUE"); BUCKET_BYTES sets
//           the gradient buckets' size; "moe" makes the model a 4-expert MoE trained with 2
//           micro-batches per step, reading the step losses every 5 steps
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/errors.hpp"
#include "train/c10d_communicator.hpp"
#include "train/tiny_run.hpp"
#include "train/trainer.hpp"

namespace {

void print(const char* name, const torch::Tensor& t) {
  std::printf("%s", name);
  const auto flat = t.reshape({-1}).to(torch::kFloat64);
  for (std::int64_t i = 0; i < flat.numel(); ++i) std::printf(" %g", flat[i].item<double>());
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: c10d_rank_probe RANK WORLD STORE_FILE reduce|die [TIMEOUT_MS]\n");
    return 2;
  }
  const int rank = std::atoi(argv[1]);
  const int world = std::atoi(argv[2]);
  const std::string mode = argv[4];
  wb::Rendezvous rendezvous;
  rendezvous.file = argv[3];
  if (argc > 5 && mode != "train") rendezvous.timeout = std::chrono::milliseconds(std::atoi(argv[5]));
  try {
    auto comm = wb::make_gloo_communicator(rank, world, rendezvous);
    if (mode == "train" && argc > 6) {
      wb::RunSpec spec = wb::test::tiny_spec();
      spec.training.batch_size = std::atoi(argv[6]);
      const bool moe = argc > 8 && std::string(argv[8]) == "moe";
      if (moe) {
        spec.model.arch = wb::Architecture::kMoe;
        spec.model.moe.n_expert = 4;
        spec.model.moe.top_k = 1;
        spec.model.moe.capacity_factor = 0;  // capacity and the balance loss depend on how the
        spec.model.moe.aux_loss_coef = 0;    // batch is split: without them ranks match one process
        spec.training.grad_accum = 2;
      }
      wb::configure_torch_threads(spec.training.threads);
      auto data = wb::prepare_dataset(spec.data, wb::Workspace{argv[5]});
      wb::test::RecordingSink sink;
      wb::TrainerOptions options;
      options.communicator = comm.get();
      if (argc > 7) options.gradient_bucket_bytes = std::atoll(argv[7]);
      if (moe) options.sync_interval = 5;
      wb::Trainer trainer(spec, data, sink, options);
      trainer.run();
      for (double loss : sink.losses) std::printf("loss %.9g\n", loss);
      std::printf("checksum %.17g\n", trainer.parameter_checksum());
      return 0;
    }
    if (mode == "die") {
      comm->barrier();  // everyone has joined
      if (rank == world - 1) return 0;
      std::vector<torch::Tensor> t = {torch::ones({2})};
      comm->all_reduce_mean(t);
      std::printf("unexpected: the all-reduce finished\n");
      return 0;
    }
    const float r = static_cast<float>(rank + 1);
    std::vector<torch::Tensor> tensors = {torch::full({3}, r), torch::full({2, 2}, 10 * r)};
    comm->all_reduce_mean(tensors);
    print("mean_a", tensors[0]);
    print("mean_b", tensors[1]);
    std::printf("mean_scalar %g\n", comm->all_reduce_mean(static_cast<double>(rank)));
    std::vector<torch::Tensor> weights = {torch::arange(4, torch::kFloat32) * r};
    comm->broadcast(weights, 0);
    print("broadcast", weights[0]);
    return 0;
  } catch (const wb::UserError& e) {
    std::printf("error %s\n", e.what());
    return static_cast<int>(e.code());
  }
}
