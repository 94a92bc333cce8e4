// Parsing ssh:// targets strictly: a host or user that ssh could read as an option, or that a
// shell could read as syntax, is refused here rather than quoted, since ssh itself (and
// ~/.ssh/config's %h tokens, ProxyCommand) may hand it to a shell.
#include "launch/ssh_target.hpp"

#include <cctype>
#include <cstdlib>

#include "common/errors.hpp"
#include "launch/shell_quote.hpp"

namespace wb {
namespace {

constexpr std::string_view kScheme = "ssh://";
constexpr const char* kExample = "e.g. ssh://gpu1, ssh://alice@gpu1.example.org:2222, ssh://[::1]:2222";

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == '_';
}

// Shows a refused part with control characters visible ("a\nb"), so the message itself is safe.
std::string visible(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (c == '\n') out += "\\n";
    else if (c < 0x20 || c == 0x7f) out += "\\x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
    else out += static_cast<char>(c);
  }
  return out;
}

[[noreturn]] void refuse(std::string_view text, const std::string& why) {
  throw UserError(ExitCode::kUsage, "run target \"" + visible(text) + "\": " + why,
                  std::string("write it as ssh://[user@]host[:port], ") + kExample);
}

void check_name(std::string_view text, std::string_view name, const char* what) {
  if (name.empty()) refuse(text, std::string(what) + " is empty");
  if (name.front() == '-')
    refuse(text, std::string(what) + " \"" + visible(name) + "\" starts with '-' (ssh would read it as an option)");
  for (char c : name)
    if (!is_name_char(c))
      refuse(text, std::string(what) + " \"" + visible(name) + "\" holds '" + visible(std::string_view(&c, 1)) +
                       "'; allowed: letters, digits, '.', '-', '_'");
}

}  // namespace

std::string SshTarget::display() const {
  std::string out(kScheme);
  if (!user.empty()) out += user + "@";
  out += host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (port != 0) out += ":" + std::to_string(port);
  return out;
}

bool is_ssh_target(std::string_view text) { return text.substr(0, kScheme.size()) == kScheme; }

SshTarget parse_ssh_target(std::string_view text) {
  if (!is_ssh_target(text)) refuse(text, "not an ssh:// target");
  std::string_view rest = text.substr(kScheme.size());
  if (rest.find_first_of("/?#") != std::string_view::npos) refuse(text, "nothing may follow the host and port");
  SshTarget target;
  if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
    target.user = std::string(rest.substr(0, at));
    check_name(text, target.user, "the user");
    rest = rest.substr(at + 1);
  }
  std::string_view port;
  if (!rest.empty() && rest.front() == '[') {  // [IPv6]
    const auto close = rest.find(']');
    if (close == std::string_view::npos) refuse(text, "an IPv6 address needs its closing ']'");
    target.host = std::string(rest.substr(1, close - 1));
    if (target.host.empty()) refuse(text, "the host is empty");
    for (char c : target.host)
      if (!std::isxdigit(static_cast<unsigned char>(c)) && c != ':' && c != '.')
        refuse(text, "the IPv6 address \"" + visible(target.host) + "\" holds '" + visible(std::string_view(&c, 1)) + "'");
    rest = rest.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') refuse(text, "only a :port may follow the IPv6 address");
    if (!rest.empty()) port = rest.substr(1), rest = {};
  } else {
    if (const auto colon = rest.find(':'); colon != std::string_view::npos) {
      port = rest.substr(colon + 1);
      rest = rest.substr(0, colon);
      if (port.empty()) refuse(text, "the port after ':' is empty");
    }
    target.host = std::string(rest);
    check_name(text, target.host, "the host");
  }
  if (!port.empty() || (text.back() == ':')) {
    int value = 0;
    bool ok = !port.empty() && port.size() <= 5;
    for (char c : port) {
      ok = ok && c >= '0' && c <= '9';
      if (ok) value = value * 10 + (c - '0');
    }
    if (!ok || value < 1 || value > 65535)
      refuse(text, "the port \"" + visible(port) + "\" is not a number from 1 to 65535");
    target.port = value;
  }
  return target;
}

std::string ssh_program() {
  const char* program = std::getenv("WB_SSH");
  return program && *program ? program : "ssh";
}

std::vector<std::string> ssh_argv(const SshTarget& target, const std::vector<std::string>& extra_options,
                                  const std::vector<std::string>& remote_words) {
  std::vector<std::string> argv = {ssh_program(), "-o", "BatchMode=yes", "-o", "ServerAliveInterval=15",
                                   "-o", "ServerAliveCountMax=3"};
  for (const auto& option : extra_options) {
    argv.push_back("-o");
    argv.push_back(option);
  }
  argv.insert(argv.end(), {"-o", "ConnectTimeout=15"});
  if (!target.user.empty()) argv.insert(argv.end(), {"-l", target.user});
  if (target.port != 0) argv.insert(argv.end(), {"-p", std::to_string(target.port)});
  // -T: no terminal (the event stream is binary-clean lines); "--": the host is never an option.
  argv.insert(argv.end(), {"-T", "--", target.host, shell_join(remote_words)});
  return argv;
}

}  // namespace wb
