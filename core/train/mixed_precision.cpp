// The bf16 capability query behind uses_bf16_autocast; see mixed_precision.hpp.
#include "train/mixed_precision.hpp"

#include <utility>

namespace wb {
namespace {

std::function<bool(int)>& bf16_query() {
  static std::function<bool(int)> query;
  return query;
}

}  // namespace

bool uses_bf16_autocast(const c10::Device& device) {
  if (!device.is_cuda()) return false;
  const auto& query = bf16_query();
  return !query || query(device.has_index() ? device.index() : 0);
}

void install_bf16_query(std::function<bool(int)> has_bf16) { bf16_query() = std::move(has_bf16); }

}  // namespace wb
