// Turns the output of `bible` (KJV) and `diatheke` (SWORD modules: WEB, Treasury of David) into
// one clean text per book or per chapter.
#include <cctype>
#include <cstdint>
#include <string>

#include "data/recipe_parsers.hpp"

namespace wb {

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_book_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == ' ' || c == '(' || c == ')';
}
bool is_blank_line(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// Reads digits at `pos`; returns the number of digits read.
std::size_t skip_digits(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < s.size() && is_digit(s[pos + n])) ++n;
  return n;
}

// Adds text to the named group that is last in `groups`, or opens a new group.
NamedText& group_for(std::vector<NamedText>& groups, const std::string& name) {
  if (groups.empty() || groups.back().name != name) groups.push_back({name, ""});
  return groups.back();
}

// "Genesis 1" -> "Genesis"; empty when the line is not a chapter heading.
std::string kjv_heading_book(std::string_view line) {
  const auto space = line.rfind(' ');
  if (space == std::string_view::npos || space == 0 || line.front() == ' ') return {};
  const std::string_view number = line.substr(space + 1);
  if (number.empty() || skip_digits(number, 0) != number.size()) return {};
  return std::string(line.substr(0, space));
}

struct SwordEntry {
  std::string heading;  // a pre-verse heading printed before the reference, if any
  std::string book;     // "Psalms"
  std::string chapter;  // "23"
  std::string_view markup;
};

// Parses "[HEADING  ]BOOK C:V: MARKUP". False for lines that are not an entry.
bool parse_sword_entry(std::string_view line, SwordEntry& entry) {
  // The reference is the first "C:V: " within the first few hundred bytes.
  const std::size_t limit = std::min<std::size_t>(line.size(), 600);
  for (std::size_t colon = 1; colon + 2 < limit; ++colon) {
    if (line[colon] != ':' || !is_digit(line[colon - 1]) || !is_digit(line[colon + 1])) continue;
    const std::size_t verse_digits = skip_digits(line, colon + 1);
    const std::size_t after = colon + 1 + verse_digits;
    const std::string_view rest = line.substr(after);
    if (!rest.starts_with(": ") && rest != ":") continue;  // "Psalms 1:2:" is an empty entry
    std::size_t chapter_begin = colon;
    while (chapter_begin > 0 && is_digit(line[chapter_begin - 1])) --chapter_begin;
    if (chapter_begin < 2 || line[chapter_begin - 1] != ' ') continue;
    // The book name ("I Samuel", "Esther (Greek)") runs back to the line start, to the two
    // spaces after a plain heading, or to the '>' that ends a heading in markup.
    const std::size_t book_end = chapter_begin - 1;
    std::size_t book_begin = book_end;
    while (book_begin > 0 && is_book_name_char(line[book_begin - 1]) &&
           !(line[book_begin - 1] == ' ' && book_begin >= 2 && line[book_begin - 2] == ' '))
      --book_begin;
    while (book_begin < book_end && line[book_begin] == ' ') ++book_begin;
    const std::string_view book = line.substr(book_begin, book_end - book_begin);
    if (book.empty() || book.size() > 40) continue;
    entry.heading = std::string(line.substr(0, book_begin));
    entry.book = std::string(book);
    entry.chapter = std::string(line.substr(chapter_begin, colon - chapter_begin));
    entry.markup = rest.size() >= 2 ? rest.substr(2) : std::string_view{};
    return true;
  }
  return false;
}

void append_entity(std::string& out, std::string_view entity) {
  if (entity == "amp") out += '&';
  else if (entity == "lt") out += '<';
  else if (entity == "gt") out += '>';
  else if (entity == "quot") out += '"';
  else if (entity == "apos") out += '\'';
  else if (entity == "nbsp") out += ' ';
  else out.append("&").append(entity).append(";");  // unknown: keep as written
}

// Poetry lines, list items, line breaks: a new line at their start (not at an end marker).
bool starts_line(std::string_view name, std::string_view tag, bool closing) {
  if (closing || tag.find("eID=") != std::string_view::npos) return false;
  return name == "l" || name == "item" || name == "br" || name == "lb" ||
         (name == "milestone" && tag.find("\"line\"") != std::string_view::npos);
}

// Collapses runs of spaces, trims around line breaks, keeps at most one blank line.
std::string collapse_spaces(std::string_view text) {
  std::string spaced;
  spaced.reserve(text.size());
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      if (!spaced.empty() && spaced.back() != ' ' && spaced.back() != '\n') spaced += ' ';
    } else {
      if (c == '\n' && !spaced.empty() && spaced.back() == ' ') spaced.pop_back();
      spaced += c;
    }
  }
  return tidy_lines(spaced);
}

}  // namespace

