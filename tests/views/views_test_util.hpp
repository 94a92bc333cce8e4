// Helpers for the views tests: a run database with an experiment and runs, screenshots, and
// getting back to English after a test that switches languages.
#pragma once

#include <QCoreApplication>
#include <QEvent>
#include <QString>
#include <QWidget>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "store/run_store.hpp"
#include "views/app_language.hpp"

namespace wb::test {

// A writer on `db` with experiment "token-crisis-mini" and runs "epochs=1" (finished) and
// "epochs=4" (failed).
struct RunDatabaseWriter {
  explicit RunDatabaseWriter(const std::filesystem::path& db)
      : store(RunStore::open(db)), experiment(store.create_experiment("token-crisis-mini", "{}")) {
    first = add_run("token-crisis-mini/epochs=1", "finished");
    second = add_run("token-crisis-mini/epochs=4", "failed", "loss became NaN at step 812");
  }

  std::int64_t add_run(const std::string& name, const std::string& status,
                       const std::string& error = {}) {
    const auto id =
        store.create_run(experiment, name, "{}", {"gpu-box-1", "0.1.0 (git 1a2b3c4)", "{}", 31337});
    store.set_run_status(id, "running");
    if (status != "running") store.set_run_status(id, status, error);
    return id;
  }

  RunStore store;
  std::int64_t experiment;
  std::int64_t first = 0;
  std::int64_t second = 0;
};

// Saves a PNG of `widget` to $WB_VIEWS_SCREENSHOT_DIR/NAME.png when that variable is set.
inline void save_screenshot(QWidget& widget, const QString& name) {
  const QString dir = qEnvironmentVariable("WB_VIEWS_SCREENSHOT_DIR");
  if (dir.isEmpty()) return;
  widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// Puts the app back into English, with no saved language, when it goes out of scope: a test that
// switches languages must not leak its language into the next one, even when it fails.
struct EnglishAfterwards {
  EnglishAfterwards() = default;
  EnglishAfterwards(const EnglishAfterwards&) = delete;
  EnglishAfterwards& operator=(const EnglishAfterwards&) = delete;
  ~EnglishAfterwards() {
    saveAppLanguage(QString());
    installAppLanguage(QStringLiteral("en"));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  }
};

}  // namespace wb::test
