// workbench: the desktop app's entry point. Parses the command line, installs the language
// (--lang, else the saved setting, else the system locale) and shows the run list; everything
// else lives in wb::views.
#include <QApplication>
#include <QCommandLineParser>
#include <QStringList>
#include <cstdio>
#include <memory>

#include "common/workspace.hpp"
#include "views/app_language.hpp"
#include "views/headless_commands.hpp"
#include "views/qt_paths.hpp"
#include "views/main_window.hpp"

namespace {

// --help and --version need no display: answer them from a QCoreApplication so they also work
// over ssh and in CI (the pattern from the QCoreApplication documentation).
std::unique_ptr<QCoreApplication> createApplication(int& argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const QByteArray arg(argv[i]);
    if (arg == "-h" || arg == "--help" || arg == "-?" || arg == "--help-all" || arg == "-v" ||
        arg == "--version")
      return std::make_unique<QCoreApplication>(argc, argv);
  }
  return std::make_unique<QApplication>(argc, argv);
}

// The --lang value, looked up before the parser exists: the parser's texts (--help) are
// translated when the options are added, so the language has to be installed first.
QString langArgument(const QStringList& arguments) {
  for (qsizetype i = 1; i < arguments.size(); ++i) {
    const QString& arg = arguments[i];
    if (arg == QLatin1String("--")) break;
    if (arg == QLatin1String("--lang") && i + 1 < arguments.size()) return arguments[i + 1];
    if (arg.startsWith(QLatin1String("--lang="))) return arg.mid(7);
  }
  return {};
}

QString languageCodes() {
  QStringList codes;
  for (const wb::AppLanguage& language : wb::appLanguages()) codes << language.code;
  return codes.join(QLatin1String(", "));
}

}  // namespace

// `workbench [--lang CODE] export ...` and `... screenshot ...` draw without a display: on the
// offscreen platform unless the caller chose one. The command word's index in argv, or 0.
int headlessCommandIndex(int argc, char** argv) {
  int at = 1;
  if (argc > 2 && QByteArray(argv[1]) == "--lang") at = 3;
  else if (argc > 1 && QByteArray(argv[1]).startsWith("--lang=")) at = 2;
  return argc > at && (QByteArray(argv[at]) == "export" || QByteArray(argv[at]) == "screenshot") ? at : 0;
}

int runHeadless(int argc, char** argv, int commandIndex) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("workbench"));
  QCoreApplication::setOrganizationName(QStringLiteral("Repetition Workbench"));
  QStringList arguments = QCoreApplication::arguments();
  // A screenshot for a translated manual, or a figure's labels: the same language as the window.
  // Without --lang: the source language, whatever the window was last set to.
  if (commandIndex > 1) {
    const QString requested = langArgument(arguments);
    const QString code = wb::appLanguageCode(requested);
    if (code.isEmpty()) {
      std::fprintf(stderr, "%s\n",
                   qPrintable(QCoreApplication::translate("main", "Unknown language \"%1\"; choose one of: %2.")
                                  .arg(requested, languageCodes())));
      return 2;
    }
    wb::installAppLanguage(code);
  }
  arguments.remove(1, commandIndex - 1);  // the commands read their own options after their word
  return arguments.value(1) == QLatin1String("export") ? wb::runExportCommand(arguments)
                                                      : wb::runScreenshotCommand(arguments);
}

int main(int argc, char** argv) {
  if (const int command = headlessCommandIndex(argc, argv)) return runHeadless(argc, argv, command);
  std::unique_ptr<QCoreApplication> app = createApplication(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("workbench"));
  QCoreApplication::setApplicationVersion(QStringLiteral(WB_VERSION));
  QCoreApplication::setOrganizationName(QStringLiteral("Repetition Workbench"));
  // An unknown --lang falls back to the system language here and is reported after parsing.
  const QString requested = langArgument(QCoreApplication::arguments());
  wb::installAppLanguage(requested.isEmpty() ? wb::savedAppLanguage()
                                             : wb::appLanguageCode(requested));

  const QString defaultDb = wb::toQString(wb::Workspace::from_environment().default_db());
  QCommandLineParser parser;
  parser.setApplicationDescription(QCoreApplication::translate(
      "main", "Repetition Workbench: browse the runs of data-repetition experiments."));
  parser.addPositionalArgument(QStringLiteral("export|screenshot"),
                               QCoreApplication::translate("main", "Without a window: `workbench export --help`, "
                                                                   "`workbench screenshot --help`."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption dbOption(
      QStringLiteral("db"),
      QCoreApplication::translate("main", "Run database to show (default: %1).").arg(defaultDb),
      QCoreApplication::translate("main", "PATH"), defaultDb);
  parser.addOption(dbOption);
  const QCommandLineOption langOption(
      QStringLiteral("lang"),
      QCoreApplication::translate("main",
                                  "Language of the user interface: %1 (default: the language "
                                  "chosen in the View menu, else the system language).")
          .arg(languageCodes()),
      QCoreApplication::translate("main", "CODE"));
  parser.addOption(langOption);
  parser.process(*app);  // exits after --help / --version
  if (parser.isSet(langOption) && wb::appLanguageCode(parser.value(langOption)).isEmpty()) {
    const QString error =
        QCoreApplication::translate("main", "Unknown language \"%1\"; choose one of: %2.")
            .arg(parser.value(langOption), languageCodes());
    std::fprintf(stderr, "%s\n", qPrintable(error));
    return 1;
  }

  wb::MainWindow window(wb::toPath(parser.value(dbOption)));
  window.show();
  return app->exec();
}
