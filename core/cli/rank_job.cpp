// Rank 0's announcements on the job's store and the other ranks' loop over them.
#include "cli/rank_job.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <tuple>

#include <nlohmann/json.hpp>

#include "cli/cli_context.hpp"
#include "cli/experiment_runner.hpp"
#include "cli/progress_bar.hpp"
#include "cli/run_inputs.hpp"
#include "cli/run_liveness.hpp"
#include "common/errors.hpp"
#include "common/utc_time.hpp"
#include "train/error_text.hpp"
#include "train/rank_group.hpp"
#include "train/trainer.hpp"

namespace wb {
namespace {

// Rank 0 may tokenize a large corpus before its first announcement.
constexpr std::chrono::hours kAnnouncementTimeout{2};

std::string job_key(int index) { return "job/" + std::to_string(index); }
// Set once a host's first rank has prepared run `index`'s data: the others there only load it,
// never build the same cache entry at the same time.
std::string data_ready_key(const std::string& host, int index) {
  return "data-ready/" + host + "/" + std::to_string(index);
}
// Claimed by the rank of a host that prepares run `index`'s data there: the first to ask. Not
// "LOCAL_RANK 0": a launch by hand may leave LOCAL_RANK out, and then no rank of a second node
// would have it.
std::string data_builder_key(const std::string& host, int index) {
  return "data-builder/" + host + "/" + std::to_string(index);
}
// Set by each rank once it holds run `index`'s data: rank 0 starts training (and with it the
// collectives, which time out after 60 s) only when every rank can follow at once.
std::string prepared_key(int index, int rank) { return "prepared/" + std::to_string(index) + "/" + std::to_string(rank); }
// Set by rank 0 once every rank has answered prepared_key: kGo, or why the run does not start
// (kStopped when a rank was stopped, else a reason). Ranks that are ready wait for it, so none
// goes into the run's first collective for a run that another rank cannot train (it would wait
// there for the collective timeout, then fail the whole job instead of the one run).
std::string start_key(int index) { return "start/" + std::to_string(index); }
constexpr const char* kGo = "go";
// Set by a rank that gives up (a collective failed, it was stopped): rank 0 then stops waiting.
std::string failed_key(int rank) { return "failed/" + std::to_string(rank); }
constexpr const char* kStopped = "stopped";  // failed_key's (and start_key's) value when a rank was stopped
// prepared_key's value when the rank cannot train the run (its data, its checkpoint): the run
// fails, the queue goes on.
constexpr const char* kCannotTrain = "error: ";
// `--nproc` gives its ranks a token that rank 0 publishes: a rank that reached another job's store
// (its port was taken in between) says so instead of following that job.
constexpr const char* kTokenKey = "job-token";
constexpr const char* kTokenVariable = "WB_JOB_TOKEN";
// Set by each rank once it has read the end of the job: rank 0 serves the store, so it stays
// until everyone has read it.
std::string ack_key(int rank) { return "read-end/" + std::to_string(rank); }
constexpr std::chrono::seconds kGoodbyeTimeout{10};  // a live rank answers within 50 ms

}  // namespace

std::string RankAssignment::to_json() const {
  return nlohmann::json{{"run_id", run_id}, {"spec", spec_json}, {"checkpoint_dir", checkpoint_dir},
                        {"resume_from_checkpoint", resume_from_checkpoint}, {"init_checkpoint", init_checkpoint},
                        {"done", done}, {"error", error}}
      .dump();
}

RankAssignment RankAssignment::from_json(const std::string& text) {
  const auto j = nlohmann::json::parse(text);
  RankAssignment a;
  a.run_id = j.at("run_id").get<std::int64_t>();
  a.spec_json = j.at("spec").get<std::string>();
  a.checkpoint_dir = j.at("checkpoint_dir").get<std::string>();
  a.resume_from_checkpoint = j.at("resume_from_checkpoint").get<bool>();
  a.init_checkpoint = j.at("init_checkpoint").get<std::string>();
  a.done = j.at("done").get<bool>();
  a.error = j.at("error").get<std::string>();
  return a;
}

RankLeader::~RankLeader() {
  try {
    finish(std::uncaught_exceptions() > 0 ? "rank 0 stopped with an error (see its output)" : "");
  } catch (...) {
    // The store is gone with the job; the followers notice that on their own.
  }
}

RankLeader::RankLeader(RankGroup& group) : group_(group) {
  const char* token = std::getenv(kTokenVariable);
  group_.publish(kTokenKey, token ? token : "");
}

void RankLeader::announce(const RankAssignment& assignment) {
  const int index = next_++;
  const std::string run = "run " + std::to_string(assignment.run_id);
  group_.publish(data_ready_key(this_host_name(), index), "1");
  group_.publish(job_key(index), assignment.to_json());
  std::string cannot_train;
  try {
    for (int rank = 1; rank < group_.env().world_size; ++rank) {
      const std::string who = "rank " + std::to_string(rank);
      const auto [key, value] = group_.await_any({prepared_key(index, rank), failed_key(rank)}, kAnnouncementTimeout,
                                                 who + " to prepare " + run, /*watched=*/rank);
      if (key == failed_key(rank) && value == kStopped)
        throw UserError(ExitCode::kInterrupted, who + " was stopped before " + run + " began",
                        "resume it: `workbench-cli resume " + std::to_string(assignment.run_id) + "` with the same ranks");
      if (key == failed_key(rank))
        throw RankFailure(who + " left the job: " + value, "its log (" + group_.env().rank_log_dir + "/rank-" +
                                                               std::to_string(rank) + ".log on its host) says more");
      if (value.rfind(kCannotTrain, 0) == 0 && cannot_train.empty())
        cannot_train = who + " cannot train " + run + ": " + value.substr(std::string(kCannotTrain).size());
    }
  } catch (const std::exception& e) {
    const auto* user = dynamic_cast<const UserError*>(&e);
    try {  // the ranks that are ready must not start it
      group_.publish(start_key(index), user && user->code() == ExitCode::kInterrupted ? kStopped : error_text(e));
    } catch (...) {
      // The store is gone: so are the ranks that waited on it.
    }
    throw;
  }
  if (!cannot_train.empty()) {
    group_.publish(start_key(index), cannot_train);
    throw UserError(ExitCode::kRuntime, cannot_train,
                    "its log (" + group_.env().rank_log_dir + "/rank-R.log on its host) says more");
  }
  group_.publish(start_key(index), kGo);
}

void RankLeader::finish(const std::string& error) {
  if (finished_) return;
  finished_ = true;
  RankAssignment end;
  end.done = true;
  end.error = error;
  group_.publish(job_key(next_++), end.to_json());
  const auto deadline = std::chrono::steady_clock::now() + kGoodbyeTimeout;  // for all ranks together
  for (int rank = 1; rank < group_.env().world_size; ++rank) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    try {
      group_.await_any({ack_key(rank), failed_key(rank)}, left, "rank " + std::to_string(rank) + " to read the end of the job");
    } catch (const std::exception&) {
      // It is gone already, or we were stopped: nothing left to tell it.
    }
  }
}

