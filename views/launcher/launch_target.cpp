// LocalTarget: resolving workbench-cli, its global options, and signals to a child process.
#include "views/launcher/launch_target.hpp"

#include <signal.h>

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include "views/qt_paths.hpp"

namespace wb {

void LaunchTarget::kill(QProcess& process) const { process.kill(); }

LocalTarget::LocalTarget(QString program) : program_(std::move(program)) {}

QString LocalTarget::resolveProgram() {
  const QString fromEnvironment = qEnvironmentVariable("WB_CLI");
  if (!fromEnvironment.isEmpty()) return fromEnvironment;
  const QString besideApp = QCoreApplication::applicationDirPath() + QStringLiteral("/workbench-cli");
  if (QFileInfo(besideApp).isExecutable()) return besideApp;
  const QString onPath = QStandardPaths::findExecutable(QStringLiteral("workbench-cli"));
  if (!onPath.isEmpty()) return onPath;
  return QStringLiteral("workbench-cli");
}

QString LocalTarget::displayName() const { return tr("this computer"); }

CliInvocation LocalTarget::invocation(const CliCommand& command) const {
  CliInvocation invocation;
  invocation.program = program_.isEmpty() ? resolveProgram() : program_;
  // Global options first: the CLI also accepts them after the command, but first is what
  // docs/cli.md shows and what works for every command.
  if (!command.home.empty()) invocation.arguments << QStringLiteral("--home") << toQString(command.home);
  invocation.arguments << QStringLiteral("--db") << toQString(command.database);
  invocation.arguments << command.arguments;
  return invocation;
}

bool LocalTarget::interrupt(QProcess& process) const {
  const qint64 pid = process.processId();
  // SIGINT, not QProcess::terminate()'s SIGTERM: both stop the CLI gracefully, but SIGINT is
  // what a user's Ctrl-C sends, the case the CLI documents.
  return pid > 0 && ::kill(static_cast<pid_t>(pid), SIGINT) == 0;
}

bool LocalTarget::release(QProcess& process) const {
  const qint64 pid = process.processId();
  return pid > 0 && ::kill(static_cast<pid_t>(pid), SIGTERM) == 0;
}

}  // namespace wb
