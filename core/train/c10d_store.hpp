// What the Gloo communicator (c10d_communicator.cpp) and the CLI's rank group
// (c10d_rank_group.cpp) share of c10d: the job's store, a key prefix over it, and a communicator
// on a store already made. Internal to wb::train: only these two files see c10d's headers.
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include <torch/csrc/distributed/c10d/Store.hpp>

#include "train/c10d_communicator.hpp"

namespace wb {

// "tcp://HOST:PORT" or "file PATH", for messages.
std::string rendezvous_text(const Rendezvous& r);

// Every rank on this machine: Gloo then talks over 127.0.0.1.
bool is_loopback(const std::string& host);

// `store` with every key under "PREFIX/" (PrefixStore adds the slash), e.g. Gloo's own keys kept
// apart from the control channel's.
c10::intrusive_ptr<c10d::Store> prefixed(const std::string& prefix, const c10::intrusive_ptr<c10d::Store>& store);

// The rendezvous' FileStore or TCPStore; rank 0 serves the TCPStore when `server`. `joins`: this
// connection is the rank's own, counted in the rendezvous; a second one (the heartbeat's) is not.
c10::intrusive_ptr<c10d::Store> make_store(const Rendezvous& r, int rank, int world_size, bool server,
                                           bool joins = true);

// The Gloo process group on `store` (every collective waits at most `timeout`).
std::unique_ptr<Communicator> make_c10d_communicator(const c10::intrusive_ptr<c10d::Store>& store, int rank,
                                                     int world_size, std::chrono::milliseconds timeout, bool loopback);

}  // namespace wb
