// Corpus import, dataset caching and a run's TrainingData; see run_inputs.hpp.
#include "cli/run_inputs.hpp"

#include "cli/progress_bar.hpp"
#include "data/corpus_store.hpp"

namespace wb {
namespace {

std::string data_key(const DataSpec& d) {
  std::string key = d.corpus + "|" + to_string(d.tokenizer.kind) + "|" + std::to_string(d.tokenizer.vocab_size) + "|" +
                    std::to_string(d.validation_fraction) + "|" + std::to_string(d.split_seed);
  for (const auto& corpus : d.tokenizer.corpora) key += "|" + corpus;
  return key;
}

}  // namespace

std::vector<std::string> corpora_of(const RunSpec& spec) {
  std::vector<std::string> names = {spec.data.corpus};
  names.insert(names.end(), spec.data.tokenizer.corpora.begin(), spec.data.tokenizer.corpora.end());
  if (spec.data.replay.fraction > 0.0) names.push_back(spec.data.replay.corpus);
  names.insert(names.end(), spec.eval.corpora.begin(), spec.eval.corpora.end());
  return names;
}

void RunInputs::ensure_corpus(const std::string& corpus) {
  CorpusStore corpora(workspace_);
  if (corpora.exists(corpus)) return;
  for (const auto& recipe : builtin_recipes()) {
    if (recipe.name != corpus) continue;
    print_status_line("corpus " + corpus + " is not in " + workspace_.corpora_dir().string() +
                      "; building it from its recipe (" + recipe.package + ")");
    corpora.import_recipe(corpus, print_status_line);
    return;
  }
  corpora.info(corpus);  // throws DataError with the fix
}

PreparedDataset& RunInputs::dataset_for(const DataSpec& data) {
  auto& slot = datasets_[data_key(data)];
  if (!slot) {
    ensure_corpus(data.corpus);
    slot = std::make_unique<PreparedDataset>(
        prepare_dataset(data, workspace_, quiet_ ? ProgressFn{} : ProgressFn{print_status_line}));
  }
  return *slot;
}

TrainingData RunInputs::training_data(const RunSpec& spec) {
  for (const auto& corpus : corpora_of(spec)) ensure_corpus(corpus);
  TrainingData data;
  data.main = &dataset_for(spec.data);
  // Replay and extra validation corpora are tokenized with the run's tokenizer settings.
  auto with_corpus = [&](const std::string& corpus) {
    DataSpec other = spec.data;
    other.corpus = corpus;
    return &dataset_for(other);
  };
  if (spec.data.replay.fraction > 0.0) data.replay = with_corpus(spec.data.replay.corpus);
  for (const auto& corpus : spec.eval.corpora) data.eval.emplace_back(corpus, with_corpus(corpus));
  return data;
}

}  // namespace wb
