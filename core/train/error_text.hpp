// What a user reads of an exception: c10::Error's what() carries a C++ backtrace ("frame #0" ...
// dozens of lines) that says nothing to someone who did not write LibTorch; its message does.
// Declared without LibTorch: the CLI's catch sites include it.
#pragma once

#include <exception>
#include <string>

namespace wb {

std::string error_text(const std::exception& e);

}  // namespace wb
