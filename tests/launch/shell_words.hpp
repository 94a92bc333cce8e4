// What a real POSIX shell makes of a command line: its words, each followed by '|'. The tests of
// everything that builds command lines for a shell (shell quoting, ssh's remote command) read
// their output back through it.
#pragma once

#include <cstdio>
#include <string>

#include "launch/shell_quote.hpp"

namespace wb::test {

inline std::string shell_words(const std::string& command) {
  const std::string line = "/bin/sh -c " + shell_quote("set -- " + command + "; printf '%s|' \"$@\"");
  FILE* pipe = popen(line.c_str(), "r");
  std::string out;
  char buffer[256];
  while (pipe && std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
  if (pipe) pclose(pipe);
  return out;
}

}  // namespace wb::test
