// Launch folders: ids, paths, the training process's state, and reading whole lines.
#include "remote/launch_folder.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "common/utc_time.hpp"

namespace wb {

std::string new_launch_id(std::chrono::system_clock::time_point now, std::uint64_t random) {
  std::string id = utc_time("%Y%m%d-%H%M%S-", std::chrono::system_clock::to_time_t(now));
  constexpr std::string_view kAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (int i = 0; i < 6; ++i, random /= kAlphabet.size()) id += kAlphabet[random % kAlphabet.size()];
  return id;
}

bool is_launch_id(std::string_view text) {
  if (text.empty() || text.size() > 64 || text.front() == '-') return false;
  for (char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

bool looks_like_new_launch_id(std::string_view text) {
  if (text.size() != 22 || text[8] != '-' || text[15] != '-') return false;
  for (std::size_t i = 0; i < 15; ++i)
    if (i != 8 && (text[i] < '0' || text[i] > '9')) return false;
  return true;
}

LaunchFolder LaunchFolder::of(const Workspace& workspace, const std::string& id) {
  if (!is_launch_id(id))
    throw UserError(ExitCode::kUsage, nlohmann::json(id).dump() + " is not a launch id",
                    "give the id that `workbench-cli start` printed, e.g. 20261206-140512-k3x9q2 "
                    "(`workbench-cli launches` lists them)");
  return {id, workspace.root / "launches" / id};
}

LaunchFolder LaunchFolder::existing(const Workspace& workspace, const std::string& id) {
  auto launch = of(workspace, id);
  if (!std::filesystem::is_directory(launch.dir))
    throw UserError(ExitCode::kUsage, "no launch " + id + " in " + launch.dir.parent_path().string(),
                    id.find_first_not_of("0123456789") == std::string::npos
                        ? id + " looks like a run id (`runs`, `show` and `resume` take those); launch ids look like "
                          "20261207-152649-zmm0j8: `workbench-cli launches` lists them"
                        : "`workbench-cli launches` lists this workspace's launches; check the id and --home (the "
                          "host's workspace that `start` used)");
  return launch;
}

namespace {

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// True when `pid` runs a command line that names this launch (a recycled pid would not).
bool runs_launch(std::int64_t pid, const std::string& id) {
  if (pid <= 0 || (kill(static_cast<pid_t>(pid), 0) != 0 && errno != EPERM)) return false;
  const std::string cmdline = read_all("/proc/" + std::to_string(pid) + "/cmdline");
  return cmdline.empty() /* no /proc: trust the pid */ || cmdline.find(id) != std::string::npos;
}

}  // namespace

std::string LaunchProcess::describe() const {
  if (exit_code) return "exited with status " + std::to_string(*exit_code);
  if (signal) return "was killed by signal " + std::to_string(*signal) + " (" + strsignal(*signal) + ")";
  if (pid == 0) return "never started (no pid file)";
  return alive ? "is running (pid " + std::to_string(pid) + ")"
               : "is gone without an exit status (pid " + std::to_string(pid) + "; killed with its supervisor?)";
}

LaunchProcess launch_process(const LaunchFolder& launch) {
  LaunchProcess p;
  try {
    const auto status = nlohmann::json::parse(read_all(launch.exit_file()));
    if (status.contains("code")) p.exit_code = status["code"].get<int>();
    if (status.contains("signal")) p.signal = status["signal"].get<int>();
  } catch (const nlohmann::json::exception&) {
    // not there yet (still running) or being written: decided by the pid below
  }
  const std::string pid = read_all(launch.pid_file());
  if (!pid.empty()) p.pid = std::stoll(pid);
  p.alive = !p.exit_code && !p.signal && runs_launch(p.pid, launch.id);
  return p;
}

void write_file_atomically(const std::filesystem::path& path, const std::string& text) {
  const auto temporary = path.string() + ".tmp" + std::to_string(getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out)
      throw UserError(ExitCode::kRuntime, "cannot write " + temporary, "check the folder's permissions and free space");
  }
  std::filesystem::rename(temporary, path);
}

std::string read_whole_lines(const std::filesystem::path& path, std::int64_t offset, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in || !in.seekg(offset)) return {};
  std::string bytes(max_bytes, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  const auto last = bytes.rfind('\n');
  if (last == std::string::npos) {
    // One line longer than max_bytes: read on until its end rather than never sending it.
    if (bytes.size() < max_bytes) return {};
    return read_whole_lines(path, offset, max_bytes * 2);
  }
  bytes.resize(last + 1);
  return bytes;
}

std::string last_lines(const std::filesystem::path& path, int lines) {
  const std::string text = read_all(path);
  std::size_t start = text.size();
  if (start > 0 && text[start - 1] == '\n') --start;
  for (int n = 0; n < lines && start > 0; ++n) {
    start = text.rfind('\n', start - 1);
    if (start == std::string::npos) return text;
  }
  return text.substr(start == 0 ? 0 : start + 1);
}

}  // namespace wb
