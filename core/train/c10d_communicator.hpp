// Data-parallel communication over PyTorch's own distributed layer (c10d): a process group of
// Gloo (CPU tensors; CUDA tensors too unless a CUDA build installed NCCL, device_collectives.hpp)
// behind our small Communicator interface, so the trainer never sees c10d's
// C++ API, which differs between LibTorch 1.13 and 2.x. Ranks meet through a FileStore (processes
// on one machine sharing a file) or a TCPStore (rank 0 serves MASTER_ADDR:MASTER_PORT, as
// torchrun and Slurm set them). Every collective waits at most `timeout`: a rank that died makes
// the others fail with an error naming it, never hang.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "train/communicator.hpp"

namespace wb {

struct Rendezvous {
  std::string file;                 // a FileStore path shared by all ranks; empty: TCP
  std::string host = "127.0.0.1";   // TCPStore: MASTER_ADDR
  int port = 29500;                 // TCPStore: MASTER_PORT (rank 0 listens)
  std::chrono::milliseconds timeout{60'000};
};

// Joins the group of `world_size` ranks as `rank` (blocks until all have joined or the timeout
// passes). Throws UserError naming the rendezvous and the fix when they do not meet.
std::unique_ptr<Communicator> make_gloo_communicator(int rank, int world_size, const Rendezvous& rendezvous);

}  // namespace wb
