// error_text: a c10::Error's message without its backtrace; see error_text.hpp.
#include "train/error_text.hpp"

#include <c10/util/Exception.h>

namespace wb {

std::string error_text(const std::exception& e) {
  if (const auto* torch_error = dynamic_cast<const c10::Error*>(&e)) return torch_error->what_without_backtrace();
  return e.what();
}

}  // namespace wb
