// The CLI's RankGroup on c10d: the job's store (a TCPStore that rank 0 serves, or torchrun's agent
// store under its attempt prefix), a control channel on it through which rank 0 tells the others
// what to train, the Gloo communicator the trainer uses, and the heartbeats through which a
// waiting rank tells a busy rank from a dead one.
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "common/errors.hpp"
#include "train/c10d_store.hpp"
#include "train/device_collectives.hpp"
#include "train/error_text.hpp"
#include "train/rank_group.hpp"

namespace wb {
namespace {

// Fixed, not derived from the timeout: rank 0's WB_HEARTBEAT_TIMEOUT_S may differ from a
// follower's, and a beat a second costs nothing.
constexpr std::chrono::milliseconds kHeartbeatPeriod{1000};
constexpr std::chrono::milliseconds kHeartbeatConnectionTimeout{5000};
std::string heartbeat_key(int rank) { return "alive/" + std::to_string(rank); }

// Sets `key` to 1, 2, 3, ... every `period` from its own thread and store connection, until
// destroyed. Its own connection because a TCPStore client serializes its operations: the main
// thread's waits would hold the beats back. A failed beat is retried at the next period (a rank
// gone quiet for the heartbeat timeout counts as dead); the connection's short timeout bounds
// how long a beat to a lost rank 0 can block.
class Heartbeat {
 public:
  Heartbeat(c10::intrusive_ptr<c10d::Store> store, std::string key, std::chrono::milliseconds period)
      : thread_([this, store = std::move(store), key = std::move(key), period] { beat(*store, key, period); }) {}
  ~Heartbeat() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  Heartbeat(const Heartbeat&) = delete;
  Heartbeat& operator=(const Heartbeat&) = delete;

