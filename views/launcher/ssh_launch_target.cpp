// SshLaunchTarget: LocalTarget's invocation plus the CLI's --target (and --remote-slurm) options.
#include "views/launcher/ssh_launch_target.hpp"

#include "common/errors.hpp"
#include "launch/ssh_target.hpp"

namespace wb {

SshLaunchTarget::SshLaunchTarget(QString url, QString remoteCli, QString remoteHome, QString program, bool slurm)
    : LocalTarget(std::move(program)),
      url_(std::move(url)),
      remoteCli_(remoteCli.isEmpty() ? qEnvironmentVariable("WB_REMOTE_CLI") : std::move(remoteCli)),
      remoteHome_(remoteHome.isEmpty() ? qEnvironmentVariable("WB_REMOTE_HOME") : std::move(remoteHome)),
      slurm_(slurm) {}

QString SshLaunchTarget::check(const QString& url) {
  try {
    parse_ssh_target(url.toStdString());
    return {};
  } catch (const UserError& e) {
    return QString::fromStdString(e.what());
  }
}

CliInvocation SshLaunchTarget::invocation(const CliCommand& command) const {
  CliInvocation invocation = LocalTarget::invocation(command);
  if (command.arguments.value(0) != QLatin1String("run")) return invocation;
  invocation.arguments << QStringLiteral("--target") << url_;
  if (!remoteCli_.isEmpty()) invocation.arguments << QStringLiteral("--remote-cli") << remoteCli_;
  if (!remoteHome_.isEmpty()) invocation.arguments << QStringLiteral("--remote-home") << remoteHome_;
  if (slurm_) invocation.arguments << QStringLiteral("--remote-slurm");
  return invocation;
}

}  // namespace wb
