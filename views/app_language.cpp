// App languages: the list, the saved setting, and swapping the installed translators.
#include "views/app_language.hpp"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QSettings>
#include <QTranslator>
#include <memory>

namespace wb {
namespace {

const QString kSettingKey = QStringLiteral("language");
const QString kEnglish = QStringLiteral("en");

// What installAppLanguage() put in place. QPointer: the translators are children of the
// application and die with it (tests create one per process, but be safe).
struct Installed {
  QPointer<QTranslator> own;
  QPointer<QTranslator> qt;
  QString code;  // as passed: "" = system
};

Installed& installed() {
  static Installed state;
  return state;
}

void uninstall(QPointer<QTranslator>& translator) {
  if (!translator) return;
  QCoreApplication::removeTranslator(translator);
  delete translator;
}

}  // namespace

const QList<AppLanguage>& appLanguages() {
  // When adding one: the .ts file in views/CMakeLists.txt (WB_TS_FILES), then this list.
  static const QList<AppLanguage> languages = {
      {kEnglish, QStringLiteral("English")},
      {QStringLiteral("de"), QStringLiteral("Deutsch")},
      {QStringLiteral("zh_CN"), QStringLiteral("简体中文")},
      {QStringLiteral("ja"), QStringLiteral("日本語")},
  };
  return languages;
}

QString appLanguageCode(const QString& code) {
  QString wanted = code.trimmed();
  wanted.replace(QLatin1Char('-'), QLatin1Char('_'));
  for (const AppLanguage& language : appLanguages())
    if (language.code.compare(wanted, Qt::CaseInsensitive) == 0) return language.code;
  return {};
}

QString savedAppLanguage() { return appLanguageCode(QSettings().value(kSettingKey).toString()); }

void saveAppLanguage(const QString& code) {
  QSettings().setValue(kSettingKey, code.isEmpty() ? QString() : appLanguageCode(code));
}

QString systemAppLanguage() {
  // Language and script rather than the whole name: de_AT and de_CH read German, but zh_TW and
  // zh_HK (Traditional script) must not get the Simplified Chinese translation.
  for (const QString& name : QLocale::system().uiLanguages()) {
    const QLocale wanted(name);
    if (wanted.language() == QLocale::English) return kEnglish;
    for (const AppLanguage& language : appLanguages()) {
      const QLocale offered(language.code);
      if (offered.language() == wanted.language() && offered.script() == wanted.script())
        return language.code;
    }
  }
  return kEnglish;
}

bool installAppLanguage(const QString& code) {
  const QString effective = code.isEmpty() ? systemAppLanguage() : appLanguageCode(code);
  if (effective.isEmpty()) return false;

  // Load first and swap only on success, so a failure leaves the current language in place.
  std::unique_ptr<QTranslator> own;
  std::unique_ptr<QTranslator> qt;
  if (effective != kEnglish) {
    own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/workbench_%1.qm").arg(effective))) return false;
    // Qt's own strings (file dialog buttons, context menus): optional, from the Qt installation
    // (Debian: qt6-translations-l10n); without them those stay English.
    qt = std::make_unique<QTranslator>();
    if (!qt->load(QStringLiteral("qtbase_%1").arg(effective),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
      qt.reset();
  }

  Installed& state = installed();
  uninstall(state.own);
  uninstall(state.qt);
  QCoreApplication* app = QCoreApplication::instance();
  if (own) {
    own->setParent(app);
    state.own = own.release();
    QCoreApplication::installTranslator(state.own);
  }
  if (qt) {
    qt->setParent(app);
    state.qt = qt.release();
    QCoreApplication::installTranslator(state.qt);
  }
  state.code = code.isEmpty() ? QString() : effective;
  return true;
}

QString installedAppLanguage() { return installed().code; }

}  // namespace wb
