// Bucketed, backward-overlapped gradient averaging; see gradient_reducer.hpp.
#include "train/gradient_reducer.hpp"

#include <unordered_set>

namespace wb {

BucketLayout plan_buckets(const std::vector<std::int64_t>& bytes, std::int64_t first_bucket_bytes,
                          std::int64_t bucket_bytes) {
  BucketLayout layout;
  std::int64_t filled = 0;
  for (std::size_t k = bytes.size(); k-- > 0;) {
    const std::int64_t cap = layout.buckets.size() <= 1 ? first_bucket_bytes : bucket_bytes;
    if (layout.buckets.empty() || filled >= cap) {
      layout.buckets.emplace_back();
      filled = 0;
    }
    layout.buckets.back().push_back(k);
    filled += bytes[k];
  }
  return layout;
}

GradientReducer::GradientReducer(const std::vector<torch::Tensor>& parameters, Communicator& comm,
                                 std::int64_t bucket_bytes, std::int64_t first_bucket_bytes)
    : comm_(comm) {
  std::unordered_set<const void*> seen;
  for (const auto& p : parameters)
    if (p.requires_grad() && seen.insert(p.unsafeGetTensorImpl()).second) slots_.push_back({p});
  for (const auto& slot : slots_)
    TORCH_CHECK(slot.parameter.options().type_equal(slots_.front().parameter.options()) &&
                    slot.parameter.device() == slots_.front().parameter.device(),
                "gradient buckets need parameters of one dtype on one device");
  std::vector<std::int64_t> bytes;
  for (const auto& slot : slots_)
    bytes.push_back(slot.parameter.numel() * static_cast<std::int64_t>(slot.parameter.element_size()));
  for (const auto& indices : plan_buckets(bytes, first_bucket_bytes, bucket_bytes).buckets) {
    Bucket bucket;
    std::int64_t size = 0;
    for (std::size_t i : indices) {
      slots_[i].bucket = buckets_.size();
      slots_[i].offset = size;
      size += slots_[i].parameter.numel();
    }
    bucket.slot_count = indices.size();
    bucket.flat = torch::zeros({size}, slots_[indices.front()].parameter.options().requires_grad(false));
    buckets_.push_back(std::move(bucket));
  }
  for (std::size_t i = 0; i < slots_.size(); ++i)
    slots_[i].hook = slots_[i].parameter.register_hook([this, i](const torch::Tensor& grad) { on_gradient(i, grad); });
}

GradientReducer::~GradientReducer() {
  for (auto& slot : slots_) slot.parameter.remove_hook(slot.hook);
}

void GradientReducer::arm() {
  std::lock_guard<std::mutex> lock(mutex_);
  reset();
  armed_ = true;
}

void GradientReducer::reset() {
  for (auto& slot : slots_) slot.ready = false;
  for (auto& bucket : buckets_) {
    bucket.pending = bucket.slot_count;
    bucket.collective.reset();
  }
  next_bucket_ = 0;
  overlapped_ = 0;
}

// Runs before autograd adds `grad` to .grad: the bucket gets what .grad is about to hold.
void GradientReducer::on_gradient(std::size_t i, const torch::Tensor& grad) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!armed_) return;  // an earlier micro-batch: autograd accumulates into .grad as usual
  Slot& slot = slots_[i];
  Bucket& bucket = buckets_[slot.bucket];
  torch::NoGradGuard no_grad;
  auto view = bucket.flat.narrow(0, slot.offset, slot.parameter.numel()).view(slot.parameter.sizes());
  if (slot.ready) {
    // A second gradient in the same backward (a reentrant backward, activation checkpointing):
    // added while its bucket waits; once the bucket is on its way it would be lost.
    TORCH_CHECK(!bucket.collective, "a parameter got a second gradient after its all-reduce bucket had started");
    view.add_(grad);
    return;
  }
  const auto& accumulated = slot.parameter.grad();
  // .grad as a view of the bucket (kept from the last step instead of dropped) would be
  // overwritten below before it is read.
  TORCH_CHECK(!accumulated.defined() || !accumulated.is_alias_of(bucket.flat),
              "drop the gradients (zero_grad_to_none) before a data-parallel step");
  view.copy_(grad);
  // The same sum AccumulateGrad forms (addition commutes exactly), so the result does not depend
  // on whether this parameter's bucket went early or in finish().
  if (accumulated.defined()) view.add_(accumulated);
  slot.ready = true;
  if (--bucket.pending == 0) {
    const std::size_t before = next_bucket_;
    start_ready_buckets();
    overlapped_ += next_bucket_ - before;
  }
}

void GradientReducer::start_ready_buckets() {
  while (next_bucket_ < buckets_.size() && buckets_[next_bucket_].pending == 0) start(next_bucket_++);
}

void GradientReducer::start(std::size_t b) {
  buckets_[b].collective = comm_.start_all_reduce_sum(buckets_[b].flat);
}

void GradientReducer::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!armed_) reset();  // nothing went during backward: every bucket starts below
  armed_ = false;
  torch::NoGradGuard no_grad;
  // Parameters backward did not reach in the last micro-batch: what earlier ones left, or zeros.
  for (auto& slot : slots_) {
    if (slot.ready) continue;
    auto& bucket = buckets_[slot.bucket];
    auto view = bucket.flat.narrow(0, slot.offset, slot.parameter.numel());
    const auto& grad = slot.parameter.grad();
    if (grad.defined()) view.copy_(grad.reshape({-1}));
    else view.zero_();
    slot.ready = true;
    --bucket.pending;
  }
  start_ready_buckets();
  const double ranks = comm_.world_size();
  for (auto& bucket : buckets_) {
    bucket.collective->wait();
    bucket.collective.reset();
    bucket.flat.div_(ranks);
  }
  for (auto& slot : slots_)
    slot.parameter.mutable_grad() =
        buckets_[slot.bucket].flat.narrow(0, slot.offset, slot.parameter.numel()).view(slot.parameter.sizes());
}

}  // namespace wb
