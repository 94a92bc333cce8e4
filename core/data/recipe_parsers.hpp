// Pure text conversions used by the built-in corpus recipes: each turns what a package ships
// (tagged Brown files, `bible` / `diatheke` output, fortune files, rendered man pages) into clean
// documents. No I/O here, so each is tested on small inline samples.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace wb {

struct NamedText {
  std::string name;  // "Genesis", "Psalms 23", ...
  std::string text;
};

// --- Brown Corpus (brown_parser.cpp) ---
// True for the 500 sample files ca01 ... cr09 (not CONTENTS, README, cats.txt, ...).
bool is_brown_sample_name(std::string_view file_name);
// One tagged sample ("The/at jury/nn said/vbd ``/`` ...") as plain text: tags removed, `` and ''
// turned into ", no space before closing punctuation or after opening brackets and quotes,
// sentences of a paragraph joined by spaces, paragraphs separated by a blank line, headlines
// (every tag ending in -hl) on a line of their own.
std::string brown_to_text(std::string_view tagged);
// Joins tokens with spaces except where punctuation attaches to its neighbour.
std::string detokenize(const std::vector<std::string>& tokens);

// --- Bibles and commentaries (bible_parsers.cpp) ---
// The output of `bible gen1:1-rev22:21` (package bible-kjv): one text per book, verse numbers
// dropped, wrapped verse lines re-joined, one verse per line, a blank line between chapters.
std::vector<NamedText> split_kjv_books(std::string_view bible_output);

enum class SwordGrouping { kByBook, kByChapter };
// The output of `diatheke -f internal|OSIS -k RANGE`: one entry per line, "BOOK C:V: markup",
// grouped into one text per book or per chapter ("Psalms 23"). diatheke repeats the last
// pre-verse heading (a psalm title) before every later entry; it is kept only where it changes.
std::vector<NamedText> split_sword_output(std::string_view output, SwordGrouping grouping);
// OSIS / internal markup as text: titles and paragraphs on their own lines, footnotes dropped,
// entities decoded, the spaces that the WEB module loses between <w> elements restored.
std::string osis_to_text(std::string_view markup);

// --- Fortunes and man pages (plain_text_parsers.cpp) ---
// A fortune file: entries separated by lines holding only "%"; ANSI colour codes removed.
std::vector<std::string> split_fortunes(std::string_view file);
std::string strip_ansi_escapes(std::string_view text);
// Terminal overstrikes from groff/grotty ("B\bB" bold, "_\bx" underline) as plain text, as
// `col -b` does (UTF-8 aware: a backspace erases one code point).
std::string strip_overstrikes(std::string_view text);
// Trailing spaces removed from every line, runs of blank lines cut to one, no leading or trailing
// blank lines.
std::string tidy_lines(std::string_view text);

}  // namespace wb
