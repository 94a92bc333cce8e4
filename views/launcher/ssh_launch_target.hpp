// ssh://[user@]host[:port]: a launcher job that trains on another host. The local workbench-cli
// does the remote work (`run SPEC --target ssh://...`, docs/cli.md "Remote runs"): it starts the
// spec there, follows it and imports its runs into this database as they train, and its stdout
// is the same JSON lines as a local run's, with local run ids. So CliJob, the job list, the run
// list and the monitor treat it like a local job, and Stop (SIGINT to the local CLI) asks the
// host to checkpoint and stop. Closing the app (release: SIGTERM) detaches: the run goes on on
// the host, and Resume (`resume --experiment`, which attaches) follows it again.
#pragma once

#include <memory>

#include "views/launcher/launch_target.hpp"

namespace wb {

class SshLaunchTarget : public LocalTarget {
 public:
  // `url` must pass check(). `remoteCli` / `remoteHome`: the host's workbench-cli and workspace
  // (empty: $WB_REMOTE_CLI / $WB_REMOTE_HOME when set, else the host's PATH and default home).
  // `slurm`: the host is a cluster's login node and each job goes through its Slurm (sbatch).
  explicit SshLaunchTarget(QString url, QString remoteCli = {}, QString remoteHome = {}, QString program = {},
                           bool slurm = false);

  // Empty when `url` is an ssh target workbench-cli accepts; else why not (the CLI's own check,
  // core/launch/ssh_target.hpp: a host starting with '-', shell characters, a bad port, ...).
  static QString check(const QString& url);

  // The same target with its jobs through the host's Slurm, or not.
  std::shared_ptr<SshLaunchTarget> withSlurm(bool slurm) const {
    auto copy = std::make_shared<SshLaunchTarget>(*this);
    copy->slurm_ = slurm;
    return copy;
  }
  bool slurm() const { return slurm_; }

  QString displayName() const override { return url_; }
  bool isLocal() const override { return false; }
  // `run ...` gets `--target URL [--remote-cli P] [--remote-home H] [--remote-slurm]`. Other
  // commands (resume, runs) stay local: a remote experiment is resumed on its host (docs/cli.md).
  CliInvocation invocation(const CliCommand& command) const override;

 private:
  QString url_;
  QString remoteCli_;
  QString remoteHome_;
  bool slurm_;
};

}  // namespace wb
