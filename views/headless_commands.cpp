// `workbench export` and `workbench screenshot` (see headless_commands.hpp).
#include "views/headless_commands.hpp"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QTableView>
#include <cstdio>

#include "common/errors.hpp"
#include "common/workspace.hpp"
#include "series/run_figure.hpp"
#include "store/run_selection.hpp"
#include "views/chart/figure_file_export.hpp"
#include "views/chart/figure_view.hpp"
#include "views/compare/compare_widget.hpp"
#include "views/qt_paths.hpp"
#include <QTabWidget>
#include <nlohmann/json.hpp>

#include "views/designer/experiment_designer.hpp"
#include "views/main_window.hpp"
#include "views/monitor/run_monitor_widget.hpp"

namespace wb {
namespace {

void printError(const QString& what, const QString& fix = {}) {
  std::fprintf(stderr, "error: %s\n", qPrintable(what));
  if (!fix.isEmpty()) std::fprintf(stderr, "  fix: %s\n", qPrintable(fix));
}

struct Options {
  QCommandLineOption db{QStringLiteral("db"), QStringLiteral("Run database (default: $WB_HOME/runs.db)."),
                        QStringLiteral("PATH")};
  QCommandLineOption experiment{QStringLiteral("experiment"), QStringLiteral("Experiment id or name (the newest of that name)."),
                                QStringLiteral("ID")};
  QCommandLineOption runs{QStringLiteral("runs"), QStringLiteral("Runs (ids or exact names), comma-separated."),
                          QStringLiteral("LIST")};
  QCommandLineOption match{QStringLiteral("match"), QStringLiteral("Only runs whose name contains this text."),
                           QStringLiteral("TEXT")};
  QCommandLineOption metric{QStringLiteral("metric"), QStringLiteral("Metric to plot (default eval/val_loss)."),
                            QStringLiteral("NAME"), QString::fromLatin1(series::kValidationLoss)};
  QCommandLineOption x{QStringLiteral("x"), QStringLiteral("x axis: tokens, epochs, steps or wall (default tokens)."),
                       QStringLiteral("AXIS"), QStringLiteral("tokens")};
  QCommandLineOption groupBy{QStringLiteral("group-by"),
                             QStringLiteral("Spec field whose value colours the runs (default data.epochs)."),
                             QStringLiteral("FIELD"), QStringLiteral("data.epochs")};
  QCommandLineOption smooth{QStringLiteral("smooth"), QStringLiteral("Debiased EMA weight in [0, 1) (default 0)."),
                            QStringLiteral("W"), QStringLiteral("0")};
  QCommandLineOption seeds{QStringLiteral("mean-of-seeds"),
                           QStringLiteral("Runs that differ only in training.seed as their mean with a min/max band.")};
  QCommandLineOption logX{QStringLiteral("log-x"), QStringLiteral("Logarithmic x axis.")};
  QCommandLineOption logY{QStringLiteral("log-y"), QStringLiteral("Logarithmic y axis.")};
  QCommandLineOption width{QStringLiteral("width"),
                           QStringLiteral("single (3.25 in), double (6.75 in) or inches (default single)."),
                           QStringLiteral("W"), QStringLiteral("single")};
  QCommandLineOption height{QStringLiteral("height"), QStringLiteral("Height in inches (default 0.62 x width)."),
                            QStringLiteral("IN"), QStringLiteral("0")};
  QCommandLineOption dpi{QStringLiteral("dpi"), QStringLiteral("PNG resolution (default 300)."), QStringLiteral("N"),
                         QStringLiteral("300")};
  QCommandLineOption title{QStringLiteral("title"), QStringLiteral("Figure title (default: the experiment's name; \"\" for none, when a caption names it)."),
                           QStringLiteral("TEXT")};
  QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")},
                            QStringLiteral("Output file (.png .svg .pdf .csv .tex) or, for screenshot, a folder."),
                            QStringLiteral("PATH")};
};

std::filesystem::path databasePath(const QCommandLineParser& parser, const Options& o) {
  return parser.isSet(o.db) ? toPath(parser.value(o.db)) : Workspace::from_environment().default_db();
}

RunSelection selectionFrom(const QCommandLineParser& parser, const Options& o) {
  RunSelection s;
  s.experiment = parser.value(o.experiment).toStdString();
  for (const QString& run : parser.value(o.runs).split(QLatin1Char(','), Qt::SkipEmptyParts))
    s.runs.push_back(run.trimmed().toStdString());
  s.match = parser.value(o.match).toStdString();
  return s;
}

bool parseNumber(const QString& text, double low, double high, double& value) {
  bool ok = false;
  value = text.toDouble(&ok);
  return ok && value >= low && value <= high;
}

// Parses the figure options; false (after printing the problem) on a bad value.
bool figureOptions(const QCommandLineParser& parser, const Options& o, series::FigureRequest& request,
                   FigureExportOptions& file) {
  request.metric = parser.value(o.metric).toStdString();
  request.group_by = parser.value(o.groupBy).toStdString();
  request.mean_of_seeds = parser.isSet(o.seeds);
  try {
    request.x_axis = series::x_axis_from_name(parser.value(o.x).toStdString());
  } catch (const std::invalid_argument& e) {
    printError(QStringLiteral("--x: ") + QString::fromUtf8(e.what()));
    return false;
  }
  if (!parseNumber(parser.value(o.smooth), 0.0, 0.999, request.smoothing)) {
    printError(QStringLiteral("--smooth %1: expected a number in [0, 1)").arg(parser.value(o.smooth)));
    return false;
  }
  const QString width = parser.value(o.width);
  if (width == QLatin1String("single")) file.width_in = 3.25;
  else if (width == QLatin1String("double")) file.width_in = 6.75;
  else if (!parseNumber(width, 0.5, 100.0, file.width_in)) {
    printError(QStringLiteral("--width %1: expected single, double or inches (0.5-100)").arg(width));
    return false;
  }
  double dpi = 0.0;
  if (!parseNumber(parser.value(o.height), 0.0, 100.0, file.height_in) ||
      !parseNumber(parser.value(o.dpi), 30.0, 2400.0, dpi)) {
    printError(QStringLiteral("--height takes inches (0-100), --dpi 30-2400"));
    return false;
  }
  file.dpi = static_cast<int>(dpi);
  return true;
}

// Parses `arguments` (subcommand at index 1); false with the exit code set when it should stop.
bool parse(QCommandLineParser& parser, const QStringList& arguments, int& exitCode) {
  parser.addHelpOption();
  QStringList rest = arguments;
  if (rest.size() > 1) rest.removeAt(1);  // the subcommand
  if (!parser.parse(rest)) {
    printError(parser.errorText(), QStringLiteral("see `workbench %1 --help`").arg(arguments.value(1)));
    exitCode = 2;
    return false;
  }
  if (parser.isSet(QStringLiteral("help"))) {
    std::printf("%s", qPrintable(parser.helpText()));
    exitCode = 0;
    return false;
  }
  return true;
}

}  // namespace

