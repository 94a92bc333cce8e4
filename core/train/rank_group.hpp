// A data-parallel job as the CLI sees it, free of LibTorch: this process's place in it, the
// Communicator its trainer uses, and a small key-value channel on the job's store through which
// rank 0 tells the other ranks what to train next (the database lives with rank 0 only).
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "train/dist_env.hpp"

namespace wb {

class Communicator;

class RankGroup {
 public:
  virtual ~RankGroup() = default;
  virtual const DistEnv& env() const = 0;
  virtual Communicator& communicator() = 0;
  // Sets `key` for every rank (keys are written once).
  virtual void publish(const std::string& key, const std::string& value) = 0;
  // True for the first rank that claims `key`, false for every later one (an atomic count).
  virtual bool claim(const std::string& key) = 0;
  // Waits until some rank published `key`, at most `timeout`; throws UserError naming `what` it
  // waited for after that, when the store is gone (rank 0 died) or when the stop flag given to
  // join_rank_group is set (Ctrl-C, or the launcher ending the job).
  std::string await(const std::string& key, std::chrono::milliseconds timeout, const std::string& what) {
    return await_any({key}, timeout, what).second;
  }
  // The same for the first of several keys to be set: {key, value}. With `watched` >= 0 it also
  // throws RankFailure once that rank's heartbeat has stood still for the heartbeat timeout: a
  // rank killed without a word (or its node lost) then fails the job in seconds, not hours,
  // however long a live rank may take (tokenizing a large corpus).
  virtual std::pair<std::string, std::string> await_any(const std::vector<std::string>& keys,
                                                        std::chrono::milliseconds timeout, const std::string& what,
                                                        int watched = -1) = 0;
  // Starts this rank's heartbeat: a thread with its own store connection that changes
  // `alive/<rank>` every second, until the group is left.
  virtual void start_heartbeat() = 0;
};

// Joins the job of `env`: a TCPStore served by rank 0 at MASTER_ADDR:MASTER_PORT (or torchrun's
// agent store, as a client under its attempt prefix), and a Gloo process group on it. Blocks
// until every rank has joined; collectives wait at most `timeout`, so a dead rank fails the job
// within it instead of hanging.
std::unique_ptr<RankGroup> join_rank_group(const DistEnv& env, const std::atomic<bool>* stop = nullptr,
                                           std::chrono::milliseconds timeout = std::chrono::seconds(60),
                                           std::chrono::milliseconds heartbeat_timeout = std::chrono::seconds(30));

}  // namespace wb
