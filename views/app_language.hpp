// The desktop app's languages: which ones ship (compiled from i18n/*.ts and embedded as
// :/i18n/workbench_CODE.qm), the user's saved choice (QSettings key "language") and installing
// one into the running application. Installing sends QEvent::LanguageChange to every window,
// which retranslates itself, so a switch takes effect at once.
#pragma once

#include <QList>
#include <QString>

namespace wb {

struct AppLanguage {
  QString code;        // "en", "de", "zh_CN", "ja": the suffix of workbench_CODE.qm
  QString nativeName;  // the language's name in itself ("Deutsch", "日本語"), never translated
};

// The languages the app can show, English (the source language, no .qm) first.
const QList<AppLanguage>& appLanguages();

// The canonical code for `code` ("ja", "zh-CN", "ZH_cn" -> "zh_CN"), or an empty string if
// the app has no such language.
QString appLanguageCode(const QString& code);

// The saved choice: a canonical code, or "" to follow the system locale (also when the saved
// value names a language the app no longer has).
QString savedAppLanguage();
void saveAppLanguage(const QString& code);

// Replaces the translators installed by an earlier call with those for `code` ("" = the system
// locale's, see systemAppLanguage(); "en" = none): the app's own and Qt's, for the standard
// dialogs. Returns false and changes nothing if `code` is unknown or its translation cannot be
// loaded. Needs a QCoreApplication.
bool installAppLanguage(const QString& code);

// The code passed to the last successful installAppLanguage() ("" = the system locale, also
// before any call).
QString installedAppLanguage();

// The language the system locale asks for: the first of its UI languages that is English or one
// the app has (same language and script, so zh_TW does not get Simplified Chinese); "en" if none.
QString systemAppLanguage();

}  // namespace wb
