// RunActions: resume arguments, re-run spec files and stopping runs by pid.
#include "views/launcher/run_actions.hpp"

#include <signal.h>

#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "views/qt_paths.hpp"

namespace wb {
namespace {

bool processAlive(std::int64_t pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

std::optional<RunStore> openReadOnly(const std::filesystem::path& database) {
  try {
    return RunStore::open(database, RunStore::Mode::kReadOnly);
  } catch (const std::exception&) {  // missing, locked, newer: the caller goes without
    return std::nullopt;
  }
}

}  // namespace

QString RunActions::thisHost() { return QSysInfo::machineHostName(); }

bool RunActions::isWorkbenchCliProcess(std::int64_t pid) {
  if (!processAlive(pid)) return false;
  QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
  if (!comm.open(QIODevice::ReadOnly)) return false;
  return comm.readAll().trimmed() == "workbench-cli";
}

RunActions::Available RunActions::available(const RunRow& run) {
  Available a;
  const bool here = QString::fromStdString(run.environment.host) == thisHost();
  const bool alive = run.status == "running" && (!here || processAlive(run.environment.pid));
  a.stop = alive;
  a.resume = !resumeArguments(run).isEmpty();
  return a;
}

QStringList RunActions::resumeArguments(const RunRow& run, QString* why) {
  const QString id = QString::number(run.id);
  const QString experiment = QString::number(run.experiment_id);
  if (run.status == "interrupted" || run.status == "failed") return {QStringLiteral("resume"), id};
  if (run.status == "queued") return {QStringLiteral("resume"), QStringLiteral("--experiment"), experiment};
  if (run.status == "running") {
    const bool here = QString::fromStdString(run.environment.host) == thisHost();
    // Its process died without a word (killed, machine lost): `resume --experiment` takes
    // such runs from their last checkpoint. A run on another host (an ssh:// launch the app
    // detached from when it closed): the CLI follows its launch again, or says where it trains.
    if (!here || !processAlive(run.environment.pid))
      return {QStringLiteral("resume"), QStringLiteral("--experiment"), experiment};
    if (why) *why = tr("%1 is still running.").arg(QString::fromStdString(run.name));
    return {};
  }
  if (why) *why = tr("%1 has finished: Re-run trains its experiment again.").arg(QString::fromStdString(run.name));
  return {};
}

std::filesystem::path RunActions::writeRerunSpec(const std::filesystem::path& database, const ExperimentRow& experiment,
                                                 QString* error) {
  const std::filesystem::path folder = database.parent_path() / "specs";
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) {
    if (error) *error = tr("Cannot create %1: %2").arg(toQString(folder), QString::fromStdString(ec.message()));
    return {};
  }
  // The name goes into a file name: anything but letters, digits, '.', '_' and '-' becomes '-'.
  static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
  QString name = QString::fromStdString(experiment.name).replace(unsafe, QStringLiteral("-"));
  if (name.isEmpty()) name = QStringLiteral("experiment-%1").arg(experiment.id);
  for (int n = 1;; ++n) {
    const std::filesystem::path path = folder / toPath(QStringLiteral("%1-rerun-%2.json").arg(name).arg(n));
    QFile file(toQString(path));
    if (file.exists()) continue;
    // NewOnly: a second launcher writing the same name at the same moment takes the next N.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
      if (file.exists()) continue;
      if (error) *error = tr("Cannot write %1: %2").arg(toQString(path), file.errorString());
      return {};
    }
    const QByteArray json = QByteArray::fromStdString(experiment.spec_json);
    if (file.write(json) != json.size() || !file.flush()) {
      if (error) *error = tr("Cannot write %1: %2").arg(toQString(path), file.errorString());
      return {};
    }
    return path;
  }
}

QString RunActions::stopExternalRun(const RunRow& run, bool* signalled) {
  if (signalled) *signalled = false;
  const QString name = QString::fromStdString(run.name);
  if (run.status != "running") return tr("%1 is not running.").arg(name);
  const QString host = QString::fromStdString(run.environment.host);
  if (host != thisHost())
    return tr("%1 runs on %2: stop it there (Ctrl-C in its terminal, or kill -INT %3).").arg(name, host).arg(run.environment.pid);
  if (!processAlive(run.environment.pid))
    return tr("The process of %1 (pid %2) is gone: Resume continues the run from its last checkpoint.")
        .arg(name)
        .arg(run.environment.pid);
  if (!isWorkbenchCliProcess(run.environment.pid))
    return tr("Process %1 is not a workbench-cli (the pid was reused?): %2 was not stopped.").arg(run.environment.pid).arg(name);
  if (::kill(static_cast<pid_t>(run.environment.pid), SIGINT) != 0)
    return tr("Cannot signal process %1: %2.").arg(run.environment.pid).arg(QString::fromLocal8Bit(std::strerror(errno)));
  if (signalled) *signalled = true;
  return tr("Asked %1 (pid %2) to stop: it writes a checkpoint and marks the run interrupted.").arg(name).arg(run.environment.pid);
}

std::optional<RunRow> RunActions::findRun(const std::filesystem::path& database, std::int64_t runId) {
  auto store = openReadOnly(database);
  if (!store) return std::nullopt;
  try {
    return store->find_run(std::to_string(runId));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<ExperimentRow> RunActions::findExperiment(const std::filesystem::path& database, std::int64_t experimentId) {
  auto store = openReadOnly(database);
  if (!store) return std::nullopt;
  try {
    for (ExperimentRow& e : store->experiments())
      if (e.id == experimentId) return std::move(e);
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

int RunActions::runsToTrain(const std::filesystem::path& database, std::int64_t experimentId, bool interrupted) {
  auto store = openReadOnly(database);
  if (!store) return 0;
  try {
    int count = 0;
    for (const RunRow& r : store->runs(experimentId))
      count += r.status == "queued" || r.status == "running" || (interrupted && r.status == "interrupted");
    return count;
  } catch (const std::exception&) {
    return 0;
  }
}

}  // namespace wb
