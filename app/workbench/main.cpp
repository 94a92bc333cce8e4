// workbench: the desktop app's entry point. Parses the command line, loads the translation for
// the user's locale and shows the run list; everything else lives in wb::views.
#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <memory>

#include "common/workspace.hpp"
#include "views/headless_commands.hpp"
#include "views/qt_paths.hpp"
#include "views/run_list_window.hpp"

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

// Installs the app's translation (embedded, :/i18n/workbench_LANG.qm) and Qt's own, for the
// standard dialogs, when the user's locale has them. Missing ones leave English.
void installTranslations(QCoreApplication& app) {
  auto* own = new QTranslator(&app);
  if (own->load(QLocale(), QStringLiteral("workbench"), QStringLiteral("_"),
                QStringLiteral(":/i18n")))
    QCoreApplication::installTranslator(own);
  auto* qt = new QTranslator(&app);
  if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qt);
}

}  // namespace

// `workbench export ...` and `workbench screenshot ...` draw without a display: on the offscreen
// platform unless the caller chose one.
bool isHeadlessCommand(int argc, char** argv) {
  return argc > 1 && (QByteArray(argv[1]) == "export" || QByteArray(argv[1]) == "screenshot");
}

int runHeadless(int argc, char** argv) {
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("workbench"));
  QCoreApplication::setOrganizationName(QStringLiteral("Repetition Workbench"));
  const QStringList arguments = QCoreApplication::arguments();
  return arguments.value(1) == QLatin1String("export") ? wb::runExportCommand(arguments)
                                                      : wb::runScreenshotCommand(arguments);
}

int main(int argc, char** argv) {
  if (isHeadlessCommand(argc, argv)) return runHeadless(argc, argv);
  std::unique_ptr<QCoreApplication> app = createApplication(argc, argv);
  QCoreApplication::setApplicationName(QStringLiteral("workbench"));
  QCoreApplication::setApplicationVersion(QStringLiteral(WB_VERSION));
  QCoreApplication::setOrganizationName(QStringLiteral("Repetition Workbench"));
  installTranslations(*app);

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
  parser.process(*app);  // exits after --help / --version

  wb::RunListWindow window(wb::toPath(parser.value(dbOption)));
  window.show();
  return app->exec();
}
