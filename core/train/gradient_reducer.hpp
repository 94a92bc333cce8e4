// Data-parallel gradient averaging that overlaps with backward, the part of PyTorch's
// DistributedDataParallel that LibTorch's C++ API lacks. Parameters are packed into flat buckets
// in reverse registration order (roughly the order backward produces their gradients); on a step's
// last micro-batch a hook on each parameter copies its accumulated gradient into its bucket, and a
// bucket whose gradients are all in is all-reduced at once, while backward goes on with earlier
// layers. finish() starts what backward did not reach (an MoE expert that got no tokens on this
// rank, a block DropPath skipped: zeros, or the earlier micro-batches' sum), waits, and leaves the
// mean in every parameter's .grad as a view of its bucket.
//
// Buckets start strictly in index order on every rank, whatever order the hooks fire in, because
// a process group matches collectives by their order.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include <torch/torch.h>

#include "train/communicator.hpp"

namespace wb {

struct BucketLayout {
  std::vector<std::vector<std::size_t>> buckets;  // parameter indices of each bucket
};

// Which parameters share a bucket: consecutive parameters from the last to the first, a bucket
// closed once it holds `bucket_bytes` (the first one `first_bucket_bytes`, so that communication
// starts early); a parameter is never split. Pure; `bytes[i]` is parameter i's gradient size.
BucketLayout plan_buckets(const std::vector<std::int64_t>& bytes, std::int64_t first_bucket_bytes,
                          std::int64_t bucket_bytes);

class GradientReducer {
 public:
  // DDP's defaults: a 1 MiB first bucket, then 25 MiB.
  static constexpr std::int64_t kFirstBucketBytes = 1 << 20;
  static constexpr std::int64_t kBucketBytes = 25 << 20;

  // Hooks every distinct parameter (tied or shared ones once). All must have one dtype and device.
  GradientReducer(const std::vector<torch::Tensor>& parameters, Communicator& comm,
                  std::int64_t bucket_bytes = kBucketBytes, std::int64_t first_bucket_bytes = kFirstBucketBytes);
  ~GradientReducer();  // removes the hooks
  GradientReducer(const GradientReducer&) = delete;
  GradientReducer& operator=(const GradientReducer&) = delete;

  // The next backward is the step's last: its gradients go to the buckets as they appear.
  void arm();
  // After that backward: starts the remaining buckets, waits for all, and sets each parameter's
  // .grad to the mean over the ranks. Without arm() (a backward replayed from a CUDA graph, where
  // no hook runs) every bucket starts here, from the parameters' .grad.
  void finish();

  std::size_t bucket_count() const { return buckets_.size(); }
  // Buckets started from a backward hook, i.e. overlapped with computation, over the last step.
  std::size_t overlapped_buckets() const { return overlapped_; }

 private:
  struct Slot {
    torch::Tensor parameter;
    std::size_t bucket = 0;
    std::int64_t offset = 0;  // in the bucket's flat buffer
    unsigned hook = 0;
    bool ready = false;
  };
  struct Bucket {
    torch::Tensor flat;
    std::size_t slot_count = 0;
    std::size_t pending = 0;  // slots not yet copied in this step
    std::unique_ptr<PendingCollective> collective;
  };

  void on_gradient(std::size_t slot, const torch::Tensor& grad);
  void reset();  // a new step: no gradient in, no bucket started
  void start_ready_buckets();  // in index order, as far as they are complete
  void start(std::size_t bucket);

  Communicator& comm_;
  std::vector<Slot> slots_;
  std::vector<Bucket> buckets_;
  std::mutex mutex_;  // hooks may run on autograd's device threads
  bool armed_ = false;
  std::size_t next_bucket_ = 0;  // the next bucket to start
  std::size_t overlapped_ = 0;
};

}  // namespace wb
