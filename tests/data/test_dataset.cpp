// Tests of the train / validation split and of prepare_dataset: the documented split rule,
// determinism, the single-document tail split, tokenized stores and their reuse.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <numeric>

#include <nlohmann/json.hpp>

#include "common/errors.hpp"
#include "common/temp_dir.hpp"
#include "data/corpus_store.hpp"
#include "data/dataset.hpp"
#include "data/dataset_split.hpp"
#include "data/utf8.hpp"

namespace wb {
namespace {

using test::TempDir;

std::vector<std::string> letter_documents(int count, std::size_t length = 100) {
  std::vector<std::string> docs;
  for (int i = 0; i < count; ++i) docs.push_back(std::string(length, static_cast<char>('a' + i)));
  return docs;
}

std::string first_letters(const std::vector<std::string_view>& docs) {
  std::string letters;
  for (const auto doc : docs) letters += doc.front();
  return letters;
}

TEST(DataSplit, HoldsOutShuffledWholeDocumentsUntilTheFractionIsReached) {
  const auto docs = letter_documents(10);
  const DocumentSplit split = split_documents(docs, 0.25, 1234);
  // Golden: the portable shuffle gives the same documents on every machine.
  EXPECT_EQ(first_letters(split.val), "abi") << "3 x 100 bytes is the first count >= 25%";
  EXPECT_EQ(first_letters(split.train), "cdefghj") << "corpus order is kept";
}

TEST(DataSplit, IsDeterministicInTheSeed) {
  const auto docs = letter_documents(26);
  const auto a = split_documents(docs, 0.2, 7), b = split_documents(docs, 0.2, 7);
  const auto c = split_documents(docs, 0.2, 8);
  EXPECT_EQ(first_letters(a.val), first_letters(b.val));
  EXPECT_NE(first_letters(a.val), first_letters(c.val));
}

TEST(DataSplit, KeepsAtLeastOneDocumentOnEachSide) {
  const auto docs = letter_documents(2);
  const auto most = split_documents(docs, 0.99, 1);
  EXPECT_EQ(most.val.size(), 1u);
  EXPECT_EQ(most.train.size(), 1u);
  const auto least = split_documents(letter_documents(50), 0.0001, 1);
  EXPECT_EQ(least.val.size(), 1u);
}

TEST(DataSplit, SingleDocumentHoldsOutItsTailAtACharacterBoundary) {
  const std::vector<std::string> one = {std::string(900, 'x') + std::string(100, 'y')};
  const auto split = split_documents(one, 0.1, 1);
  ASSERT_EQ(split.train.size(), 1u);
  EXPECT_EQ(split.train[0], std::string(900, 'x'));
  EXPECT_EQ(split.val[0], std::string(100, 'y'));

  std::string umlauts;  // 2-byte characters: a cut at an odd byte would split one
  for (int i = 0; i < 101; ++i) umlauts += "ä";
  const std::vector<std::string> corpus = {umlauts};  // the split views into it
  const auto utf8 = split_documents(corpus, 0.1, 1);
  EXPECT_TRUE(is_valid_utf8(utf8.train[0]));
  EXPECT_TRUE(is_valid_utf8(utf8.val[0]));
  EXPECT_EQ(utf8.train[0].size() + utf8.val[0].size(), umlauts.size());
}

TEST(DataSplit, BadFractionOrEmptyCorpusIsAnError) {
  EXPECT_THROW(split_documents(letter_documents(3), 0.0, 1), SpecError);
  EXPECT_THROW(split_documents(letter_documents(3), 1.0, 1), SpecError);
  EXPECT_THROW(split_documents({}, 0.1, 1), DataError);
  EXPECT_THROW(split_documents({"a"}, 0.1, 1), DataError) << "too short to split";
}

class DataDataset : public ::testing::Test {
 protected:
  TempDir home;
  Workspace workspace{home.path()};
  std::vector<std::string> messages;
  ProgressFn progress = [this](const std::string& m) { messages.push_back(m); };