int runExportCommand(const QStringList& arguments) {
  Options o;
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "workbench export: the comparison figure of an experiment's runs as PNG, SVG or PDF (drawn as the app "
      "draws it, in the paper style), CSV or pgfplots .tex.\n"
      "Example: workbench export --experiment token-crisis-mini --width double -o fig.pdf"));
  parser.addOptions({o.db, o.experiment, o.runs, o.match, o.metric, o.x, o.groupBy, o.smooth, o.seeds, o.logX, o.logY,
                     o.width, o.height, o.dpi, o.title, o.output});
  int code = 0;
  if (!parse(parser, arguments, code)) return code;
  if (!parser.isSet(o.output)) {
    printError(QStringLiteral("export needs -o FILE"), QStringLiteral("e.g. -o figure.pdf (.png .svg .pdf .csv .tex)"));
    return 2;
  }
  series::FigureRequest request;
  FigureExportOptions file;
  if (!figureOptions(parser, o, request, file)) return 2;
  try {
    const auto store = RunStore::open(databasePath(parser, o), RunStore::Mode::kReadOnly);
    const auto runs = select_runs(store, selectionFrom(parser, o));
    series::Figure figure = series::figure_from_runs(store, runs, request);
    if (figure.curves.empty()) {
      printError(QStringLiteral("none of the %1 runs has a metric %2").arg(runs.size()).arg(parser.value(o.metric)),
                 QStringLiteral("choose --metric among what `workbench-cli metrics RUN` lists"));
      return 2;
    }
    figure.title = parser.isSet(o.title) ? parser.value(o.title).toStdString()
                                         : (runs.empty() ? std::string() : runs.front().experiment);
    figure.log_x = parser.isSet(o.logX);
    figure.log_y = parser.isSet(o.logY);
    const QString problem = writeFigureFile(figure, parser.value(o.output), file);
    if (!problem.isEmpty()) {
      printError(problem);
      return 2;
    }
    const QString path = parser.value(o.output);
    if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))  // data only: no size
      std::printf("%s: %zu curves\n", qPrintable(path), figure.curves.size());
    else
      std::printf("%s: %zu curves, %.2f in wide\n", qPrintable(path), figure.curves.size(), file.width_in);
    return 0;
  } catch (const UserError& e) {
    printError(QString::fromUtf8(e.what()), QString::fromStdString(e.fix()));
    return static_cast<int>(e.code());
  }
}