namespace {

int follow(RankGroup& group, const Workspace& workspace, const RunnerOptions& options) {
  const DistEnv& env = group.env();
  if (const char* token = std::getenv(kTokenVariable))
    if (group.await(kTokenKey, std::chrono::seconds(60), "rank 0's job token") != token)
      throw RankFailure("rank " + std::to_string(env.rank) + " reached another job's store at " + env.master_addr + ":" +
                            std::to_string(env.master_port) + " (the port was taken after it was chosen)",
                        "start the job again: --nproc picks a new free port");
  group.start_heartbeat();  // rank 0 waits for us as long as we are alive, not longer
  RunInputs inputs(workspace, /*quiet=*/false);
  int exit_code = 0;
  for (int index = 0;; ++index) {
    const auto assignment = RankAssignment::from_json(group.await(job_key(index), kAnnouncementTimeout, "the next run"));
    if (assignment.done) {
      group.publish(ack_key(env.rank), "1");
      if (!assignment.error.empty())
        throw RelayedError("rank 0 ended the job: " + assignment.error,
                           "rank 0's output says what failed and how to fix it");
      return exit_code;
    }
    RunSpec spec = parse_run_spec(nlohmann::json::parse(assignment.spec_json));
    if (!options.device_override.empty()) spec.training.device = options.device_override;
    spec.training.threads = run_threads(spec, options);
    configure_torch_threads(spec.training.threads);
    std::fprintf(stderr, "run %lld (%s)\n", static_cast<long long>(assignment.run_id), spec.name.c_str());

    // One rank per host builds what is missing; the others wait for it, then load. (On rank 0's
    // host the data is ready before the announcement.)
    const std::string host = this_host_name();
    const bool builds = group.claim(data_builder_key(host, index));
    if (!builds)
      group.await(data_ready_key(host, index), kAnnouncementTimeout, "its node's data for run " + std::to_string(assignment.run_id));
    std::unique_ptr<TrainingData> data;
    try {
      data = std::make_unique<TrainingData>(inputs.training_data(spec));
    } catch (const std::exception&) {
      if (builds) group.publish(data_ready_key(host, index), "1");  // the others fail alike
      throw;
    }
    if (builds) group.publish(data_ready_key(host, index), "1");

    TrainerOptions trainer;
    trainer.run_id = assignment.run_id;
    trainer.checkpoint_dir = assignment.checkpoint_dir;  // read on resume, never written here
    trainer.resume = assignment.resume_from_checkpoint;
    trainer.stop = options.stop;
    trainer.communicator = &group.communicator();
    trainer.local_rank = env.local_rank;
    trainer.init_checkpoint = assignment.init_checkpoint;
    // Everything that can fail before the first collective is tried before rank 0 is told we are
    // ready: it then fails the run with our reason instead of waiting in a collective for us.
    ProgressBar progress;
    std::unique_ptr<Trainer> run;
    try {
      const auto last = std::filesystem::path(assignment.checkpoint_dir) / "last.pt";
      const auto& init = assignment.init_checkpoint;
      for (const auto& [needed, file, what] : {std::tuple{assignment.resume_from_checkpoint, last.string(), "resumes the run from"},
                                               std::tuple{!init.empty(), init, "starts the run from (init_from)"}})
        if (needed && !std::filesystem::exists(file))
          throw DataError("rank " + std::to_string(env.rank) + " on " + host + " cannot read " + file +
                              ", the checkpoint rank 0 " + what,
                          "a multi-node job that continues from checkpoints needs the workspace (--home) on a "
                          "filesystem every node shares");
      run = std::make_unique<Trainer>(spec, *data, progress, trainer);
    } catch (const std::exception& e) {
      const std::string error = error_text(e);
      std::fprintf(stderr, "run %lld cannot start here: %s\n", static_cast<long long>(assignment.run_id), error.c_str());
      group.publish(prepared_key(index, env.rank), std::string(kCannotTrain) + error);
      exit_code = static_cast<int>(ExitCode::kRuntime);
      continue;
    }
    group.publish(prepared_key(index, env.rank), "ok");
    if (const auto go = group.await(start_key(index), kAnnouncementTimeout, "rank 0 to start run " +
                                                                           std::to_string(assignment.run_id));
        go != kGo) {
      const bool stopped = go == kStopped;
      std::fprintf(stderr, "run %lld not started here: %s\n", static_cast<long long>(assignment.run_id),
                   stopped ? "a rank was stopped before it began" : go.c_str());
      exit_code = static_cast<int>(stopped ? ExitCode::kInterrupted : ExitCode::kRuntime);
      continue;
    }
    try {
      const auto summary = run->run();
      exit_code = summary.status == "interrupted" ? static_cast<int>(ExitCode::kInterrupted) : 0;
    } catch (const RankFailure&) {
      throw;  // a rank is gone: so is the job
    } catch (const std::exception& e) {
      // The same failure happens on rank 0 (the loss is shared), which records it and goes on
      // with the next run of the queue: so do we.
      std::fprintf(stderr, "run %lld failed: %s\n", static_cast<long long>(assignment.run_id), error_text(e).c_str());
      exit_code = static_cast<int>(ExitCode::kRuntime);
    }
  }
}

}  // namespace

