// Finds and dlopens libwb_sentencepiece.so with RTLD_LOCAL | RTLD_DEEPBIND (see the header for why).
#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <vector>

#include "common/errors.hpp"
#include "data/sentencepiece_module/sentencepiece_backend.hpp"

namespace wb {
namespace {

constexpr const char* kModuleName = "libwb_sentencepiece.so";

std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

std::vector<std::filesystem::path> candidates() {
  std::vector<std::filesystem::path> out;
  if (const char* env = std::getenv("WB_SENTENCEPIECE_MODULE"); env && *env) out.emplace_back(env);
  const auto dir = executable_dir();
  if (!dir.empty()) {
    out.push_back(dir / kModuleName);
    out.push_back(dir / "../lib/repetition-workbench" / kModuleName);
  }
#ifdef WB_SENTENCEPIECE_MODULE_BUILD_PATH
  out.emplace_back(WB_SENTENCEPIECE_MODULE_BUILD_PATH);
#endif
  return out;
}

const SentencePieceBackend* load_backend() {
  std::string tried;
  for (const auto& path : candidates()) {
    if (!std::filesystem::exists(path)) {
      tried += "\n  " + path.string() + " (missing)";
      continue;
    }
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (!handle) {
      tried += "\n  " + path.string() + " (" + dlerror() + ")";
      continue;
    }
    auto entry = reinterpret_cast<SentencePieceBackendEntry>(dlsym(handle, "wb_sentencepiece_backend"));
    if (entry) return entry();
    tried += "\n  " + path.string() + " (no wb_sentencepiece_backend symbol)";
  }
  throw DataError("the SentencePiece module " + std::string(kModuleName) + " could not be loaded; tried:" + tried,
                  "build the project again (it builds the module beside workbench-cli), set "
                  "WB_SENTENCEPIECE_MODULE to its path, or use a char or byte tokenizer");
}

}  // namespace

const SentencePieceBackend& sentencepiece_backend() {
  static std::once_flag once;
  static const SentencePieceBackend* backend = nullptr;
  std::call_once(once, [] { backend = load_backend(); });
  return *backend;
}

}  // namespace wb
