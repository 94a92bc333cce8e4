// The current (or a given) time in UTC, formatted with strftime: for file names, log headers and
// timestamps that must not depend on the machine's time zone.
#pragma once

#include <ctime>
#include <string>

namespace wb {

inline std::string utc_time(const char* format, std::time_t t = std::time(nullptr)) {
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[64];
  return std::string(text, std::strftime(text, sizeof text, format, &utc));
}

}  // namespace wb
