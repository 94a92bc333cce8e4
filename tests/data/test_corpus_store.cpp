// Tests of corpus imports (text file, folder, JSONL), UTF-8 repair, atomic replacement, listing,
// and the errors a user sees for a missing path, a bad JSONL line or an unknown corpus.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/errors.hpp"
#include "common/temp_dir.hpp"
#include "data/corpus_store.hpp"

namespace wb {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

class DataCorpusStore : public ::testing::Test {
 protected:
  TempDir home;
  Workspace workspace{home.path() / "ws"};
  CorpusStore store{workspace};
  std::vector<std::string> messages;
  ProgressFn progress = [this](const std::string& m) { messages.push_back(m); };

  // Runs fn, expecting a DataError; returns "what\nfix" for the checks.
  template <typename Fn>
  std::string data_error(Fn&& fn) {
    try {
      fn();
    } catch (const DataError& e) {
      return std::string(e.what()) + "\n" + e.fix();
    }
    ADD_FAILURE() << "expected DataError";
    return {};
  }
};

TEST_F(DataCorpusStore, ImportsATextFileAsOneDocument) {
  test::write_file(home / "tiny.txt", "\xEF\xBB\xBF" "First Citizen:\r\nBefore we proceed any further.\r\n");
  const CorpusInfo info = store.import_path("tiny", home / "tiny.txt");
  EXPECT_EQ(info.name, "tiny");
  EXPECT_EQ(info.documents, 1u);
  EXPECT_TRUE(info.recipe.empty());
  EXPECT_EQ(info.source, (home / "tiny.txt").string());
  EXPECT_EQ(info.content_hash.size(), 16u);
  EXPECT_EQ(info.imported_at.size(), 20u) << info.imported_at;
  const auto docs = store.load_documents("tiny");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0], "First Citizen:\nBefore we proceed any further.\n") << "no BOM, no CR";
  EXPECT_EQ(info.bytes, docs[0].size());
  EXPECT_TRUE(fs::exists(workspace.corpora_dir() / "tiny" / "documents.jsonl"));
  EXPECT_TRUE(fs::exists(workspace.corpora_dir() / "tiny" / "corpus.json"));

  const CorpusInfo read_back = store.info("tiny");
  EXPECT_EQ(read_back.content_hash, info.content_hash);
  EXPECT_EQ(read_back.bytes, info.bytes);
}

TEST_F(DataCorpusStore, ImportsEveryTxtFileOfAFolderSortedByPath) {
  test::write_file(home / "books" / "b.txt", "second");
  test::write_file(home / "books" / "a.txt", "first");
  test::write_file(home / "books" / "sub" / "c.TXT", "third");
  test::write_file(home / "books" / "notes.md", "not a document");
  test::write_file(home / "books" / "empty.txt", " \n\n");
  const CorpusInfo info = store.import_path("books", home / "books", ImportFormat::kAuto, progress);
  EXPECT_EQ(store.load_documents("books"), (std::vector<std::string>{"first", "second", "third"}));
  EXPECT_EQ(info.documents, 3u);
  EXPECT_EQ(info.bytes, 16u);
  EXPECT_FALSE(messages.empty());
}

TEST_F(DataCorpusStore, ImportsTheTextFieldOfEveryJsonlLine) {
  test::write_file(home / "d.jsonl",
                   "{\"text\": \"Grüße\", \"id\": 1}\n\n{\"text\": \"你好\\n世界\"}\n{\"text\": \"\"}\n");
  const CorpusInfo info = store.import_path("d", home / "d.jsonl");
  EXPECT_EQ(store.load_documents("d"), (std::vector<std::string>{"Grüße", "你好\n世界"}));
  EXPECT_EQ(info.documents, 2u) << "blank lines and empty texts are skipped";
}

