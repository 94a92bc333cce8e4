// The run database a window shows: a path, opened read-only on demand and reopened after a
// failure, so a window started before the first run picks the database up as soon as
// `workbench-cli run` creates it. Turns StoreErrors into text ready to show.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <filesystem>
#include <optional>

#include "store/run_store.hpp"

namespace wb {

class RunDatabase {
  Q_DECLARE_TR_FUNCTIONS(wb::RunDatabase)

 public:
  // Why the database cannot be shown right now, worded for the window.
  struct Problem {
    bool missing = false;  // the file does not exist (yet): the normal state before the first run
    QString title;         // e.g. "No run database yet"
    QString detail;        // what is wrong and what to do about it
  };

  explicit RunDatabase(std::filesystem::path path);

  const std::filesystem::path& path() const { return path_; }

  // The open store, opening it first if needed; nullptr if that fails (see problem()).
  const RunStore* store();

  // Records a failure of the open store (e.g. during a query) and closes it, so the next
  // store() call tries again from scratch.
  void fail(const StoreError& error);

  const Problem& problem() const { return problem_; }

 private:
  std::filesystem::path path_;
  std::optional<RunStore> store_;
  Problem problem_;
};

}  // namespace wb