  DataSpec spec_for(const std::string& corpus, TokenizerKind kind) {
    DataSpec spec;
    spec.corpus = corpus;
    spec.tokenizer.kind = kind;
    spec.validation_fraction = 0.25;
    return spec;
  }
  void import_documents(const std::string& name, const std::vector<std::string>& docs) {
    std::ofstream out(home / (name + ".jsonl"));
    for (const auto& doc : docs) out << nlohmann::json{{"text", doc}}.dump() << "\n";
    out.close();
    CorpusStore(workspace).import_path(name, home / (name + ".jsonl"));
  }
  static std::string decode_documents(const TokenStore& store, const Tokenizer& tokenizer) {
    std::string text;
    for (std::uint64_t d = 0; d < store.documents(); ++d) {
      std::vector<std::uint32_t> ids;
      for (auto i = store.document_begin(d); i + 1 < store.document_end(d); ++i)
        ids.push_back(store.at(i));
      EXPECT_EQ(store.at(store.document_end(d) - 1), tokenizer.eot_id()) << "each ends with EOT";
      text += tokenizer.decode(ids) + "|";
    }
    return text;
  }
};

TEST_F(DataDataset, TokenizesBothSplitsAndReusesThemOnTheNextCall) {
  const std::vector<std::string> docs = {"Grüße aus Köln.", "你好，世界。", "plain ascii", "zwölf Äpfel"};
  import_documents("mixed", docs);
  const DataSpec spec = spec_for("mixed", TokenizerKind::kChar);
  const auto split = split_documents(docs, spec.validation_fraction, spec.split_seed);
  std::string expected_train, expected_val;
  for (const auto doc : split.train) expected_train += std::string(doc) + "|";
  for (const auto doc : split.val) expected_val += std::string(doc) + "|";

  const PreparedDataset first = prepare_dataset(spec, workspace, progress);
  EXPECT_EQ(first.dir.parent_path(), workspace.datasets_dir());
  EXPECT_EQ(first.train.documents(), split.train.size());
  EXPECT_EQ(first.val.documents(), split.val.size());
  EXPECT_EQ(decode_documents(first.train, *first.tokenizer), expected_train);
  EXPECT_EQ(first.train.manifest()["dtype"], "uint16");
  EXPECT_EQ(first.train.manifest()["split"], "train");
  EXPECT_EQ(first.val.manifest()["split"], "val");
  EXPECT_EQ(first.train.manifest()["tokenizer_hash"], first.tokenizer->content_hash());
  EXPECT_EQ(first.train.manifest()["corpus_hash"], CorpusStore(workspace).info("mixed").content_hash);
  const auto shard_time = std::filesystem::last_write_time(first.dir / "train" / "shard-00000.bin");

  messages.clear();
  const PreparedDataset second = prepare_dataset(spec, workspace, progress);
  EXPECT_EQ(second.dir, first.dir);
  EXPECT_EQ(std::filesystem::last_write_time(second.dir / "train" / "shard-00000.bin"), shard_time);
  const bool reused = std::any_of(messages.begin(), messages.end(), [](const std::string& m) {
    return m.find("using the tokenized") != std::string::npos;
  });
  EXPECT_TRUE(reused) << "the second call reuses the stores";
  // The char vocabulary comes from the training split only.
  std::set<char32_t> train_chars;
  for (const auto doc : split.train) {
    char32_t cp;
    for (std::size_t pos = 0; pos < doc.size();) {
      decode_utf8(doc, pos, cp);
      train_chars.insert(cp);
    }
  }
  EXPECT_EQ(second.vocab_size(), train_chars.size() + 2);

  DataSpec other_seed = spec;
  other_seed.split_seed = spec.split_seed + 1;
  EXPECT_NE(prepare_dataset(other_seed, workspace).dir, first.dir) << "the key covers the split";
}

TEST_F(DataDataset, SingleDocumentCorpusGetsTheTailSplit) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "line " + std::to_string(i) + "\n";
  test::write_file(home / "one.txt", text);
  CorpusStore(workspace).import_path("one", home / "one.txt");
  DataSpec spec = spec_for("one", TokenizerKind::kByte);
  spec.validation_fraction = 0.1;
  const PreparedDataset data = prepare_dataset(spec, workspace);
  const auto train_bytes = static_cast<std::size_t>(std::floor(static_cast<double>(text.size()) * 0.9));
  EXPECT_EQ(data.train.size(), train_bytes + 1) << "the first 90% of the bytes, then EOT";
  EXPECT_EQ(data.val.size(), text.size() - train_bytes + 1);
  EXPECT_EQ(data.train.documents(), 1u);
  EXPECT_EQ(data.vocab_size(), 257u);
}

TEST_F(DataDataset, MissingCorpusNamesTheImportCommand) {
  try {
    prepare_dataset(spec_for("nowhere", TokenizerKind::kByte), workspace);
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("nowhere"), std::string::npos) << e.what();
    EXPECT_NE(e.fix().find("workbench-cli data import nowhere --from PATH"), std::string::npos)
        << e.fix();
    EXPECT_NE(e.fix().find("brown"), std::string::npos) << "lists the recipes: " << e.fix();
  }
  try {
    prepare_dataset(spec_for("kjv", TokenizerKind::kByte), workspace);
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(e.fix().find("workbench-cli data import kjv"), std::string::npos) << e.fix();
  }
}

}  // namespace
}  // namespace wb
