// What a user reads of an exception: c10::Error's what() carries a C++ backtrace ("frame #0" ...
// dozens of lines) that says nothing to someone who did not write LibTorch; its message does.
#pragma once

#include <c10/util/Exception.h>

#include <exception>
#include <string>

namespace wb {

inline std::string error_text(const std::exception& e) {
  if (const auto* torch_error = dynamic_cast<const c10::Error*>(&e)) return torch_error->what_without_backtrace();
  return e.what();
}

}  // namespace wb
