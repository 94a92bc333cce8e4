// shell_quote: a table of hostile words, each checked by a real /bin/sh that must print it back
// unchanged as one argument (nothing expands, nothing runs).
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "launch/shell_quote.hpp"
#include "launch/shell_words.hpp"

namespace wb {
namespace {

TEST(ShellQuote, QuotesOnlyWhatNeedsIt) {
  const struct {
    std::string word, quoted;
  } cases[] = {
      {"plain", "plain"},
      {"/home/a/runs.db", "/home/a/runs.db"},
      {"user@host:2222", "user@host:2222"},
      {"", "''"},
      {"two words", "'two words'"},
      {"it's", "'it'\\''s'"},
      {"$(touch x)", "'$(touch x)'"},
      {"a;b", "'a;b'"},
  };
  for (const auto& c : cases) EXPECT_EQ(shell_quote(c.word), c.quoted) << c.word;
  EXPECT_EQ(shell_join({"workbench-cli", "run", "my spec.json"}), "workbench-cli run 'my spec.json'");
}

TEST(ShellQuote, AShellReadsEveryHostileWordBackAsOneArgument) {
  const std::string words[] = {"$(echo pwned)", "`echo pwned`", "a'b\"c", "x; echo pwned", "line\nbreak",
                               "*", "~", "$HOME", "a\\b", "' ; echo pwned ; '", "-n", "a|b&c>d<e"};
  for (const auto& w : words) EXPECT_EQ(test::shell_words(shell_quote(w)), w + "|") << w;
}

// A first word like NAME=value (a --remote-cli of that name) is run as the command, not taken for
// an assignment that would make the next word the command.
TEST(ShellQuote, AFirstWordWithAnEqualsSignIsTheCommandNotAnAssignment) {
  EXPECT_EQ(shell_join({"A=1", "B=2"}), "'A=1' B=2");
  const std::string line = "/bin/sh -c " + shell_quote(shell_join({"WB_NO_SUCH=1", "true"})) + " 2>/dev/null";
  EXPECT_NE(std::system(line.c_str()), 0) << "sh ran `true` after an assignment: " << shell_join({"WB_NO_SUCH=1", "true"});
}

}  // namespace
}  // namespace wb
