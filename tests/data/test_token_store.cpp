// Tests of the token store: write and read back (uint16 and uint32, several shards), document
// offsets, the manifest, and clear errors for truncated, missing or unfinished files.
#include <gtest/gtest.h>

#include <filesystem>

#include "common/errors.hpp"
#include "common/temp_dir.hpp"
#include "data/token_store.hpp"
#include "token_store_builder.hpp"

namespace wb {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

std::vector<std::uint32_t> all_tokens(const TokenStore& store) {
  std::vector<std::int64_t> copied(store.size());
  store.copy(0, copied);
  std::vector<std::uint32_t> tokens;
  for (std::uint64_t i = 0; i < store.size(); ++i) {
    tokens.push_back(store.at(i));
    EXPECT_EQ(copied[i], store.at(i)) << "copy and at agree at " << i;
  }
  return tokens;
}

TEST(DataTokenStore, WritesAndReadsDocumentsAcrossShards) {
  TempDir dir;
  const std::vector<test::TestDocument> docs = {{{1, 2, 3}, 9}, {{}, 9}, {{4, 5, 6, 7, 8, 10, 11}, 9}};
  const TokenStore store = test::build_store(dir / "split", docs, 2, /*shard_tokens=*/4);
  EXPECT_EQ(store.size(), 13u);
  EXPECT_EQ(store.documents(), 3u);
  EXPECT_EQ(all_tokens(store),
            (std::vector<std::uint32_t>{1, 2, 3, 9, 9, 4, 5, 6, 7, 8, 10, 11, 9}));
  EXPECT_EQ(store.document_begin(0), 0u);
  EXPECT_EQ(store.document_end(0), 4u) << "one past the EOT";
  EXPECT_EQ(store.document_begin(1), 4u);
  EXPECT_EQ(store.document_end(1), 5u) << "an empty document is just its EOT";
  EXPECT_EQ(store.document_begin(2), 5u);
  EXPECT_EQ(store.document_end(2), 13u);

  std::vector<std::int64_t> middle(6);
  store.copy(3, middle);  // spans shards 0, 1 and 2
  EXPECT_EQ(middle, (std::vector<std::int64_t>{9, 9, 4, 5, 6, 7}));
  std::vector<std::int64_t> past_end(2);
  EXPECT_THROW(store.copy(12, past_end), DataError);

  const auto& m = store.manifest();
  EXPECT_EQ(m["format"], "workbench.tokens/1");
  EXPECT_EQ(m["dtype"], "uint16");
  EXPECT_EQ(m["tokens"], 13);
  EXPECT_EQ(m["documents"], 3);
  EXPECT_EQ(m["purpose"], "test") << "extra fields are merged in";
  ASSERT_EQ(m["shards"].size(), 4u);
  EXPECT_EQ(m["shards"][0]["file"], "shard-00000.bin");
  EXPECT_EQ(m["shards"][3]["tokens"], 1);
  EXPECT_EQ(fs::file_size(dir / "split" / "shard-00001.bin"), 8u) << "4 x uint16";
  EXPECT_EQ(fs::file_size(dir / "split" / "documents.bin"), 24u) << "3 x uint64";
}

TEST(DataTokenStore, Uint32StoresHoldLargeIds) {
  TempDir dir;
  const TokenStore store =
      test::build_store(dir / "split", {{{70000, 1, 4000000000u}, 100000}}, 4, 2);
  EXPECT_EQ(store.manifest()["dtype"], "uint32");
  EXPECT_EQ(all_tokens(store), (std::vector<std::uint32_t>{70000, 1, 4000000000u, 100000}));
  EXPECT_EQ(fs::file_size(dir / "split" / "shard-00000.bin"), 8u) << "2 x uint32";
}

TEST(DataTokenStore, FilesAreLittleEndian) {
  TempDir dir;
  test::build_store(dir / "split", {{{0x0102}, 0x0304}}, 2);
  EXPECT_EQ(test::read_file(dir / "split" / "shard-00000.bin"), std::string("\x02\x01\x04\x03", 4));
}

TEST(DataTokenStore, IdTooLargeForUint16IsRejected) {
  TempDir dir;
  TokenStoreWriter writer(dir / "split", 2);
  const std::vector<std::uint32_t> tokens = {65536};
  EXPECT_THROW(writer.add_document(tokens, 0), DataError);
}

TEST(DataTokenStore, TruncatedShardNamesTheFileAndTheFix) {
  TempDir dir;
  test::build_store(dir / "split", test::numbered_documents(10, 1), 2, 50);
  fs::resize_file(dir / "split" / "shard-00001.bin", 37);
  try {
    TokenStore::open(dir / "split");
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("shard-00001.bin"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("37"), std::string::npos) << e.what();
    EXPECT_NE(e.fix().find("delete " + (dir / "split").string()), std::string::npos) << e.fix();
    EXPECT_NE(e.fix().find("rebuilt"), std::string::npos) << e.fix();
  }
}

TEST(DataTokenStore, MissingShardOrDocumentIndexIsADataError) {
  TempDir dir;
  test::build_store(dir / "a", test::numbered_documents(10, 1), 2, 50);
  test::build_store(dir / "b", test::numbered_documents(10, 1), 2, 50);
  fs::remove(dir / "a" / "shard-00000.bin");
  fs::remove(dir / "b" / "documents.bin");
  EXPECT_THROW(TokenStore::open(dir / "a"), DataError);
  EXPECT_THROW(TokenStore::open(dir / "b"), DataError);
}

TEST(DataTokenStore, UnfinishedStoreHasNoManifestAndLeavesNoShards) {
  TempDir dir;
  {
    TokenStoreWriter writer(dir / "split", 2, 4);
    const std::vector<std::uint32_t> tokens(10, 1);
    writer.add_document(tokens, 2);
  }  // destroyed without finish(): a killed build
  EXPECT_FALSE(fs::exists(dir / "split" / "manifest.json"));
  EXPECT_TRUE(fs::is_empty(dir / "split"));
  EXPECT_THROW(TokenStore::open(dir / "split"), DataError);
}

TEST(DataTokenStore, ManifestOfAnotherFormatIsRejected) {
  TempDir dir;
  test::build_store(dir / "split", {{{1}, 2}});
  test::write_file(dir / "split" / "manifest.json", R"({"format": "other/9"})");
  EXPECT_THROW(TokenStore::open(dir / "split"), DataError);
  test::write_file(dir / "split" / "manifest.json", "{not json");
  EXPECT_THROW(TokenStore::open(dir / "split"), DataError);
}

TEST(DataTokenStore, MovedStoreStaysValid) {
  TempDir dir;
  TokenStore store = test::build_store(dir / "split", {{{5, 6}, 7}});
  TokenStore moved = std::move(store);
  EXPECT_EQ(moved.at(1), 6u);
}

}  // namespace
}  // namespace wb
