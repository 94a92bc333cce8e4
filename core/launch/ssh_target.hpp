// ssh:// run targets: `ssh://[user@]host[:port]` parsed and checked (pure), and the argv of the
// system ssh that runs one remote command there. The remote command is one shell-quoted string,
// so no host name, path or run name reaches a shell as anything but data.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wb {

struct SshTarget {
  std::string user;  // empty: ssh decides (~/.ssh/config, the local user name)
  std::string host;  // a host name, an alias of ~/.ssh/config, an IPv4 address or an IPv6 one
  int port = 0;      // 0: ssh decides (~/.ssh/config, 22)
  // "ssh://user@host:port" as the user would write it back (IPv6 in brackets).
  std::string display() const;
  bool operator==(const SshTarget&) const = default;
};

// True for text that names an ssh target (starts with "ssh://"), whether valid or not.
bool is_ssh_target(std::string_view text);

// Parses "ssh://[user@]host[:port]" (IPv6 as "[::1]"). Throws UserError (usage) naming the bad
// part: a host or user that starts with '-' (ssh would read it as an option, e.g.
// "-oProxyCommand=..."), holds whitespace, control or shell characters, an empty host, a port
// outside 1..65535, a path or query after the host.
SshTarget parse_ssh_target(std::string_view text);

// The ssh program: $WB_SSH when set (a wrapper that adds -F CONFIG, as the tests do), else "ssh".
std::string ssh_program();

// argv that runs `remote_words` (argv on the remote host, each word shell-quoted) on `target`:
//   ssh -o BatchMode=yes -o ServerAliveInterval=15 -o ServerAliveCountMax=3 [-o OPT...]
//       -o ConnectTimeout=15 [-l USER] [-p PORT] -T -- HOST 'quoted words'
// BatchMode: never prompt (a launcher has no terminal); keep-alives: a dead link ends ssh within
// ~45 s, so the follower reconnects; ConnectTimeout: a host that drops packets fails in 15 s, not
// the system's ~2 min. `extra_options` are passed as `-o OPT` each, before ConnectTimeout: ssh
// keeps an option's first value, so `ConnectTimeout=N` among them wins.
std::vector<std::string> ssh_argv(const SshTarget& target, const std::vector<std::string>& extra_options,
                                  const std::vector<std::string>& remote_words);

}  // namespace wb