int runScreenshotCommand(const QStringList& arguments) {
  Options o;
  QCommandLineParser parser;
  parser.setApplicationDescription(QStringLiteral(
      "workbench screenshot: saves the main window (1200 x 800), for documentation: FOLDER/compare.png with the "
      "experiment's runs selected and compared, FOLDER/monitor.png with its last run in the live monitor, "
      "FOLDER/designer.png with its spec in the experiment designer.\n"
      "Example: workbench screenshot --experiment token-crisis-mini -o docs/images"));
  parser.addOptions({o.db, o.experiment, o.output});
  int code = 0;
  if (!parse(parser, arguments, code)) return code;
  const QDir folder(parser.isSet(o.output) ? parser.value(o.output) : QStringLiteral("."));
  if (!folder.exists() && !QDir().mkpath(folder.path())) {
    printError(QStringLiteral("cannot create %1").arg(folder.path()));
    return 2;
  }
  const auto db = databasePath(parser, o);
  MainWindow window(db);
  window.resize(1200, 800);
  window.show();
  window.table()->selectAll();
  std::vector<RunRow> runs = window.compare()->runs();
  std::string experimentSpec;  // the spec of the runs' experiment as written, for the designer
  if (parser.isSet(o.experiment) || !runs.empty()) {
    try {
      const auto store = RunStore::open(db, RunStore::Mode::kReadOnly);
      if (parser.isSet(o.experiment)) {  // only the experiment's runs: select them by id in the list
        RunSelection s;
        s.experiment = parser.value(o.experiment).toStdString();
        runs = select_runs(store, s);
        window.selectRuns(runs);
      }
      for (const auto& experiment : store.experiments())
        if (!runs.empty() && experiment.id == runs.front().experiment_id) experimentSpec = experiment.spec_json;
    } catch (const UserError& e) {
      printError(QString::fromUtf8(e.what()), QString::fromStdString(e.fix()));
      return static_cast<int>(e.code());
    }
  }
  QStringList written;
  const auto save = [&](const QString& name) {
    QCoreApplication::processEvents();  // coalesced redraws and relayouts
    const QString path = folder.filePath(name);
    if (!window.grab().save(path)) return false;
    written << path;
    return true;
  };
  window.compare()->view()->flush();
  if (!save(QStringLiteral("compare.png"))) {
    printError(QStringLiteral("cannot write %1").arg(folder.filePath(QStringLiteral("compare.png"))));
    return 2;
  }
  if (!runs.empty()) {
    // The monitor on the selection's most repeated run (the last of a repetition sweep): the
    // one whose curve turns up.
    window.showInMonitor(runs.back().id);
    window.monitor()->refresh();
    for (FigureView* view : window.monitor()->findChildren<FigureView*>()) view->flush();
    save(QStringLiteral("monitor.png"));
    // The designer on the experiment's spec as written; one that does not parse leaves the
    // designer's default experiment.
    const auto spec = nlohmann::json::parse(experimentSpec, nullptr, /*allow_exceptions=*/false);
    if (spec.is_object()) window.designer()->setExperimentJson(spec);
    window.designer()->refresh();
    window.tabs()->setCurrentIndex(MainWindow::kDesignTab);
    save(QStringLiteral("designer.png"));
  }
  for (const QString& path : written) std::printf("%s\n", qPrintable(path));
  return written.isEmpty() ? 2 : 0;
}

}  // namespace wb