std::vector<NamedText> split_kjv_books(std::string_view bible_output) {
  std::vector<NamedText> books;
  const auto lines = split_lines(bible_output);
  std::string verse;  // the verse being read, wrapped lines joined
  auto end_verse = [&] {
    if (!verse.empty() && !books.empty()) books.back().text += verse + "\n";
    verse.clear();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    // A chapter heading ("Genesis 1") stands between blank lines.
    const bool headed = (i == 0 || is_blank_line(lines[i - 1])) &&
                        (i + 1 == lines.size() || is_blank_line(lines[i + 1]));
    if (const std::string book = headed ? kjv_heading_book(line) : std::string(); !book.empty()) {
      end_verse();
      NamedText& group = group_for(books, book);
      group.text += group.text.empty() ? book + "\n\n" : "\n";  // blank line between chapters
      continue;
    }
    if (is_blank_line(line)) continue;
    std::size_t pos = line.find_first_not_of(' ');
    const std::size_t digits = skip_digits(line, pos);
    if (pos >= 2 && digits > 0 && pos + digits < line.size() && line[pos + digits] == ' ') {
      end_verse();  // "  12 text": a new verse; its number is dropped
      verse = std::string(line.substr(pos + digits + 1));
    } else if (!verse.empty()) {
      verse.append(" ").append(line.substr(pos));
    }
  }
  end_verse();
  for (auto& book : books) book.text = tidy_lines(book.text);
  return books;
}

std::vector<NamedText> split_sword_output(std::string_view output, SwordGrouping grouping) {
  std::vector<NamedText> groups;
  std::string last_heading;
  std::string last_chapter;
  for (const std::string_view line : split_lines(output)) {
    SwordEntry entry;
    if (!parse_sword_entry(line, entry)) {
      // A continuation of the previous entry (diatheke ends with "(MODULE)", which is not).
      if (!groups.empty() && !(line.starts_with('(') && line.ends_with(')')))
        groups.back().text += osis_to_text(line) + "\n";
      continue;
    }
    const std::string name = grouping == SwordGrouping::kByBook
                                 ? entry.book
                                 : entry.book + " " + entry.chapter;
    NamedText& group = group_for(groups, name);
    if (grouping == SwordGrouping::kByBook && group.text.empty()) group.text = entry.book + "\n\n";
    if (entry.chapter != last_chapter && grouping == SwordGrouping::kByBook) group.text += "\n";
    last_chapter = entry.chapter;
    // diatheke repeats a pre-verse heading before every later entry: keep it where it changes.
    const std::string heading = osis_to_text(entry.heading);
    const std::string text = osis_to_text(entry.markup);
    if (text.empty()) continue;  // a verse this module leaves empty
    if (!heading.empty() && heading != last_heading) group.text += heading + "\n";
    last_heading = heading;
    group.text += text + "\n";
  }
  std::vector<NamedText> kept;
  for (auto& group : groups) {
    group.text = tidy_lines(group.text);
    if (!group.text.empty() && group.text != group.name) kept.push_back(std::move(group));
  }
  return kept;
}

std::string osis_to_text(std::string_view markup) {
  std::string out;
  out.reserve(markup.size());
  int note_depth = 0;  // footnotes and cross references are not running text
  std::size_t pos = 0;
  while (pos < markup.size()) {
    const char c = markup[pos];
    if (c == '<') {
      const std::size_t close = markup.find('>', pos);
      if (close == std::string_view::npos) break;
      const std::string_view tag = markup.substr(pos + 1, close - pos - 1);
      pos = close + 1;
      const bool closing = tag.starts_with('/');
      const bool self_closing = tag.ends_with('/');
      std::string_view name = tag.substr(closing ? 1 : 0);
      name = name.substr(0, name.find_first_of(" /"));
      if (name == "note") {
        if (closing) note_depth = note_depth > 0 ? note_depth - 1 : 0;
        else if (!self_closing) ++note_depth;
      } else if (name == "title" || name == "div" || name == "chapter" || name == "lg" ||
                 name == "p" || name == "list") {
        out += "\n\n";
      } else if (starts_line(name, tag, closing)) {
        out += '\n';
      } else if (name == "w" && closing && pos < markup.size() && markup[pos] == '<') {
        out += ' ';  // WEB: "<w>God</w><w>created</w>" lost the space between the words
      }
      continue;
    }
    ++pos;
    if (note_depth > 0) continue;
    if (c == '&') {
      const std::size_t semicolon = markup.find(';', pos);
      if (semicolon != std::string_view::npos && semicolon - pos <= 8) {
        append_entity(out, markup.substr(pos, semicolon - pos));
        pos = semicolon + 1;
        continue;
      }
    }
    out += c;
    // WEB: "Jude</w>,<w>a" lost the space after the comma.
    if ((c == ',' || c == ';' || c == ':' || c == '.' || c == '!' || c == '?') &&
        markup.substr(pos).starts_with("<w"))
      out += ' ';
  }
  return collapse_spaces(out);
}

}  // namespace wb
