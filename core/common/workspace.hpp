// Where the workbench keeps corpora, tokenizers, token stores, checkpoints and the run database.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace wb {

// Layout under the root (default $WB_HOME, else $XDG_DATA_HOME/repetition-workbench,
// else ~/.local/share/repetition-workbench):
//   corpora/NAME/        documents.jsonl + corpus.json        (data import)
//   tokenizers/          trained SentencePiece / char vocabularies, keyed by content hash
//   datasets/KEY/        tokenized train/ and val/ shards + manifest.json
//   runs/RUN_ID/         checkpoints (runs/db-TAG/RUN_ID/ for a database given with --db)
//   runs.db              the SQLite run store
struct Workspace {
  std::filesystem::path root;

  static Workspace from_environment();
  std::filesystem::path corpora_dir() const { return root / "corpora"; }
  std::filesystem::path tokenizers_dir() const { return root / "tokenizers"; }
  std::filesystem::path datasets_dir() const { return root / "datasets"; }
  std::filesystem::path runs_dir() const { return root / "runs"; }
  std::filesystem::path default_db() const { return root / "runs.db"; }
  // "" for the default database; "db-" and a hash of its path for another, so that two
  // databases' run 1 never share a checkpoint folder or a results folder.
  std::string database_tag(const std::filesystem::path& db) const;
  std::filesystem::path checkpoint_dir(const std::filesystem::path& db, std::int64_t run_id) const {
    return runs_dir() / database_tag(db) / std::to_string(run_id);
  }
  // The checkpoint a run resumes from (and a later run's init_from reads).
  std::filesystem::path last_checkpoint(const std::filesystem::path& db, std::int64_t run_id) const {
    return checkpoint_dir(db, run_id) / "last.pt";
  }
};

}  // namespace wb
