// POSIX shell quoting for every command line that a shell will read: a remote command sent over
// ssh, a line of an sbatch script. A quoted word is always one word and never expands, whatever
// it holds (spaces, quotes, $(...), backticks, newlines, leading dashes are the caller's concern).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wb {

// `word` as one POSIX shell word: unchanged when it holds only safe characters
// ([A-Za-z0-9_@%+=:,./-], not empty), else in single quotes with each ' written as '\''.
std::string shell_quote(std::string_view word);

// The words quoted and joined by single spaces: a command line a shell runs as exactly these argv.
// The first word is also quoted when it holds '=' (else a shell reads FOO=bar as an assignment).
std::string shell_join(const std::vector<std::string>& words);

}  // namespace wb
