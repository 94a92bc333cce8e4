// Windows -> objective rows -> tensors -> loss.
#include "train/batch_rows.hpp"

#include "data/portable_random.hpp"

namespace wb {
namespace {

// Copied without waiting, so the host goes on to the next batch while the GPU works.
torch::Tensor on_device(const std::vector<std::int64_t>& buffer, at::IntArrayRef shape, const torch::Device& device) {
  auto t = staged_for(buffer, shape, device);
  return device.is_cpu() ? t : t.to(device, torch::kLong, /*non_blocking=*/true);
}

}  // namespace

torch::Tensor staged_for(const std::vector<std::int64_t>& buffer, at::IntArrayRef shape, const torch::Device& device) {
  auto t = torch::from_blob(const_cast<std::int64_t*>(buffer.data()), shape, torch::kLong);  // only read
  return device.is_cpu() ? t : t.pin_memory();
}

void make_rows(const Objective& objective, int block_size, std::span<const std::int64_t> windows, std::size_t rows,
               std::uint64_t stream_seed, std::int64_t first_index, Rows& out) {
  const auto T = static_cast<std::size_t>(block_size);
  out.x.resize(rows * T);
  out.y.resize(rows * T);
  out.prefix.assign(rows, 0);
  out.causal = true;
  for (std::size_t r = 0; r < rows; ++r) {
    int prefix = 0;
    objective.make_row(windows.subspan(r * (T + 1), T + 1),
                       mix_seed(stream_seed, static_cast<std::uint64_t>(first_index) + r),
                       std::span(out.x).subspan(r * T, T), std::span(out.y).subspan(r * T, T), prefix);
    out.prefix[r] = prefix;
    out.causal = out.causal && prefix == 0;
  }
}

BatchLoss batch_loss(Gpt& model, Rows& batch, std::size_t rows, int block_size, const torch::Device& device,
                     double label_smoothing) {
  const auto n = static_cast<std::int64_t>(rows);
  const torch::Tensor prefix = batch.causal ? torch::Tensor() : on_device(batch.prefix, {n}, device);
  auto parts = model->compute_loss(on_device(batch.x, {n, block_size}, device),
                                   on_device(batch.y, {n, block_size}, device), prefix, label_smoothing);
  return {parts.total, parts.nll};
}

std::int64_t target_count(const Rows& batch, std::size_t rows, int block_size) {
  const auto end = batch.y.begin() + static_cast<std::ptrdiff_t>(rows * static_cast<std::size_t>(block_size));
  return std::count_if(batch.y.begin(), end, [](std::int64_t y) { return y != -1; });
}

}  // namespace wb
