// ssh:// targets: a table of good and hostile targets (every hostile one refused with a message
// naming the bad part), and the ssh argv: fixed options, user/port flags, "--" before the host,
// the remote command as one quoted word that a shell splits back into exactly the given words.
#include <gtest/gtest.h>

#include <string>

#include "common/errors.hpp"
#include "launch/shell_quote.hpp"
#include "launch/shell_words.hpp"
#include "launch/ssh_target.hpp"

namespace wb {
namespace {

TEST(SshTarget, ParsesWhatSshAccepts) {
  const struct {
    std::string text;
    SshTarget expected;
  } cases[] = {
      {"ssh://gpu1", {"", "gpu1", 0}},
      {"ssh://alice@gpu1.example.org", {"alice", "gpu1.example.org", 0}},
      {"ssh://alice@gpu1:2222", {"alice", "gpu1", 2222}},
      {"ssh://127.0.0.1:22", {"", "127.0.0.1", 22}},
      {"ssh://[::1]:65535", {"", "::1", 65535}},
      {"ssh://bob_2@[fe80::1]", {"bob_2", "fe80::1", 0}},
      {"ssh://my-alias_1", {"", "my-alias_1", 0}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(parse_ssh_target(c.text), c.expected);
    EXPECT_EQ(parse_ssh_target(c.text).display(), c.text);
  }
}

TEST(SshTarget, RefusesHostileAndMalformedTargetsNamingThePart) {
  const struct {
    std::string text, message_part;
  } cases[] = {
      {"gpu1", "not an ssh:// target"},
      {"ssh://", "the host is empty"},
      {"ssh://-oProxyCommand=touch x", "starts with '-'"},
      {"ssh://-p", "starts with '-'"},
      {"ssh://-l@host", "the user \"-l\" starts with '-'"},
      {"ssh://host;touch x", "holds ';'"},
      {"ssh://$(touch x)", "holds '$'"},
      {"ssh://`touch x`", "holds '`'"},
      {"ssh://host name", "holds ' '"},
      {"ssh://host\nname", "holds '\\n'"},
      {"ssh://host\tx", "holds '\\x09'"},
      {"ssh://a'b", "holds '''"},
      {"ssh://a\"b", "holds '\"'"},
      {"ssh://us er@host", "the user \"us er\""},
      {"ssh://@host", "the user is empty"},
      {"ssh://host:", "the port after ':' is empty"},
      {"ssh://host:0", "not a number from 1 to 65535"},
      {"ssh://host:65536", "not a number from 1 to 65535"},
      {"ssh://host:22x", "not a number"},
      {"ssh://host:-22", "not a number"},
      {"ssh://host:2:2", "not a number"},
      {"ssh://host/path", "nothing may follow"},
      {"ssh://host?x", "nothing may follow"},
      {"ssh://[::1", "closing ']'"},
      {"ssh://[::1;id]", "holds ';'"},
      {"ssh://[::1]x", "only a :port"},
      {"ssh://[]", "the host is empty"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    try {
      parse_ssh_target(c.text);
      ADD_FAILURE() << "accepted";
    } catch (const UserError& e) {
      EXPECT_EQ(e.code(), ExitCode::kUsage);
      EXPECT_NE(std::string(e.what()).find(c.message_part), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "control characters are shown escaped";
      EXPECT_FALSE(e.fix().empty());
    }
  }
}

TEST(SshTarget, ArgvPutsOptionsFirstTheHostAfterDashDashAndOneQuotedCommand) {
  unsetenv("WB_SSH");
  const auto argv = ssh_argv(parse_ssh_target("ssh://alice@gpu1:2222"), {"ConnectTimeout=5"},
                             {"/opt/wb/workbench-cli", "--home", "/data/my home", "tail", "20261206-a1"});
  const std::vector<std::string> expected = {
      "ssh", "-o", "BatchMode=yes", "-o", "ServerAliveInterval=15", "-o", "ServerAliveCountMax=3", "-o",
      "ConnectTimeout=5", "-o", "ConnectTimeout=15", "-l", "alice", "-p", "2222", "-T", "--", "gpu1",
      "/opt/wb/workbench-cli --home '/data/my home' tail 20261206-a1"};
  EXPECT_EQ(argv, expected);
  EXPECT_EQ(ssh_argv(parse_ssh_target("ssh://gpu1"), {}, {"x"}).size(), 13u) << "no -l, no -p by default";
  setenv("WB_SSH", "/tmp/my-ssh", 1);
  EXPECT_EQ(ssh_argv(parse_ssh_target("ssh://gpu1"), {}, {"x"}).front(), "/tmp/my-ssh");
  unsetenv("WB_SSH");
}

TEST(SshTarget, TheRemoteCommandSplitsBackIntoExactlyItsWords) {
  const std::vector<std::string> words = {"workbench-cli", "--home", "/h/$(touch x)", "`id`", "a;b", "it's",
                                          "two\nlines", "-o", "\"q\""};
  std::string expected;
  for (const auto& w : words) expected += w + "|";
  EXPECT_EQ(test::shell_words(ssh_argv(parse_ssh_target("ssh://h"), {}, words).back()), expected);
}

}  // namespace
}  // namespace wb
