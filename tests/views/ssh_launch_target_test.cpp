// The launcher's ssh:// target: `run` jobs go to the local CLI with --target (and the host's CLI
// and home), other commands stay local, hostile targets are refused with the CLI's own reason;
// and the toolbar's "Run on" box switches between this computer and an ssh target, whose jobs its
// Slurm box sends through the host's Slurm.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>

#include "views/launcher/launcher_widget.hpp"
#include "views/launcher/ssh_launch_target.hpp"

namespace wb {
namespace {

TEST(SshLaunchTarget, RunGoesThroughTheLocalCliWithTarget) {
  const SshLaunchTarget target(QStringLiteral("ssh://alice@gpu1:2222"), QStringLiteral("/opt/wb/workbench-cli"),
                               QStringLiteral("/data/wb"), QStringLiteral("/x/workbench-cli"));
  EXPECT_FALSE(target.isLocal());
  EXPECT_EQ(target.displayName(), "ssh://alice@gpu1:2222");
  const CliInvocation run = target.invocation({"/d/runs.db", {}, {"run", "/s/spec.json", "--events", "jsonl"}, {}});
  EXPECT_EQ(run.program, "/x/workbench-cli");
  EXPECT_EQ(run.arguments, QStringList({"--db", "/d/runs.db", "run", "/s/spec.json", "--events", "jsonl", "--target",
                                        "ssh://alice@gpu1:2222", "--remote-cli", "/opt/wb/workbench-cli",
                                        "--remote-home", "/data/wb"}));
  const CliInvocation resume = target.invocation({"/d/runs.db", {}, {"resume", "3"}, {}});
  EXPECT_EQ(resume.arguments, QStringList({"--db", "/d/runs.db", "resume", "3"})) << "resumed where its checkpoint is";
  const SshLaunchTarget plain(QStringLiteral("ssh://gpu1"), {}, {}, QStringLiteral("/x/workbench-cli"));
  if (qEnvironmentVariableIsEmpty("WB_REMOTE_CLI") && qEnvironmentVariableIsEmpty("WB_REMOTE_HOME")) {
    EXPECT_EQ(plain.invocation({"/d/runs.db", {}, {"run", "s"}, {}}).arguments,
              QStringList({"--db", "/d/runs.db", "run", "s", "--target", "ssh://gpu1"}));
  }
}

TEST(SshLaunchTarget, ThroughSlurmAddsRemoteSlurmToRunsOnly) {
  const SshLaunchTarget plain(QStringLiteral("ssh://login1"), QStringLiteral("wb"), QStringLiteral("/h"),
                              QStringLiteral("/x/workbench-cli"));
  const auto slurm = plain.withSlurm(true);
  EXPECT_FALSE(plain.slurm());
  EXPECT_TRUE(slurm->slurm());
  EXPECT_EQ(slurm->invocation({"/d/runs.db", {}, {"run", "s"}, {}}).arguments,
            QStringList({"--db", "/d/runs.db", "run", "s", "--target", "ssh://login1", "--remote-cli", "wb",
                         "--remote-home", "/h", "--remote-slurm"}));
  EXPECT_EQ(slurm->invocation({"/d/runs.db", {}, {"resume", "3"}, {}}).arguments,
            QStringList({"--db", "/d/runs.db", "resume", "3"}));
  EXPECT_EQ(slurm->withSlurm(false)->invocation({"/d/runs.db", {}, {"run", "s"}, {}}).arguments,
            plain.invocation({"/d/runs.db", {}, {"run", "s"}, {}}).arguments);
}

TEST(SshLaunchTarget, ChecksTargetsAsTheCliDoes) {
  EXPECT_EQ(SshLaunchTarget::check(QStringLiteral("ssh://gpu1")), QString());
  EXPECT_EQ(SshLaunchTarget::check(QStringLiteral("ssh://bob@[::1]:22")), QString());
  EXPECT_TRUE(SshLaunchTarget::check(QStringLiteral("ssh://-oProxyCommand=touch x")).contains("starts with '-'"));
  EXPECT_TRUE(SshLaunchTarget::check(QStringLiteral("ssh://h;id")).contains("holds ';'"));
  EXPECT_TRUE(SshLaunchTarget::check(QStringLiteral("gpu1")).contains("not an ssh:// target"));
}

// Types `text` into the "Run on" box as a user does, and ends the edit.
void typeTarget(LauncherWidget& launcher, const QString& text) {
  launcher.targetBox()->setEditText(text);
  emit launcher.targetBox()->lineEdit()->editingFinished();
}

TEST(SshLaunchTarget, TheRunOnBoxSwitchesTargetsAndRefusesBadOnes) {
  LauncherWidget launcher;
  EXPECT_TRUE(launcher.target().isLocal());
  typeTarget(launcher, QStringLiteral("ssh://gpu1"));
  EXPECT_FALSE(launcher.target().isLocal());
  EXPECT_EQ(launcher.target().displayName(), "ssh://gpu1");
  EXPECT_TRUE(launcher.lastMessage().contains("ssh://gpu1"));
  EXPECT_GE(launcher.targetBox()->findText(QStringLiteral("ssh://gpu1")), 1) << "kept for the next choice";

  typeTarget(launcher, QStringLiteral("ssh://-oProxyCommand=touch x"));
  EXPECT_EQ(launcher.target().displayName(), "ssh://gpu1") << "a refused target changes nothing";
  EXPECT_TRUE(launcher.lastMessage().contains("starts with '-'")) << launcher.lastMessage().toStdString();
  EXPECT_EQ(launcher.targetBox()->currentText(), "ssh://gpu1");

  typeTarget(launcher, launcher.targetBox()->itemText(0));
  EXPECT_TRUE(launcher.target().isLocal());
}

TEST(SshLaunchTarget, TheSlurmBoxSendsAnSshTargetsJobsThroughSlurm) {
  LauncherWidget launcher;
  EXPECT_FALSE(launcher.slurmBox()->isEnabled()) << "this computer has no --remote-slurm";
  typeTarget(launcher, QStringLiteral("ssh://login1"));
  ASSERT_TRUE(launcher.slurmBox()->isEnabled());
  launcher.slurmBox()->setChecked(true);
  const auto* ssh = dynamic_cast<const SshLaunchTarget*>(&launcher.target());
  ASSERT_NE(ssh, nullptr);
  EXPECT_TRUE(ssh->slurm());
  EXPECT_EQ(ssh->displayName(), "ssh://login1");
  EXPECT_TRUE(launcher.lastMessage().contains("Slurm")) << launcher.lastMessage().toStdString();
  typeTarget(launcher, QStringLiteral("ssh://login2"));  // another host keeps the choice
  ssh = dynamic_cast<const SshLaunchTarget*>(&launcher.target());
  ASSERT_NE(ssh, nullptr);
  EXPECT_TRUE(ssh->slurm());
  launcher.slurmBox()->setChecked(false);
  EXPECT_FALSE(dynamic_cast<const SshLaunchTarget&>(launcher.target()).slurm());
  typeTarget(launcher, launcher.targetBox()->itemText(0));
  EXPECT_FALSE(launcher.slurmBox()->isEnabled());
}

}  // namespace
}  // namespace wb
