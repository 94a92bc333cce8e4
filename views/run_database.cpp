// RunDatabase: lazy read-only opening and user-facing wording of run database problems.
#include "views/run_database.hpp"

#include "common/errors.hpp"
#include "views/qt_paths.hpp"

namespace wb {

RunDatabase::RunDatabase(std::filesystem::path path) : path_(std::move(path)) {}

const RunStore* RunDatabase::store() {
  if (store_) return &*store_;
  // Checked here rather than parsed out of the StoreError, so the most common case (no run yet)
  // gets the friendliest, translated message.
  if (!std::filesystem::exists(path_)) {
    problem_ = {true, tr("No run database yet"),
                tr("There is no run database at %1 yet.\n\nStart a run with "
                   "\"workbench-cli run SPEC.json\": it appears here within two seconds. "
                   "Or choose another database with File > Open database…")
                    .arg(toQString(path_))};
    return nullptr;
  }
  try {
    store_.emplace(RunStore::open(path_, RunStore::Mode::kReadOnly));
    problem_ = {};
    return &*store_;
  } catch (const StoreError& error) {
    fail(error);
    return nullptr;
  }
}

void RunDatabase::fail(const StoreError& error) {
  store_.reset();
  QString detail = QString::fromStdString(error.what());
  if (!error.fix().empty())
    detail += QLatin1String("\n\n") + tr("Fix: %1").arg(QString::fromStdString(error.fix()));
  problem_ = {false, tr("Cannot show the run database"), detail};
}

}  // namespace wb
