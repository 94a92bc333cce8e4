// A deterministic synthetic corpus for tests that need text with structure (word-like tokens in
// sentence-like documents) without shipping data: same seed, same text, on every platform.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "common/temp_dir.hpp"

namespace wb::test {

inline std::vector<std::string> synthetic_documents(int documents, int words_per_document, std::uint64_t seed = 7) {
  static const char* kWords[] = {"the", "data", "model", "repeats", "tokens", "epoch", "loss", "rises",
                                 "when", "unique", "text", "runs", "out", "and", "learning", "slows"};
  std::uint64_t state = seed;
  auto next = [&state] {  // LCG (Knuth MMIX): portable and fixed
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(state >> 33);
  };
  std::vector<std::string> out;
  for (int d = 0; d < documents; ++d) {
    std::string doc;
    for (int w = 0; w < words_per_document; ++w) {
      doc += kWords[next() % 16];
      doc += (w % 9 == 8) ? ".\n" : " ";
    }
    out.push_back(doc);
  }
  return out;
}

// The documents as FOLDER/d100.txt, d101.txt, ...: a folder `workbench-cli data import NAME --from
// FOLDER` reads as one corpus. Returns the folder.
inline std::filesystem::path write_synthetic_folder(const std::filesystem::path& folder, int documents = 30,
                                                    int words_per_document = 150) {
  const auto docs = synthetic_documents(documents, words_per_document);
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::string name = "d";  // built step by step: GCC 12 warns (-Wrestrict) on "d" + to_string(...) here
    name += std::to_string(100 + i);
    name += ".txt";
    write_file(folder / name, docs[i]);
  }
  return folder;
}

}  // namespace wb::test