int follow_rank_zero(RankGroup& group, const Workspace& workspace, const RunnerOptions& options) {
  try {
    return follow(group, workspace, options);
  } catch (const std::exception& e) {
    const auto* user = dynamic_cast<const UserError*>(&e);
    const bool stopped = user && user->code() == ExitCode::kInterrupted;
    try {
      group.publish(failed_key(group.env().rank), stopped ? kStopped : error_text(e));  // rank 0 stops waiting for us
    } catch (...) {
      // The store went with rank 0.
    }
    throw;
  }
}

std::filesystem::path redirect_to_rank_log(const std::filesystem::path& dir, int rank, int world_size) {
  std::error_code made;
  std::filesystem::create_directories(dir, made);
  const auto path = dir / ("rank-" + std::to_string(rank) + ".log");
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0)
    throw UserError(ExitCode::kRuntime, "cannot write the rank log " + path.string(),
                    "make " + dir.string() + " writable, or give another --rank-logs or --home");
  // Under torchrun or srun this terminal is what the user watches; under `--nproc` (which sets
  // WB_JOB_TOKEN) the parent already said where the logs are, and says which rank failed.
  const bool own_terminal = !std::getenv("WB_JOB_TOKEN");
  if (own_terminal) std::fprintf(stderr, "rank %d of %d: output in %s\n", rank, world_size, path.c_str());
  std::fflush(stdout);
  std::fflush(stderr);
  if (own_terminal) set_terminal_fd(fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3));
  dup2(fd, STDOUT_FILENO);
  dup2(fd, STDERR_FILENO);
  close(fd);
  std::fprintf(stderr, "\n== %s: rank %d of %d on %s, process %d ==\n", utc_time("%Y-%m-%d %H:%M:%S UTC").c_str(), rank, world_size,
               this_host_name().c_str(), static_cast<int>(getpid()));
  return path;
}

}  // namespace wb
