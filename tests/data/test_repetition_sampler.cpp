// Tests of the repetition sampler: exactly U unique tokens, each an input R times over R epochs,
// reshuffled per epoch, rank-aware, resumable, never touching the validation split.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "common/errors.hpp"
#include "common/temp_dir.hpp"
#include "data/corpus_store.hpp"
#include "data/dataset.hpp"
#include "data/portable_random.hpp"
#include "data/repetition_sampler.hpp"
#include "token_store_builder.hpp"

namespace wb {
namespace {

using test::TempDir;

struct Batch {
  std::vector<std::int64_t> x, y;
};

Batch next_batch(RepetitionSampler& sampler, int batch_size, int block_size) {
  Batch b{std::vector<std::int64_t>(static_cast<std::size_t>(batch_size * block_size)),
          std::vector<std::int64_t>(static_cast<std::size_t>(batch_size * block_size))};
  sampler.next_batch(b.x, b.y);
  return b;
}

// Token -> pool offset for the whole pool [0, U]; every position holds a distinct token.
std::map<std::int64_t, std::int64_t> pool_offsets(const RepetitionSampler& sampler) {
  std::map<std::int64_t, std::int64_t> offsets;
  for (std::int64_t o = 0; o <= sampler.unique_tokens(); ++o) offsets[sampler.pool_token(o)] = o;
  return offsets;
}

// Input uses of every pool offset over `micro_batches` batches; checks targets follow inputs.
std::map<std::int64_t, int> count_inputs(RepetitionSampler& sampler, int micro_batches,
                                         int batch_size, int block_size) {
  const auto offsets = pool_offsets(sampler);
  std::map<std::int64_t, int> uses;
  for (int k = 0; k < micro_batches; ++k) {
    const Batch b = next_batch(sampler, batch_size, block_size);
    for (std::size_t i = 0; i < b.x.size(); ++i) {
      const std::int64_t input = offsets.at(b.x[i]);
      EXPECT_EQ(offsets.at(b.y[i]), input + 1) << "the target is the next pool token";
      ++uses[input];
    }
  }
  return uses;
}

class DataSampler : public ::testing::Test {
 protected:
  TempDir dir;
  // 30 documents of 5-40 tokens (~700 tokens), every position a distinct token id.
  TokenStore train = test::build_store(dir / "train", test::numbered_documents(30, 1));
};

TEST_F(DataSampler, PoolIsExactlyUPlusOneTokensOfWholeShuffledDocuments) {
  RepetitionSampler sampler(train, 256, 16, 4, 7);
  EXPECT_EQ(sampler.chunks_per_epoch(), 16);
  const auto offsets = pool_offsets(sampler);
  EXPECT_EQ(offsets.size(), 257u) << "U + 1 distinct positions";

  std::set<std::int64_t> eots, begins;
  for (std::uint64_t d = 0; d < train.documents(); ++d) {
    eots.insert(train.at(train.document_end(d) - 1));
    begins.insert(train.at(train.document_begin(d)));
  }
  EXPECT_TRUE(begins.count(sampler.pool_token(0))) << "the pool starts at a document start";
  std::vector<std::int64_t> document_order = {sampler.pool_token(0)};
  for (std::int64_t o = 0; o < 256; ++o) {
    const std::int64_t token = sampler.pool_token(o), following = sampler.pool_token(o + 1);
    if (following != token + 1) {  // a jump to another document happens only after its EOT
      EXPECT_TRUE(eots.count(token)) << "offset " << o;
      EXPECT_TRUE(begins.count(following)) << "offset " << o + 1;
      document_order.push_back(following);
    }
  }
  EXPECT_FALSE(std::is_sorted(document_order.begin(), document_order.end()))
      << "documents are shuffled, not taken in store order";
}

TEST_F(DataSampler, EveryPoolPositionIsAnInputExactlyRTimesOverRWholeEpochs) {
  RepetitionSampler sampler(train, 256, 16, 4, 7);  // 16 chunks: 4 micro-batches an epoch
  const auto uses = count_inputs(sampler, 3 * 4, 4, 16);
  ASSERT_EQ(uses.size(), 256u) << "exactly U distinct inputs";
  for (const auto& [offset, n] : uses) {
    EXPECT_LT(offset, 256) << "the extra pool token is only ever a target";
    EXPECT_EQ(n, 3) << "offset " << offset;
  }
  EXPECT_EQ(sampler.tokens_seen(12), 3 * 256);
  EXPECT_DOUBLE_EQ(sampler.epoch(12), 3.0);
}

TEST_F(DataSampler, PartialLastEpochServesHalfThePoolOnceMore) {
  RepetitionSampler sampler(train, 256, 16, 4, 7);
  const auto uses = count_inputs(sampler, 10, 4, 16);  // 2.5 epochs
  int thrice = 0;
  for (const auto& [offset, n] : uses) {
    EXPECT_TRUE(n == 2 || n == 3) << "offset " << offset << " used " << n << " times";
    thrice += n == 3;
  }
  EXPECT_EQ(thrice, 128);
  EXPECT_DOUBLE_EQ(sampler.epoch(10), 2.5);
}

TEST_F(DataSampler, EachEpochIsANewPermutationOfAllChunks) {
  RepetitionSampler sampler(train, 512, 8, 4, 7);  // 64 chunks
  RepetitionSampler same_seed(train, 512, 8, 4, 7);
  RepetitionSampler other_seed(train, 512, 8, 4, 8);
  std::vector<std::vector<std::int64_t>> epochs(3);
  for (std::int64_t e = 0; e < 3; ++e) {
    for (std::int64_t i = 0; i < 64; ++i) {
      epochs[static_cast<std::size_t>(e)].push_back(sampler.chunk_at(e * 64 + i));
      EXPECT_EQ(same_seed.chunk_at(e * 64 + i), epochs[static_cast<std::size_t>(e)].back());
    }
    auto sorted = epochs[static_cast<std::size_t>(e)];
    std::sort(sorted.begin(), sorted.end());
    for (std::int64_t i = 0; i < 64; ++i) ASSERT_EQ(sorted[static_cast<std::size_t>(i)], i);
  }
  EXPECT_NE(epochs[0], epochs[1]);
  EXPECT_NE(epochs[1], epochs[2]);
  std::vector<std::int64_t> other;
  for (std::int64_t i = 0; i < 64; ++i) other.push_back(other_seed.chunk_at(i));
  EXPECT_NE(other, epochs[0]);
}

TEST_F(DataSampler, RanksTogetherServeTheSameStreamAsOneRankWithWBTimesTheBatch) {
  RepetitionSampler single(train, 256, 16, 4, 11);
  RepetitionSampler rank0(train, 256, 16, 2, 11, 0, 2);
  RepetitionSampler rank1(train, 256, 16, 2, 11, 1, 2);
  for (int k = 0; k < 10; ++k) {  // 2.5 epochs, across epoch boundaries
    const Batch all = next_batch(single, 4, 16);
    const Batch a = next_batch(rank0, 2, 16);
    const Batch b = next_batch(rank1, 2, 16);
    std::vector<std::int64_t> joined_x = a.x, joined_y = a.y;
    joined_x.insert(joined_x.end(), b.x.begin(), b.x.end());
    joined_y.insert(joined_y.end(), b.y.begin(), b.y.end());
    EXPECT_EQ(joined_x, all.x) << "micro-batch " << k;
    EXPECT_EQ(joined_y, all.y) << "micro-batch " << k;
  }
  EXPECT_EQ(rank0.tokens_seen(10), single.tokens_seen(10));
  EXPECT_DOUBLE_EQ(rank1.epoch(10), 2.5);
}

TEST_F(DataSampler, RestoredPositionContinuesIdentically) {
  RepetitionSampler first(train, 256, 16, 4, 3);
  std::vector<Batch> batches;
  SamplerPosition saved;
  for (int k = 0; k < 9; ++k) {
    if (k == 3) saved = first.position();
    batches.push_back(next_batch(first, 4, 16));
  }
  EXPECT_EQ(saved.micro_batches, 3);
  RepetitionSampler resumed(train, 256, 16, 4, 3);
  resumed.restore(saved);
  for (int k = 3; k < 9; ++k) {
    const Batch b = next_batch(resumed, 4, 16);
    EXPECT_EQ(b.x, batches[static_cast<std::size_t>(k)].x) << "micro-batch " << k;
    EXPECT_EQ(b.y, batches[static_cast<std::size_t>(k)].y) << "micro-batch " << k;
  }
}

TEST(DataSamplerErrors, TooFewTrainingTokensNamesBothNumbersAndTheFix) {
  TempDir dir;
  std::vector<test::TestDocument> docs(4);  // 4 x (15 tokens + EOT) = 64 tokens
  for (auto& doc : docs) doc = {std::vector<std::uint32_t>(15, 7), 1};
  const TokenStore store = test::build_store(dir / "train", docs);
  ASSERT_EQ(store.size(), 64u);
  EXPECT_NO_THROW(RepetitionSampler(store, 48, 16, 1, 1));
  try {
    RepetitionSampler sampler(store, 64, 16, 1, 1);  // needs U + 1 = 65 tokens
    FAIL() << "expected DataError";
  } catch (const DataError& e) {
    EXPECT_NE(std::string(e.what()).find("64"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("65"), std::string::npos) << e.what();
    EXPECT_NE(e.fix().find("lower data.unique_tokens or raise data.epochs, or use a larger corpus"),
              std::string::npos)
        << e.fix();
  }
}

TEST_F(DataSampler, UniqueTokensNotAMultipleOfBlockSizeIsASpecError) {
  EXPECT_THROW(RepetitionSampler(train, 250, 16, 4, 1), SpecError);
  try {
    RepetitionSampler sampler(train, 250, 16, 4, 1);
    FAIL() << "expected a SpecError";
  } catch (const SpecError& e) {
    EXPECT_NE(e.fix().find("240"), std::string::npos) << e.fix();
    EXPECT_NE(e.fix().find("256"), std::string::npos) << e.fix();
  }
  EXPECT_THROW(RepetitionSampler(train, 256, 16, 4, 1, 2, 2), SpecError) << "rank outside world";
}

TEST(DataSamplerEval, FixedEvalOffsetsAreEvenlySpacedWindows) {
  EXPECT_EQ(fixed_eval_offsets(1000, 16, 5), (std::vector<std::int64_t>{0, 245, 491, 737, 983}));
  EXPECT_EQ(fixed_eval_offsets(17, 16, 3), (std::vector<std::int64_t>{0, 0, 0}));
  EXPECT_EQ(fixed_eval_offsets(1000, 16, 1), (std::vector<std::int64_t>{0}));
  EXPECT_THROW(fixed_eval_offsets(16, 16, 4), DataError);
}

TEST(DataSamplerRandom, PortableGeneratorAndShuffleAreStable) {
  // Golden values: the same on every compiler and standard library (SplitMix64 reference).
  SplitMix64 rng(0);
  EXPECT_EQ(rng.next(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(shuffled_indices(10, 42), (std::vector<std::int64_t>{0, 9, 5, 8, 6, 4, 7, 2, 1, 3}));
}

TEST(DataSamplerSplit, NeverServesATokenOfTheValidationSplit) {
  TempDir home;
  // 20 documents, each one letter repeated: a letter tells which document a token came from.
  {
    std::ofstream out(home / "letters.jsonl");
    for (char c = 'a'; c < 'a' + 20; ++c) out << "{\"text\": \"" << std::string(60, c) << "\"}\n";
  }
  const Workspace workspace{home.path()};
  CorpusStore(workspace).import_path("letters", home / "letters.jsonl");
  DataSpec spec;
  spec.corpus = "letters";
  spec.tokenizer.kind = TokenizerKind::kByte;
  spec.validation_fraction = 0.2;
  const PreparedDataset data = prepare_dataset(spec, workspace);

  std::set<std::int64_t> val_letters;
  for (std::uint64_t i = 0; i < data.val.size(); ++i)
    if (data.val.at(i) != data.tokenizer->eot_id()) val_letters.insert(data.val.at(i));
  ASSERT_EQ(val_letters.size(), 4u) << "20% of 20 equal documents";

  const int T = 16;
  const std::int64_t unique = (static_cast<std::int64_t>(data.train.size()) - 1) / T * T;
  RepetitionSampler sampler(data.train, unique, T, 3, 5);
  const std::int64_t batches = sampler.chunks_per_epoch() + 1;  // 3 rows each: three epochs
  for (std::int64_t k = 0; k < batches; ++k) {
    const Batch b = next_batch(sampler, 3, T);
    for (std::size_t i = 0; i < b.x.size(); ++i) {
      ASSERT_FALSE(val_letters.count(b.x[i])) << "validation token served as input";
      ASSERT_FALSE(val_letters.count(b.y[i])) << "validation token served as target";
    }
  }
}

}  // namespace
}  // namespace wb
