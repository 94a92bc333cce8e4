// A live reader (the GUI, `workbench-cli show --follow`) polling a database while a run writes:
// with WAL and a separate read-only connection it sees every batch and never hits SQLITE_BUSY.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <string>
#include <thread>

#include "common/temp_dir.hpp"
#include "store/run_store.hpp"
#include "store_test_util.hpp"

namespace wb {
namespace {

TEST(StoreConcurrentReader, ReadOnlyPollerSeesBatchesGrowWithoutBusyErrors) {
  constexpr std::int64_t kBatches = 60;
  constexpr std::int64_t kBatchSize = 25;
  constexpr std::int64_t kLastStep = kBatches * kBatchSize;

  test::TempDir dir;
  auto [writer, experiment_id, run_id] = test::make_sample_run(dir / "runs.db");

  std::atomic<bool> writer_done = false;
  std::string reader_error;  // written by the reader thread, read after join()
  std::int64_t polls_with_new_rows = 0;
  std::int64_t last_seen = 0;

  std::thread reader([&, run_id = run_id] {
    try {
      RunStore store = RunStore::open(dir / "runs.db", RunStore::Mode::kReadOnly);
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(8);
      while (last_seen < kLastStep && std::chrono::steady_clock::now() < deadline) {
        const auto rows = store.metrics(run_id, "train/loss", last_seen);
        for (const auto& row : rows) {
          if (row.step != last_seen + 1)  // batches are atomic: never a gap or a torn batch
            throw std::runtime_error("step " + std::to_string(row.step) + " after " +
                                     std::to_string(last_seen));
          last_seen = row.step;
        }
        if (!rows.empty()) ++polls_with_new_rows;
        if (rows.empty() && writer_done) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    } catch (const StoreError& e) {
      reader_error = std::string(e.what()) + " / fix: " + e.fix();
    } catch (const std::exception& e) {
      reader_error = e.what();
    }
  });

  for (std::int64_t batch = 0; batch < kBatches; ++batch) {
    writer.append_metrics(run_id, test::losses(batch * kBatchSize, (batch + 1) * kBatchSize));
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  writer_done = true;
  reader.join();

  EXPECT_EQ(reader_error, "");
  EXPECT_EQ(last_seen, kLastStep);
  EXPECT_GT(polls_with_new_rows, 1) << "the reader should see the metrics grow, not all at once";
}

}  // namespace
}  // namespace wb
