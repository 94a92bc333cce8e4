// One rank of a c10d test job (c10d_communicator_test.cpp starts several): joins the Gloo group
// through a FileStore and prints what its collectives gave, one "name value..." line each.
// Usage: c10d_rank_probe RANK WORLD STORE_FILE reduce|die|stall|slow-rank-zero [TIMEOUT_MS]
//        c10d_rank_probe RANK WORLD STORE_FILE train WORKSPACE BATCH [BUCKET_BYTES [moe|graphs]]
//        c10d_rank_probe RANK WORLD PORT heartbeat MS
//   reduce: all_reduce_mean of two tensors and a scalar, then a broadcast from rank 0
//   die:    the last rank exits after joining; the others then try an all-reduce
//   stall:  the last rank sleeps for twice the timeout after joining, its sockets open (a hung
//           or partitioned node); the others then try an all-reduce, which times out
//   slow-rank-zero: rank 0 sleeps for twice the timeout in on_rank_zero (a checkpoint write),
//           which the others wait for up to 10 timeouts; then an all-reduce. With a 4th argument
//           "fail", rank 0's work throws instead, after the same sleep
//   train:  trains tests/train/tiny_run.hpp's spec with a global batch of BATCH sequences (each
//           rank takes BATCH / WORLD) on the prepared workspace and prints every step's loss
//           ("loss VALUE") and the final weights' checksum ("checksum VALUE"); BUCKET_BYTES sets
//           the gradient buckets' size; "moe" makes the model a 4-expert MoE trained with 2
//           micro-batches per step, reading the step losses every 5 steps; "graphs" trains 2
//           micro-batches per step through the graphed step (training.cuda_graphs) and prints its
//           cuda_graphs events ("graphs REASON")
//   heartbeat: a 2-rank job group on 127.0.0.1:PORT with a 2 s heartbeat timeout. Rank 1 starts
//           its heartbeat and publishes "done" after MS ms, or, with MS < 0, leaves without a
//           word after a few beats; rank 0 waits for "done" watching rank 1 and prints
//           "done after S s" or "error S s: WHAT"
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "common/errors.hpp"
#include "train/c10d_communicator.hpp"
#include "train/rank_group.hpp"
#include "train/tiny_run.hpp"
#include "train/trainer.hpp"

namespace {

int heartbeat(int rank, int port, int ms) {
  wb::DistEnv env;
  env.rank = rank;
  env.world_size = 2;
  env.launcher = "torchrun";
  env.master_port = port;
  auto group = wb::join_rank_group(env, nullptr, std::chrono::seconds(30), std::chrono::seconds(2));
  if (rank == 1) {
    group->start_heartbeat();
    std::this_thread::sleep_for(std::chrono::milliseconds(ms < 0 ? 1000 : ms));
    if (ms < 0) std::_Exit(0);  // as if killed: the sockets close, nothing is published
    group->publish("done", "1");
    group->await("bye", std::chrono::seconds(30), "rank 0's goodbye");  // rank 0 serves the store
    return 0;
  }
  const auto t0 = std::chrono::steady_clock::now();
  const auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
  try {
    group->await_any({"done"}, std::chrono::seconds(60), "rank 1's done", /*watched=*/1);
    std::printf("done after %.1f s\n", seconds());
    group->publish("bye", "1");
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    return 0;
  } catch (const std::exception& e) {
    std::printf("error %.1f s: %s\n", seconds(), e.what());
    return 1;
  }
}

void print(const char* name, const torch::Tensor& t) {
  std::printf("%s", name);
  const auto flat = t.reshape({-1}).to(torch::kFloat64);
  for (std::int64_t i = 0; i < flat.numel(); ++i) std::printf(" %g", flat[i].item<double>());
  std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: c10d_rank_probe RANK WORLD STORE_FILE reduce|die|stall [TIMEOUT_MS]\n");
    return 2;
  }
  const int rank = std::atoi(argv[1]);
  const int world = std::atoi(argv[2]);
  const std::string mode = argv[4];
  if (mode == "heartbeat" && argc > 5) return heartbeat(rank, std::atoi(argv[3]), std::atoi(argv[5]));
  wb::Rendezvous rendezvous;
  rendezvous.file = argv[3];
  if (argc > 5 && mode != "train") rendezvous.timeout = std::chrono::milliseconds(std::atoi(argv[5]));
  try {
    auto comm = wb::make_gloo_communicator(rank, world, rendezvous);
    if (mode == "train" && argc > 6) {
      wb::RunSpec spec = wb::test::tiny_spec();
      spec.training.batch_size = std::atoi(argv[6]);
      const bool moe = argc > 8 && std::string(argv[8]) == "moe";
      const bool graphs = argc > 8 && std::string(argv[8]) == "graphs";
      if (graphs) {
        spec.training.cuda_graphs = true;
        spec.training.grad_accum = 2;
      }
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
      for (const auto& e : sink.events)
        if (e.kind == "cuda_graphs") std::printf("graphs %s\n", e.data.at("reason").get<std::string>().c_str());
      std::printf("checksum %.17g\n", trainer.parameter_checksum());
      return 0;
    }
    if (mode == "slow-rank-zero") {
      // Rank 0 is busy (a checkpoint write) for twice the collective timeout; the others wait for
      // it longer than that, then the group goes on (or, with "fail", every rank fails).
      const bool fail = argc > 6 && std::string(argv[6]) == "fail";
      comm->barrier();
      comm->on_rank_zero(10 * rendezvous.timeout, [&] {
        std::this_thread::sleep_for(2 * rendezvous.timeout);
        if (fail) throw wb::DataError("disk full while writing last.pt", "free some space");
      });
      std::printf("mean_scalar %g\n", comm->all_reduce_mean(static_cast<double>(rank)));
      return 0;
    }
    if (mode == "die" || mode == "stall") {
      comm->barrier();  // everyone has joined
      if (rank == world - 1) {
        if (mode == "stall") std::this_thread::sleep_for(2 * rendezvous.timeout);
        return 0;
      }
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
