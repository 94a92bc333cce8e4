// Tests of the recipe text conversions on small inline samples in each package's format (no
// package is installed or run here): Brown detokenization, bible and diatheke output, fortunes,
// man-page overstrikes.
#include <gtest/gtest.h>

#include "data/recipe_parsers.hpp"

namespace wb {
namespace {

TEST(DataRecipeParsers, BrownSampleNamesAreTheFiveHundredSamples) {
  EXPECT_TRUE(is_brown_sample_name("ca01"));
  EXPECT_TRUE(is_brown_sample_name("cr09"));
  for (const char* other : {"CONTENTS", "README", "cats.txt", "categories.pickle", "cs01", "ca1"})
    EXPECT_FALSE(is_brown_sample_name(other)) << other;
}

TEST(DataRecipeParsers, BrownTagsAreRemovedAndPunctuationAttached) {
  const std::string tagged =
      "\n\n\tThe/at jury/nn said/vbd ``/`` it/pps was/bedz fine/jj ''/'' ./.\n"
      "It/pps cost/vbd $/$ 5/cd (/( or/cc so/rb )/) ,/, and/cc nobody/pn didn't/dod* "
      "pay/vb ;/. the/at boys/nns '/' cars/nns left/vbd ?/.\n\n\n"
      "\tNews/nn-hl of/in-hl Atlanta/np-hl ./.-hl\n"
      "\tMr./np Smith/np Jr./np ./.\n";
  EXPECT_EQ(brown_to_text(tagged),
            "The jury said \"it was fine\". It cost $5 (or so), and nobody didn't pay; the boys' "
            "cars left?\n\n"
            "News of Atlanta.\n\n"
            "Mr. Smith Jr.");
}

TEST(DataRecipeParsers, DetokenizeJoinsTokensLikeText) {
  EXPECT_EQ(detokenize({"``", "Hello", "''", ",", "she", "said", "--", "twice", "."}),
            "\"Hello\", she said -- twice.");
  EXPECT_EQ(detokenize({}), "");
}

TEST(DataRecipeParsers, KjvOutputBecomesOneTextPerBook) {
  const std::string output =
      "\nGenesis 1\n\n"
      "  1 In the beginning God created the heaven and the earth.\n"
      "  2 And the earth was without form, and void; and darkness was upon the face of\n"
      "the deep.\n"
      "\nGenesis 2\n\n"
      "  1 Thus the heavens and the earth were finished.\n"
      "\n1 Samuel 1\n\n"
      "  1 Now there was a certain man of Ramathaimzophim, of mount Ephraim, and his name was\n"
      "Elkanah, the son of Jeroham, the son of Elihu, the son of Tohu, the son of Zuph, an\n"
      "Ephrathite:\n";
  const auto books = split_kjv_books(output);
  ASSERT_EQ(books.size(), 2u);
  EXPECT_EQ(books[0].name, "Genesis");
  EXPECT_EQ(books[0].text,
            "Genesis\n\n"
            "In the beginning God created the heaven and the earth.\n"
            "And the earth was without form, and void; and darkness was upon the face of the deep.\n"
            "\n"
            "Thus the heavens and the earth were finished.");
  EXPECT_EQ(books[1].name, "1 Samuel");
  EXPECT_EQ(books[1].text,
            "1 Samuel\n\nNow there was a certain man of Ramathaimzophim, of mount Ephraim, and his "
            "name was Elkanah, the son of Jeroham, the son of Elihu, the son of Tohu, the son of "
            "Zuph, an Ephrathite:");
}

// diatheke's quirks: a pre-verse heading repeated before later entries (plain or as markup),
// lost spaces between <w> elements, footnotes, empty verses, the "(MODULE)" trailer.
const char* const kDiathekeOutput =
    "Psalms 2:12: <w>Give</w> <w>homage</w>.<milestone type=\"line\"/>\n"
    "A Psalm by David.  Psalms 3:1: <w>Yahweh</w>,<w>how</w> <w>my</w><w>foes</w> increased!"
    "<milestone type=\"line\"/>\n"
    "A Psalm by David.  Psalms 3:2: Many &amp; more.<milestone type=\"line\"/>\n"
    "A Psalm by David.  Psalms 4:1: <title>Heading</title>Answer me.<note>a footnote</note>"
    "<milestone type=\"line\"/>\n"
    "<title type=\"psalm\">A Psalm by David.</title> <l sID=\"x\"/>Prayer of Azariah 1:1: "
    "<milestone type=\"line\"/>\n"
    "(engWEB2015eb)\n";

TEST(DataRecipeParsers, DiathekeOutputGroupedByBook) {
  const auto books = split_sword_output(kDiathekeOutput, SwordGrouping::kByBook);
  ASSERT_EQ(books.size(), 1u) << "a book of empty verses is dropped";
  EXPECT_EQ(books[0].name, "Psalms");
  EXPECT_EQ(books[0].text,
            "Psalms\n\n"
            "Give homage.\n\n"
            "A Psalm by David.\n"
            "Yahweh, how my foes increased!\n"
            "Many & more.\n\n"
            "Heading\n\n"
            "Answer me.");
}

TEST(DataRecipeParsers, DiathekeOutputGroupedByChapter) {
  const auto psalms = split_sword_output(kDiathekeOutput, SwordGrouping::kByChapter);
  ASSERT_EQ(psalms.size(), 3u);
  EXPECT_EQ(psalms[0].name, "Psalms 2");
  EXPECT_EQ(psalms[1].name, "Psalms 3");
  EXPECT_EQ(psalms[1].text, "A Psalm by David.\nYahweh, how my foes increased!\nMany & more.");
  EXPECT_EQ(psalms[2].text, "Heading\n\nAnswer me.") << "the repeated heading is not kept";
}

TEST(DataRecipeParsers, OsisMarkupBecomesParagraphsAndLines) {
  EXPECT_EQ(osis_to_text("<div type=\"x-p\"/><hi type=\"bold\">Verse 1.</hi> Text &lt;here&gt;."
                         "<list><item>I. One.</item><item>II. Two.</item></list>After."),
            "Verse 1. Text <here>.\n\nI. One.\nII. Two.\n\nAfter.");
}

TEST(DataRecipeParsers, FortunesAreSplitOnPercentLinesWithoutColourCodes) {
  const std::string file =
      "\x1b[33mRoses\x1b[m are red\n%\n\n%\nSecond\n  -- Author  \n%\n100% sure\n";
  EXPECT_EQ(split_fortunes(file),
            (std::vector<std::string>{"Roses are red", "Second\n  -- Author", "100% sure"}));
}

TEST(DataRecipeParsers, OverstrikesAreRemovedLikeColB) {
  EXPECT_EQ(strip_overstrikes("B\bBO\bOL\bLD\bD _\bu_\bn \xC3\x9C\b\xC3\x9C" "ber"),
            "BOLD un \xC3\x9C" "ber");
  EXPECT_EQ(strip_ansi_escapes("\x1b[1mbold\x1b[0m plain"), "bold plain");
}

TEST(DataRecipeParsers, TidyLinesTrimsLineEndsAndBlankRuns) {
  EXPECT_EQ(tidy_lines("\n\n  a  \n\n\n\nb\t\nc\n\n"), "  a\n\nb\nc");
  EXPECT_EQ(tidy_lines(" \n\t\n"), "");
}

}  // namespace
}  // namespace wb