TEST_F(DataCorpusStore, BadJsonlLineNamesFileLineAndFix) {
  test::write_file(home / "bad.jsonl", "{\"text\": \"ok\"}\n{\"text\": \"ok\"}\n{\"txt\": \"typo\"}\n");
  std::string error = data_error([&] { store.import_path("bad", home / "bad.jsonl"); });
  EXPECT_NE(error.find("bad.jsonl:3"), std::string::npos) << error;
  EXPECT_NE(error.find("\"text\""), std::string::npos) << error;

  test::write_file(home / "broken.jsonl", "{\"text\": \"ok\"}\n{\"text\": unquoted}\n");
  error = data_error([&] { store.import_path("broken", home / "broken.jsonl"); });
  EXPECT_NE(error.find("broken.jsonl:2: not valid JSON"), std::string::npos) << error;

  test::write_file(home / "number.jsonl", "{\"text\": 42}\n");
  error = data_error([&] { store.import_path("number", home / "number.jsonl"); });
  EXPECT_NE(error.find("not a string"), std::string::npos) << error;
  EXPECT_FALSE(store.exists("bad")) << "a failed import leaves no corpus";
}

TEST_F(DataCorpusStore, MissingPathSaysWhatToCheck) {
  const std::string error = data_error([&] { store.import_path("x", home / "nope.txt"); });
  EXPECT_NE(error.find("nope.txt does not exist"), std::string::npos) << error;
  EXPECT_NE(error.find("check the path"), std::string::npos) << error;
}

TEST_F(DataCorpusStore, InvalidUtf8IsReplacedAndReportedWithItsOffset) {
  test::write_file(home / "latin1.txt", "caf\xE9 cr\xE8me");
  store.import_path("latin1", home / "latin1.txt", ImportFormat::kAuto, progress);
  EXPECT_EQ(store.load_documents("latin1")[0], "caf\xEF\xBF\xBD cr\xEF\xBF\xBDme");
  const bool warned = std::any_of(messages.begin(), messages.end(), [](const std::string& m) {
    return m.find("replaced 2 invalid UTF-8 bytes") != std::string::npos &&
           m.find("latin1.txt at byte 3") != std::string::npos;
  });
  EXPECT_TRUE(warned);
}

TEST_F(DataCorpusStore, ReimportReplacesTheCorpusAndLeavesNoTemporaryFolders) {
  test::write_file(home / "v1.txt", "version one");
  test::write_file(home / "v2.txt", "version two");
  const auto first = store.import_path("notes", home / "v1.txt");
  const auto second = store.import_path("notes", home / "v2.txt");
  EXPECT_NE(first.content_hash, second.content_hash);
  EXPECT_EQ(store.load_documents("notes")[0], "version two");
  std::vector<std::string> entries;
  for (const auto& e : fs::directory_iterator(workspace.corpora_dir()))
    entries.push_back(e.path().filename().string());
  EXPECT_EQ(entries, std::vector<std::string>{"notes"});
}

TEST_F(DataCorpusStore, ListsCorporaByName) {
  EXPECT_TRUE(store.list().empty());
  test::write_file(home / "t.txt", "text");
  store.import_path("zeta", home / "t.txt");
  store.import_path("alpha", home / "t.txt");
  const auto corpora = store.list();
  ASSERT_EQ(corpora.size(), 2u);
  EXPECT_EQ(corpora[0].name, "alpha");
  EXPECT_EQ(corpora[1].name, "zeta");
}

TEST_F(DataCorpusStore, UnknownCorpusOrRecipeOrBadNameIsADataErrorWithAFix) {
  std::string error = data_error([&] { store.info("missing"); });
  EXPECT_NE(error.find("workbench-cli data import missing --from PATH"), std::string::npos) << error;
  error = data_error([&] { store.import_recipe("gutenberg"); });
  EXPECT_NE(error.find("brown, kjv, web, tdavid, fortunes-de, manpages-de, fortunes-zh"),
            std::string::npos)
      << error;
  test::write_file(home / "t.txt", "text");
  error = data_error([&] { store.import_path("../escape", home / "t.txt"); });
  EXPECT_NE(error.find("cannot be a corpus name"), std::string::npos) << error;
}

TEST(DataRecipes, BuiltinRecipesDescribeTheirPackages) {
  const auto& recipes = builtin_recipes();
  ASSERT_EQ(recipes.size(), 7u);
  for (const auto& recipe : recipes) {
    EXPECT_FALSE(recipe.description.empty()) << recipe.name;
    EXPECT_TRUE(recipe.package.starts_with("apt: ") || recipe.package.starts_with("npm: "))
        << recipe.name;
    EXPECT_TRUE(recipe.language == "en" || recipe.language == "de" || recipe.language == "zh");
  }
}

}  // namespace
}  // namespace wb
