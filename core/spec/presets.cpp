// Looks up the presets embedded at build time (see cmake/EmbedPresets.cmake).
#include "spec/presets.hpp"

#include <string_view>
#include <utility>

namespace wb {

const std::vector<std::pair<std::string_view, std::string_view>>& embedded_presets();

std::vector<Preset> presets() {
  std::vector<Preset> out;
  for (const auto& [name, text] : embedded_presets()) {
    auto document = nlohmann::json::parse(text, nullptr, true, /*ignore_comments=*/true);
    out.push_back({std::string(name), document.value("description", ""), std::move(document)});
  }
  return out;
}

std::optional<Preset> find_preset(const std::string& name) {
  for (auto& preset : presets())
    if (preset.name == name) return preset;
  return std::nullopt;
}

}  // namespace wb
