// What a corpus may be called: the name a spec gives in data.corpus (and the other corpus
// fields) and `workbench-cli data import NAME` stores the corpus under.
#pragma once

#include <string>

namespace wb {

// What the errors about a bad name tell the user to do.
inline constexpr const char* kCorpusNameRule =
    "use 1-100 letters, digits, '-', '_' or '.' (not first), e.g. \"my-notes\"";

// 1-100 letters, digits, '-', '_' or '.', not starting with '.'.
inline bool is_corpus_name(const std::string& name) {
  bool ok = !name.empty() && name.size() <= 100 && name.front() != '.';
  for (char c : name)
    ok = ok && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
                c == '.');
  return ok;
}

}  // namespace wb
