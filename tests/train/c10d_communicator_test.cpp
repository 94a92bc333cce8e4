// The Gloo communicator across real processes (c10d_rank_probe, one per rank, meeting through a
// FileStore): means and broadcasts agree on every rank, a rank that dies makes the others fail
// with an error within the timeout instead of hanging, and data-parallel training matches one
// process. Also the CLI job group's heartbeat (over TCP): a busy rank is waited for, a dead one is not.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <future>
#include <string>
#include <vector>

#include "common/free_port.hpp"
#include "common/temp_dir.hpp"
#include "train/step_graph.hpp"
#include "train/tiny_run.hpp"

namespace wb {
namespace {

struct Output {
  std::string text;
  int status = -1;
};

Output run(const std::string& command) {
  Output out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe)) out.text += buffer;
  out.status = pclose(pipe);
  return out;
}

std::vector<Output> run_ranks(int world, const std::string& store, const std::string& mode, const std::string& rest) {
  std::vector<std::future<Output>> ranks;
  for (int rank = 0; rank < world; ++rank)
    ranks.push_back(std::async(std::launch::async, [=] {
      return run(std::string(WB_C10D_PROBE) + " " + std::to_string(rank) + " " + std::to_string(world) + " " + store +
                 " " + mode + " " + rest + " 2>/dev/null");
    }));
  std::vector<Output> outputs;
  for (auto& r : ranks) outputs.push_back(r.get());
  return outputs;
}

TEST(GlooCommunicator, MeansAndBroadcastsAgreeOnEveryRank) {
  test::TempDir dir;
  const auto outputs = run_ranks(3, (dir / "store").string(), "reduce", "30000");
  for (const auto& out : outputs) {
    EXPECT_EQ(out.status, 0) << out.text;
    EXPECT_NE(out.text.find("mean_a 2 2 2\n"), std::string::npos) << out.text;           // (1 + 2 + 3) / 3
    EXPECT_NE(out.text.find("mean_b 20 20 20 20\n"), std::string::npos) << out.text;     // (10 + 20 + 30) / 3
    EXPECT_NE(out.text.find("mean_scalar 1\n"), std::string::npos) << out.text;          // (0 + 1 + 2) / 3
    EXPECT_NE(out.text.find("broadcast 0 1 2 3\n"), std::string::npos) << out.text;      // rank 0's values
  }
}

TEST(GlooCommunicator, ADeadRankFailsTheOthersWithinTheTimeout) {
  test::TempDir dir;
  const auto start = std::chrono::steady_clock::now();
  const auto outputs = run_ranks(2, (dir / "store").string(), "die", "3000");
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 30.0) << "a dead rank must not hang the job";
  EXPECT_NE(outputs[0].status, 0);
  EXPECT_NE(outputs[0].text.find("error all-reduce across 2 ranks failed on rank 0"), std::string::npos)
      << outputs[0].text;
  EXPECT_EQ(outputs[1].status, 0);
}

// A rank that hangs with its sockets open (a partitioned node) closes nothing: the others' wait
// times out, and the error says so in words, without LibTorch's C++ backtrace.
TEST(GlooCommunicator, AStalledRankTimesTheOthersOutWithAPlainMessage) {
  test::TempDir dir;
  const auto start = std::chrono::steady_clock::now();
  auto rank0 = std::async(std::launch::async, [&] {
    return run(std::string(WB_C10D_PROBE) + " 0 2 " + (dir / "store").string() + " stall 2000 2>/dev/null");
  });
  const auto rank1 = run(std::string(WB_C10D_PROBE) + " 1 2 " + (dir / "store").string() + " stall 2000 2>/dev/null");
  const auto out = rank0.get();
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 20.0);
  EXPECT_NE(out.status, 0);
  EXPECT_NE(out.text.find("error all-reduce across 2 ranks failed on rank 0"), std::string::npos) << out.text;
  EXPECT_EQ(out.text.find("frame #"), std::string::npos) << "LibTorch's C++ backtrace in a user's error:\n" << out.text;
  EXPECT_EQ(rank1.status, 0) << rank1.text;
}

// Rank 0 writing a checkpoint for longer than the collective timeout: the others wait for it
// with a timeout of its own, and the group goes on afterwards.
TEST(GlooCommunicator, TheOthersOutwaitARankZeroBusyWritingACheckpoint) {
  test::TempDir dir;
  const auto outputs = run_ranks(2, (dir / "store").string(), "slow-rank-zero", "1000");
  for (const auto& out : outputs) {
    EXPECT_EQ(out.status, 0) << out.text;
    EXPECT_NE(out.text.find("mean_scalar 0.5"), std::string::npos) << out.text;
  }
}

// A write that fails on rank 0 (a full disk) fails every rank at once with its reason, rather
// than leaving the others waiting out the long timeout.
TEST(GlooCommunicator, AWriteThatFailsOnRankZeroFailsEveryRankWithItsReason) {
  test::TempDir dir;
  const auto start = std::chrono::steady_clock::now();
  const auto outputs = run_ranks(2, (dir / "store").string(), "slow-rank-zero", "1000 fail");
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 8.0)
      << "rank 1 waited out the 10 s timeout";
  ASSERT_EQ(outputs.size(), 2u);
  EXPECT_NE(outputs[0].text.find("error disk full while writing last.pt"), std::string::npos) << outputs[0].text;
  EXPECT_NE(outputs[1].text.find("error rank 0 failed while the others waited for it: disk full while writing last.pt"),
            std::string::npos)
      << outputs[1].text;
}