 private:
  void beat(c10d::Store& store, const std::string& key, std::chrono::milliseconds period) {
    for (std::int64_t beats = 1;; ++beats) {
      try {
        store.set(key, store_bytes(std::to_string(beats)));
      } catch (const std::exception&) {
        // Retried next period; if rank 0 and its store are gone, the main thread finds out itself.
      }
      std::unique_lock<std::mutex> lock(mutex_);
      if (wake_.wait_for(lock, period, [this] { return stopped_; })) return;
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopped_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

// What rank 0 last saw of a rank's heartbeat, and since when.
struct PulseWatch {
  std::string last;  // empty: none seen yet
  std::chrono::steady_clock::time_point since = std::chrono::steady_clock::now();
};

class C10dRankGroup final : public RankGroup {
 public:
  using Connect = std::function<c10::intrusive_ptr<c10d::Store>()>;  // a new connection to the store

  C10dRankGroup(DistEnv env, c10::intrusive_ptr<c10d::Store> store, std::chrono::milliseconds timeout,
                std::chrono::milliseconds heartbeat_timeout, Connect connect, const std::atomic<bool>* stop)
      : env_(std::move(env)),
        stop_(stop),
        heartbeat_timeout_(heartbeat_timeout),
        connect_(std::move(connect)),
        control_(prefixed("wb", store)),
        communicator_(
            make_c10d_communicator(store, env_.rank, env_.world_size, timeout, is_loopback(env_.master_addr))) {}

  void start_heartbeat() override {
    if (heartbeat_) return;
    heartbeat_ = std::make_unique<Heartbeat>(prefixed("wb", connect_()), heartbeat_key(env_.rank), kHeartbeatPeriod);
  }

  const DistEnv& env() const override { return env_; }
  Communicator& communicator() override { return *communicator_; }

  void publish(const std::string& key, const std::string& value) override {
    control_->set(key, store_bytes(value));
  }

  bool claim(const std::string& key) override { return control_->add(key, 1) == 1; }

  std::pair<std::string, std::string> await_any(const std::vector<std::string>& keys, std::chrono::milliseconds timeout,
                                                const std::string& what, int watched) override {
    // Polled rather than one blocking wait, so that a stop request ends the wait at once.
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    PulseWatch pulse;
    auto next_pulse_check = std::chrono::steady_clock::now();
    try {
      for (;;) {
        for (const auto& key : keys) {
          if (!control_->check({key})) continue;
          const auto value = control_->get(key);
          return {key, std::string(value.begin(), value.end())};
        }
        if (stop_ && stop_->load())
          throw UserError(ExitCode::kInterrupted, rank_label(env_) + ": stopped with the job while it waited for " + what,
                          "nothing to do here: rank 0 wrote the checkpoint and printed the command that resumes the run");
        const auto now = std::chrono::steady_clock::now();
        if (now > deadline) throw std::runtime_error("no answer in " + std::to_string(timeout.count() / 1000) + " s");
        if (watched >= 0 && now >= next_pulse_check) {
          check_pulse(watched, pulse, what);
          next_pulse_check = now + std::chrono::milliseconds(500);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    } catch (const UserError&) {
      throw;
    } catch (const std::exception& e) {
      throw RankFailure("rank " + std::to_string(env_.rank) + " waited for " + what + " (store at " + env_.master_addr +
                            ":" + std::to_string(env_.master_port) + ") and got none: " + error_text(e),
                        "a rank stopped or died: its output (rank 0's, or " + env_.rank_log_dir +
                            "/rank-R.log) says why; resume "
                            "the job from rank 0's last checkpoint");
    }
  }

 private:
  // Throws RankFailure when `rank`'s heartbeat has not changed (or not begun) for the timeout.
  void check_pulse(int rank, PulseWatch& pulse, const std::string& what) {
    const auto key = heartbeat_key(rank);
    std::string now_seen;
    if (control_->check({key})) {
      const auto value = control_->get(key);
      now_seen.assign(value.begin(), value.end());
    }
    if (now_seen != pulse.last) {
      pulse.last = now_seen;
      pulse.since = std::chrono::steady_clock::now();
      return;
    }
    if (std::chrono::steady_clock::now() - pulse.since < heartbeat_timeout_) return;
    const auto seconds = std::to_string(heartbeat_timeout_.count() / 1000);
    throw RankFailure("rank " + std::to_string(rank) + " stopped answering: no heartbeat for " + seconds +
                          " s while rank " + std::to_string(env_.rank) + " waited for " + what,
                      "it was killed or its node was lost: its log (" + env_.rank_log_dir + "/rank-" +
                          std::to_string(rank) +
                          ".log on its host) or the launcher says why; under srun, --kill-on-bad-exit=1 ends "
                          "the job at once (WB_HEARTBEAT_TIMEOUT_S sets the wait)");
  }

  DistEnv env_;
  const std::atomic<bool>* stop_;
  std::chrono::milliseconds heartbeat_timeout_;
  Connect connect_;
  c10::intrusive_ptr<c10d::Store> control_;
  std::unique_ptr<Communicator> communicator_;
  std::unique_ptr<Heartbeat> heartbeat_;  // last: stops before the group's store goes
};

}  // namespace

std::unique_ptr<RankGroup> join_rank_group(const DistEnv& env, const std::atomic<bool>* stop,
                                           std::chrono::milliseconds timeout,
                                           std::chrono::milliseconds heartbeat_timeout) {
  Rendezvous rendezvous;
  rendezvous.host = env.master_addr;
  rendezvous.port = env.master_port;
  rendezvous.timeout = timeout;
  // As torch.distributed does under torchrun's agent store: every key under the attempt's prefix.
  const auto under_prefix = [env](c10::intrusive_ptr<c10d::Store> store) {
    return env.agent_store ? prefixed(env.store_prefix, store) : store;
  };
  const auto started = std::chrono::steady_clock::now();
  try {
    auto store = under_prefix(make_store(rendezvous, env.rank, env.world_size, /*server=*/!env.agent_store));
    auto connect = [=] {
      Rendezvous quick = rendezvous;
      quick.timeout = std::min(rendezvous.timeout, kHeartbeatConnectionTimeout);
      return under_prefix(make_store(quick, env.rank, env.world_size, /*server=*/false, /*joins=*/false));
    };
    return std::make_unique<C10dRankGroup>(env, store, timeout, heartbeat_timeout, connect, stop);
  } catch (const UserError&) {
    throw;
  } catch (const std::exception& e) {
    // The stop's signal cuts c10d's waits short ("Interrupted system call"): a stop, not a failure.
    if (stop && stop->load())
      throw UserError(ExitCode::kInterrupted, stopped_while_joining(env), "start the job again to train it");
    const auto waited = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started);
    throw join_failure(env, rendezvous_text(rendezvous), static_cast<long>(waited.count()),
                       static_cast<long>(timeout.count() / 1000), error_text(e));
  }
}

}  // namespace wb
