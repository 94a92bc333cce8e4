// Tests of the byte, character and SentencePiece BPE tokenizers: exact round trips (German and
// Chinese included), vocabularies, <unk>, stable hashes and the content-hash cache.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/errors.hpp"
#include "common/temp_dir.hpp"
#include "data/tokenizer.hpp"
#include "data/utf8.hpp"

namespace wb {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

const std::string kGerman = "Größenwahn & Übermut: Straße, Äpfel, Öl — „Anführungszeichen“.";
const std::string kChinese = "劝君莫惜金缕衣，劝君惜取少年时。\n花开堪折直须折，莫待无花空折枝。";
const std::string kAwkward = "  two leading spaces\n\ttab,  double  spaces\n\n\nnewlines\r\n🙂 ";

TokenizerSpec spec_of(TokenizerKind kind, int vocab_size = 0) {
  TokenizerSpec spec;
  spec.kind = kind;
  spec.vocab_size = vocab_size;
  return spec;
}

std::string fixture(const std::string& name) {
  return test::read_file(fs::path(WB_TEST_FIXTURES_DIR) / "data" / name);
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
  return files;
}

TEST(DataTokenizer, ByteLevelRoundTripsAnyText) {
  TempDir cache;
  const auto tokenizer = train_or_load_tokenizer(spec_of(TokenizerKind::kByte), {}, cache.path());
  EXPECT_EQ(tokenizer->vocab_size(), 257u);
  EXPECT_EQ(tokenizer->eot_id(), 256u);
  EXPECT_EQ(tokenizer->kind(), TokenizerKind::kByte);
  for (const std::string& text : {kGerman, kChinese, kAwkward, std::string("\xff\xfe raw bytes")}) {
    const auto ids = tokenizer->encode(text);
    EXPECT_EQ(ids.size(), text.size());
    EXPECT_EQ(tokenizer->decode(ids), text);
  }
  auto ids = tokenizer->encode("ab");
  ids.push_back(tokenizer->eot_id());
  EXPECT_EQ(tokenizer->decode(ids), "ab") << "EOT decodes to nothing";
  EXPECT_EQ(tokenizer->content_hash(), "ec5dcb219a49671a") << "stable across runs and machines";
  EXPECT_TRUE(files_in(cache.path()).empty()) << "nothing to cache";
}

TEST(DataTokenizer, CharLevelVocabularyIsTheSortedCodePointsPlusUnkAndEot) {
  TempDir cache;
  const std::vector<std::string_view> docs = {kGerman, kChinese, "abc"};
  const auto tokenizer = train_or_load_tokenizer(spec_of(TokenizerKind::kChar), docs, cache.path());
  std::u32string distinct;
  for (const char32_t c : std::u32string(U"Größenwahn & Übermut: Straße, Äpfel, Öl — „Anführungszeichen“."
                                         U"劝君莫惜金缕衣，劝君惜取少年时。\n花开堪折直须折，莫待无花空折枝。abc"))
    if (distinct.find(c) == std::u32string::npos) distinct += c;
  EXPECT_EQ(tokenizer->vocab_size(), distinct.size() + 2);
  EXPECT_EQ(tokenizer->eot_id(), tokenizer->vocab_size() - 1);

  for (const std::string& text : {kGerman, kChinese}) {
    const auto ids = tokenizer->encode(text);
    EXPECT_EQ(tokenizer->decode(ids), text);
  }
  EXPECT_EQ(tokenizer->encode("ä").size(), 1u) << "one token per code point, not per byte";
  EXPECT_LT(tokenizer->encode("a")[0], tokenizer->encode("b")[0]) << "ids follow code points";
  EXPECT_LT(tokenizer->encode("z")[0], tokenizer->encode("ß")[0]);

  const auto unseen = tokenizer->encode("q語");  // neither was in the training text
  const std::uint32_t unk = tokenizer->vocab_size() - 2;
  EXPECT_EQ(unseen, (std::vector<std::uint32_t>{unk, unk}));
  EXPECT_EQ(tokenizer->decode(unseen), "\xEF\xBF\xBD\xEF\xBF\xBD") << "<unk> decodes to U+FFFD";
}

TEST(DataTokenizer, CharLevelHashDependsOnlyOnTheVocabulary) {
  TempDir a, b;
  const auto first = train_or_load_tokenizer(spec_of(TokenizerKind::kChar), {"abc", "cab"}, a.path());
  const auto same = train_or_load_tokenizer(spec_of(TokenizerKind::kChar), {"bca"}, b.path());
  const auto other = train_or_load_tokenizer(spec_of(TokenizerKind::kChar), {"abd"}, b.path());
  EXPECT_EQ(first->content_hash(), same->content_hash());
  EXPECT_NE(first->content_hash(), other->content_hash());
}

// A cache hit is proven by swapping the cached file for another vocabulary: the second call
// must return what is in the cache, not retrain.
void expect_second_call_loads_the_cache(const TokenizerSpec& spec,
                                        const std::vector<std::string_view>& docs,
                                        const std::vector<std::string_view>& other_docs) {
  TempDir cache, other_cache;
  const auto trained = train_or_load_tokenizer(spec, docs, cache.path());
  const auto files = files_in(cache.path());
  ASSERT_EQ(files.size(), 1u) << "one cache file, named by content hash";
  const auto reloaded = train_or_load_tokenizer(spec, docs, cache.path());
  EXPECT_EQ(reloaded->content_hash(), trained->content_hash());

  const auto other = train_or_load_tokenizer(spec, other_docs, other_cache.path());
  ASSERT_NE(other->content_hash(), trained->content_hash());
  fs::copy_file(files_in(other_cache.path()).front(), files.front(),
                fs::copy_options::overwrite_existing);
  EXPECT_EQ(train_or_load_tokenizer(spec, docs, cache.path())->content_hash(),
            other->content_hash());

  test::write_file(files.front(), "damaged");
  EXPECT_EQ(train_or_load_tokenizer(spec, docs, cache.path())->content_hash(),
            trained->content_hash())
      << "a damaged cache file is rebuilt";
}

TEST(DataTokenizer, CharLevelSecondCallLoadsFromCache) {
  expect_second_call_loads_the_cache(spec_of(TokenizerKind::kChar), {kGerman}, {kChinese});
}

class DataTokenizerBpe : public ::testing::Test {
 protected:
  std::string genesis = fixture("genesis_kjv.txt");
};

TEST_F(DataTokenizerBpe, RoundTripsExactlyAndCompresses) {
  TempDir cache;
  const auto tokenizer =
      train_or_load_tokenizer(spec_of(TokenizerKind::kBpe, 512), {genesis}, cache.path());
  EXPECT_EQ(tokenizer->vocab_size(), 512u);
  EXPECT_EQ(tokenizer->kind(), TokenizerKind::kBpe);
  const auto ids = tokenizer->encode(genesis);
  EXPECT_EQ(tokenizer->decode(ids), genesis);
  EXPECT_LT(ids.size() * 2, genesis.size()) << "BPE should at least halve the length";
  for (const auto id : ids) {
    EXPECT_LT(id, tokenizer->vocab_size());
    EXPECT_NE(id, tokenizer->eot_id()) << "text never encodes to EOT";
  }
  // Text unlike the training text: byte fallback keeps the round trip exact.
  for (const std::string& text : {kGerman, kChinese, kAwkward})
    EXPECT_EQ(tokenizer->decode(tokenizer->encode(text)), text);
  auto with_eot = tokenizer->encode("In the beginning");
  with_eot.push_back(tokenizer->eot_id());
  EXPECT_EQ(tokenizer->decode(with_eot), "In the beginning");
}

TEST_F(DataTokenizerBpe, TrainsOnChineseTextWithManyDistinctCharacters) {
  TempDir cache;
  std::string chinese;  // 800 distinct characters for a vocabulary of 400
  for (char32_t c = 0x4E00; c < 0x4E00 + 800; ++c) {
    append_utf8(chinese, c);
    if (c % 40 == 0) chinese += kChinese;
  }
  const auto tokenizer =
      train_or_load_tokenizer(spec_of(TokenizerKind::kBpe, 400), {chinese}, cache.path());
  EXPECT_EQ(tokenizer->decode(tokenizer->encode(chinese)), chinese);
}

TEST_F(DataTokenizerBpe, TrainingIsDeterministic) {
  TempDir a, b;
  const auto first = train_or_load_tokenizer(spec_of(TokenizerKind::kBpe, 400), {genesis}, a.path());
  const auto second = train_or_load_tokenizer(spec_of(TokenizerKind::kBpe, 400), {genesis}, b.path());
  EXPECT_EQ(first->content_hash(), second->content_hash()) << "same text, same vocabulary";
  EXPECT_EQ(first->encode(genesis), second->encode(genesis));
}

TEST_F(DataTokenizerBpe, SecondCallLoadsFromCache) {
  const std::string half = genesis.substr(0, genesis.size() / 2);
  expect_second_call_loads_the_cache(spec_of(TokenizerKind::kBpe, 400), {genesis}, {half});
}

TEST_F(DataTokenizerBpe, VocabularyTooSmallForByteFallbackIsASpecError) {
  TempDir cache;
  EXPECT_THROW(train_or_load_tokenizer(spec_of(TokenizerKind::kBpe, 100), {genesis}, cache.path()),
               SpecError);
}

TEST_F(DataTokenizerBpe, VocabularyTooLargeForTheTextIsADataErrorWithAFix) {
  TempDir cache;
  try {
    train_or_load_tokenizer(spec_of(TokenizerKind::kBpe, 60000), {"tiny text"}, cache.path());
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(e.fix().find("vocab_size"), std::string::npos) << e.fix();
  }
}

TEST(DataTokenizerErrors, NoTrainingDocumentsIsADataError) {
  TempDir cache;
  EXPECT_THROW(train_or_load_tokenizer(spec_of(TokenizerKind::kChar), {}, cache.path()), DataError);
}

}  // namespace
}  // namespace wb