std::vector<double> losses(const std::string& text) {
  std::vector<double> out;
  std::size_t at = 0;
  while ((at = text.find("loss ", at)) != std::string::npos) {
    out.push_back(std::stod(text.substr(at + 5)));
    at += 5;
  }
  return out;
}

// A rank's "checksum VALUE" line (its final weights), or empty when it printed none.
std::string checksum(const std::string& text) {
  const auto at = text.find("checksum ");
  return at == std::string::npos ? std::string() : text.substr(at, text.find('\n', at) - at);
}

// Trains the probe's "train" mode (`args` after the mode) on 1 rank and on 2: the 2 ranks give the
// 1 rank's `steps` per-step losses to 1e-5 and end with identical weights. The 2 ranks' output
// goes to `two_ranks`, if given.
void expect_two_ranks_train_like_one(const test::TempDir& dir, const std::string& args, std::size_t steps,
                                     std::vector<Output>* two_ranks = nullptr) {
  const auto one = run_ranks(1, (dir / "store1").string(), "train", args);
  const auto two = run_ranks(2, (dir / "store2").string(), "train", args);
  ASSERT_EQ(one[0].status, 0) << one[0].text;
  const auto reference = losses(one[0].text);
  ASSERT_EQ(reference.size(), steps) << one[0].text;
  for (const auto& rank : two) {
    ASSERT_EQ(rank.status, 0) << rank.text;
    const auto got = losses(rank.text);
    ASSERT_EQ(got.size(), reference.size()) << rank.text;
    for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], reference[i], 1e-5) << "step " << i + 1;
  }
  ASSERT_FALSE(checksum(two[0].text).empty()) << two[0].text;
  EXPECT_EQ(checksum(two[0].text), checksum(two[1].text)) << "the replicas' weights differ after training";
  if (two_ranks) *two_ranks = two;
}

// Data parallelism changes who computes the rows, not the step: 2 ranks of 2 sequences see the
// same 4 sequences per step as 1 rank of 4, so the per-step losses agree to float rounding; and
// the replicas stay identical, bit for bit.
TEST(GlooCommunicator, TwoRanksTrainLikeOneWithTheSameGlobalBatch) {
  test::TempDir dir;
  const Workspace workspace = test::make_tiny_workspace(dir);
  prepare_dataset(test::tiny_spec().data, workspace);  // once, before the ranks read it
  expect_two_ranks_train_like_one(dir, workspace.root.string() + " 4", 24);
}

// The same with gradients all-reduced during backward in many small buckets, an MoE whose experts
// may get no tokens on a rank, 2 micro-batches per step, and step losses agreed on 5 steps at a
// time: buckets wait for the earlier micro-batches' sums and for experts backward never reached,
// in the same order on every rank.
TEST(GlooCommunicator, OverlappedBucketsTrainLikeOneProcessWithMoeAndAccumulation) {
  test::TempDir dir;
  const Workspace workspace = test::make_tiny_workspace(dir);
  prepare_dataset(test::tiny_spec().data, workspace);
  // The same token budget as above in steps of 2 micro-batches: 12 steps.
  expect_two_ranks_train_like_one(dir, workspace.root.string() + " 4 4096 moe", 12);
}

// training.cuda_graphs on 2 ranks: a graphed step's backward cannot wait on the other ranks, so
// every bucket is all-reduced after it, with the micro-batches' sum complete. On the CPU the
// graphed step runs eagerly through its fixed buffers, and says so once.
TEST(GlooCommunicator, GraphedStepsReduceAfterBackwardAndTrainLikeOneProcess) {
  test::TempDir dir;
  const Workspace workspace = test::make_tiny_workspace(dir);
  prepare_dataset(test::tiny_spec().data, workspace);
  std::vector<Output> two;
  expect_two_ranks_train_like_one(dir, workspace.root.string() + " 4 4096 graphs", 12, &two);
  ASSERT_EQ(two.size(), 2u);
  const std::string said = std::string("graphs ") + kNoGraphsOnTheCpu + "\n";
  for (const auto& rank : two) {
    const auto first = rank.text.find(said);
    EXPECT_NE(first, std::string::npos) << rank.text;
    EXPECT_EQ(rank.text.find(said, first + 1), std::string::npos) << "said twice: " << rank.text;
  }
}

// Rank 0 waits on a busy rank as long as its heartbeat goes on (5 s here, with a 2 s heartbeat
// timeout), and gives up on one that left without a word within about that timeout, not after
// the hours a corpus may take to tokenize.
TEST(RankGroupHeartbeat, TellsABusyRankFromADeadOne) {
  const auto busy = run_ranks(2, std::to_string(free_tcp_port()), "heartbeat", "5000");
  EXPECT_EQ(busy[0].status, 0) << busy[0].text;
  EXPECT_NE(busy[0].text.find("done after"), std::string::npos) << busy[0].text;

  const auto dead = run_ranks(2, std::to_string(free_tcp_port()), "heartbeat", "-1");
  EXPECT_NE(dead[0].status, 0) << dead[0].text;
  EXPECT_NE(dead[0].text.find("rank 1 stopped answering: no heartbeat for 2 s"), std::string::npos) << dead[0].text;
  const double waited = std::atof(dead[0].text.substr(dead[0].text.find("error ") + 6).c_str());
  EXPECT_LT(waited, 10.0) << dead[0].text;  // 1 s of beats + 2 s of silence + polling
  // Never before the heartbeat timeout, counted from rank 0's first look: exactly 2 s (printed
  // "2.0") when rank 1 was gone before rank 0 began to wait, as on a loaded 2-core machine.
  EXPECT_GE(waited, 2.0) << dead[0].text;
}

}  // namespace
}  // namespace wb
