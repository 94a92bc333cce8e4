// Translation completeness: every language the app offers has a committed .ts file in which
// every string of the sources is translated (none empty, unfinished, vanished or obsolete, the
// %1/%n placeholders kept), and a compiled .qm embedded under :/i18n that translates. Strings
// added to the code but never put into the .ts files are found by running lupdate on the
// sources, as `cmake --build build --target update_translations` does.
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <string>

#include "views/app_language.hpp"
#include "views_test_util.hpp"

namespace wb {
namespace {

struct TsMessage {
  QString context;
  QString source;
  QString comment;  // lupdate's disambiguation, part of the key
  bool numerus = false;
  QString type;              // the <translation>'s type attribute: "", unfinished, vanished, ...
  QStringList translations;  // the text, or one per <numerusform>
};

struct TsFile {
  QString language;  // the <TS language="..."> attribute
  QList<TsMessage> messages;
  QString error;  // XML or file error; empty when parsed
};

QString key(const TsMessage& message) {
  return message.context + QLatin1String(" / ") + message.source +
         (message.comment.isEmpty() ? QString() : QLatin1String(" / ") + message.comment);
}

std::string describe(const TsMessage& message) { return ('"' + key(message) + '"').toStdString(); }

TsFile parseTs(const QString& path) {
  TsFile ts;
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    ts.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
    return ts;
  }
  QXmlStreamReader xml(&file);
  QString context;
  TsMessage message;
  while (!xml.atEnd()) {
    xml.readNext();
    if (!xml.isStartElement()) continue;
    const auto name = xml.name();
    if (name == QLatin1String("TS")) {
      ts.language = xml.attributes().value(QLatin1String("language")).toString();
    } else if (name == QLatin1String("name")) {
      context = xml.readElementText();
    } else if (name == QLatin1String("message")) {
      message = {};
      message.context = context;
      message.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
    } else if (name == QLatin1String("source")) {
      message.source = xml.readElementText();
    } else if (name == QLatin1String("comment")) {
      message.comment = xml.readElementText();
    } else if (name == QLatin1String("translation")) {
      message.type = xml.attributes().value(QLatin1String("type")).toString();
      if (message.numerus) {
        while (xml.readNextStartElement()) message.translations << xml.readElementText();
      } else {
        message.translations << xml.readElementText();
      }
      ts.messages << message;  // <translation> is the message's last element
    }
  }
  if (xml.hasError())
    ts.error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
  return ts;
}

QStringList splitList(const char* joined) {
  return QString::fromUtf8(joined).split(QLatin1Char('|'), Qt::SkipEmptyParts);
}

// The committed .ts file of each language the app offers, English (the source) aside.
QMap<QString, QString> tsFilesByLanguage() {
  QMap<QString, QString> files;
  for (const QString& path : splitList(WB_TS_FILES)) {
    // workbench_zh_CN.ts -> zh_CN
    const QString code = QFileInfo(path).completeBaseName().section(QLatin1Char('_'), 1);
    files.insert(code, path);
  }
  return files;
}

QStringList translatedLanguages() {
  QStringList codes;
  for (const AppLanguage& language : appLanguages())
    if (language.code != QLatin1String("en")) codes << language.code;
  return codes;
}

// %1..%99 and %n, sorted, each as often as it occurs ("%1 of %1" needs both).
std::string placeholders(const QString& text) {
  static const QRegularExpression pattern(QStringLiteral("%(\\d{1,2}|n)"));
  QStringList found;
  for (const auto& match : pattern.globalMatch(text)) found << match.captured();
  found.sort();
  return found.join(QLatin1Char(' ')).toStdString();
}

TEST(ViewsTranslations, EveryOfferedLanguageHasATsFileAndViceVersa) {
  const QMap<QString, QString> files = tsFilesByLanguage();
  const QStringList offered = translatedLanguages();
  for (const QString& code : offered)
    EXPECT_TRUE(files.contains(code))
        << code.toStdString() << " is in appLanguages() but has no .ts in WB_TS_FILES";
  for (const QString& code : files.keys())
    EXPECT_TRUE(offered.contains(code))
        << "i18n/workbench_" << code.toStdString() << ".ts is built but not in appLanguages()";
}

TEST(ViewsTranslations, CommittedTsFilesAreComplete) {
  for (const QString& code : translatedLanguages()) {
    SCOPED_TRACE(code.toStdString());
    const TsFile ts = parseTs(tsFilesByLanguage().value(code));
    ASSERT_TRUE(ts.error.isEmpty()) << ts.error.toStdString();
    ASSERT_FALSE(ts.messages.isEmpty());
    // The declared language decides the plural forms lrelease compiles.
    EXPECT_EQ(QLocale(ts.language).language(), QLocale(code).language())
        << "language=\"" << ts.language.toStdString() << "\"";
    for (const TsMessage& message : ts.messages) {
      if (!message.type.isEmpty()) {
        ADD_FAILURE() << describe(message) << " is marked type=\"" << message.type.toStdString()
                      << "\": translate it (unfinished) or run update_translations (vanished, "
                         "obsolete)";
        continue;
      }
      EXPECT_FALSE(message.translations.isEmpty()) << describe(message) << " has no translation";
      for (const QString& translation : message.translations) {
        EXPECT_FALSE(translation.trimmed().isEmpty()) << describe(message) << " is empty";
        EXPECT_EQ(placeholders(translation), placeholders(message.source))
            << describe(message) << " -> \"" << translation.toStdString()
            << "\" does not keep the placeholders";
      }
    }
  }
}

// lupdate on the translatable sources into a fresh .ts: every string the code has now.
TEST(ViewsTranslations, EveryStringInTheCodeIsInEveryTsFile) {
  const QString lupdate = QStringLiteral(WB_LUPDATE);
  if (!QFileInfo(lupdate).isExecutable())
    GTEST_SKIP() << "lupdate not found at " << lupdate.toStdString()
                 << " (Qt 6 LinguistTools): strings missing from the .ts files go unchecked";
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString fresh = dir.filePath(QStringLiteral("workbench_check.ts"));
  QStringList arguments = splitList(WB_TRANSLATABLE_SOURCES);
  // The project root, as the views include their headers: lupdate needs the classes'
  // namespaces from them for the contexts ("wb::MainWindow").
  arguments << QStringLiteral("-I") << QStringLiteral(WB_SOURCE_DIR) << QStringLiteral("-silent")
            << QStringLiteral("-locations") << QStringLiteral("none") << QStringLiteral("-ts")
            << fresh;
  QProcess process;
  process.start(lupdate, arguments);
  if (!process.waitForStarted())
    GTEST_SKIP() << "cannot run " << lupdate.toStdString() << ": "
                 << process.errorString().toStdString();
  ASSERT_TRUE(process.waitForFinished(60000)) << "lupdate did not finish within 60 s";
  const QString output =
      QString::fromLocal8Bit(process.readAllStandardOutput() + process.readAllStandardError());
  ASSERT_EQ(process.exitStatus(), QProcess::NormalExit) << output.toStdString();
  ASSERT_EQ(process.exitCode(), 0) << output.toStdString();
  EXPECT_TRUE(output.trimmed().isEmpty()) << "lupdate warned:\n" << output.toStdString();

  const TsFile code = parseTs(fresh);
  ASSERT_TRUE(code.error.isEmpty()) << code.error.toStdString();
  ASSERT_GT(code.messages.size(), 10) << "lupdate found hardly any strings: wrong sources?";
  QSet<QString> inCode;
  for (const TsMessage& message : code.messages) inCode.insert(key(message));

  for (const QString& language : translatedLanguages()) {
    SCOPED_TRACE(language.toStdString());
    const TsFile ts = parseTs(tsFilesByLanguage().value(language));
    ASSERT_TRUE(ts.error.isEmpty()) << ts.error.toStdString();
    QSet<QString> committed;
    for (const TsMessage& message : ts.messages) committed.insert(key(message));
    for (const TsMessage& message : code.messages)
      EXPECT_TRUE(committed.contains(key(message)))
          << describe(message) << " is in the code but not in the .ts file: run "
          << "`cmake --build build --target update_translations` and translate it";
    for (const TsMessage& message : ts.messages)
      EXPECT_TRUE(inCode.contains(key(message)))
          << describe(message) << " is no longer in the code: run update_translations";
  }
}

// One known string per language, from the embedded .qm files the app loads.
const QMap<QString, QString> kOpenDatabase = {
    {QStringLiteral("de"), QStringLiteral("Datenbank öffnen…")},
    {QStringLiteral("zh_CN"), QStringLiteral("打开数据库…")},
    {QStringLiteral("ja"), QStringLiteral("データベースを開く…")},
};

TEST(ViewsTranslations, EmbeddedQmFilesTranslate) {
  for (const QString& code : translatedLanguages()) {
    SCOPED_TRACE(code.toStdString());
    const QString path = QStringLiteral(":/i18n/workbench_%1.qm").arg(code);
    ASSERT_TRUE(QFile::exists(path)) << path.toStdString() << " is not embedded";
    QTranslator translator;
    ASSERT_TRUE(translator.load(path));
    ASSERT_TRUE(kOpenDatabase.contains(code)) << "add the expected text for the new language";
    EXPECT_EQ(translator.translate("wb::DatabaseMessageWidget", "Open database…"),
              kOpenDatabase.value(code));
  }
}

TEST(ViewsTranslations, InstalledLanguageTranslatesTheApp) {
  test::EnglishAfterwards english;
  for (const QString& code : translatedLanguages()) {
    SCOPED_TRACE(code.toStdString());
    ASSERT_TRUE(installAppLanguage(code));
    EXPECT_EQ(installedAppLanguage(), code);
    EXPECT_EQ(QCoreApplication::translate("wb::DatabaseMessageWidget", "Open database…"),
              kOpenDatabase.value(code));
  }
  ASSERT_TRUE(installAppLanguage(QStringLiteral("ja")));
  EXPECT_EQ(QCoreApplication::translate("wb::MainWindow", "%n run(s)", nullptr, 3),
            QStringLiteral("3 件の実行"));
  ASSERT_TRUE(installAppLanguage(QStringLiteral("en")));
  EXPECT_EQ(QCoreApplication::translate("wb::DatabaseMessageWidget", "Open database…"),
            QStringLiteral("Open database…"));
}

}  // namespace
}  // namespace wb
