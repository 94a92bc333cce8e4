// The run launcher with a fake workbench-cli (tests/views/data/fake_workbench_cli.sh, started
// through WB_CLI as the app would start the real one): live status, progress, tokens/s, ETA and
// validation loss in the job list while the child prints its JSON lines; Stop (SIGINT ->
// interrupted, a second Stop -> kill); failures with the CLI's message; the arguments the child
// gets; re-run spec files; stopping runs of other processes; retranslation.
#include <gtest/gtest.h>

#include <QAbstractItemModel>
#include <QAction>
#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <functional>
#include <tuple>
#include <vector>

#include "common/temp_dir.hpp"
#include "views/launcher/cli_job.hpp"
#include "views/launcher/job_list_model.hpp"
#include "views/launcher/launch_target.hpp"
#include "views/launcher/ssh_launch_target.hpp"
#include "views/launcher/launcher_widget.hpp"
#include "views/launcher/run_actions.hpp"
#include "views/qt_paths.hpp"
#include "views_test_util.hpp"

namespace wb {
namespace {

const QString kFakeCli = QStringLiteral(WB_VIEWS_TEST_DATA "/fake_workbench_cli.sh");

// Sets environment variables for the test's duration (the child inherits them at start).
class ScopedEnv {
 public:
  ScopedEnv() = default;
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;
  ~ScopedEnv() {
    for (auto it = saved_.rbegin(); it != saved_.rend(); ++it) {
      if (it->second) qputenv(it->first.constData(), *it->second);
      else qunsetenv(it->first.constData());
    }
  }
  void set(const char* name, const QString& value) {
    saved_.emplace_back(name, qEnvironmentVariableIsSet(name) ? std::optional(qgetenv(name)) : std::nullopt);
    if (value.isNull()) qunsetenv(name);
    else qputenv(name, value.toUtf8());
  }

 private:
  std::vector<std::pair<QByteArray, std::optional<QByteArray>>> saved_;
};

// The fake as WB_CLI, writing its arguments to DIR/args.txt, in `mode`.
struct FakeCli {
  FakeCli(const test::TempDir& dir, const QString& mode = QStringLiteral("train"))
      : argsFile(toQString(dir / "args.txt")), holdFile(toQString(dir / "go")) {
    env.set("WB_CLI", kFakeCli);
    env.set("FAKE_CLI_ARGS_FILE", argsFile);
    env.set("FAKE_CLI_MODE", mode);
    env.set("FAKE_CLI_HOLD_FILE", QString());
    env.set("FAKE_CLI_RUN_ID", QString());
    env.set("FAKE_CLI_EXPERIMENT_ID", QString());
  }
  void holdAtHalfway() { env.set("FAKE_CLI_HOLD_FILE", holdFile); }
  void release() const {
    QFile go(holdFile);
    ASSERT_TRUE(go.open(QIODevice::WriteOnly));
  }
  QStringList arguments() const {
    QFile file(argsFile);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  }
  ScopedEnv env;
  QString argsFile;
  QString holdFile;
};

// What QSignalSpy would record (test_views does not link Qt Test): each emission's arguments.
template <typename... Args>
struct SignalLog {
  template <typename Sender, typename Class>
  SignalLog(Sender* sender, void (Class::*signal)(Args...)) {
    QObject::connect(sender, signal, sender, [this](Args... args) { calls.push_back(std::make_tuple(std::decay_t<Args>(args)...)); });
  }
  std::size_t size() const { return calls.size(); }
  const auto& operator[](std::size_t i) const { return calls.at(i); }
  std::vector<std::tuple<std::decay_t<Args>...>> calls;
};

// Runs the event loop until `condition` holds or `timeoutMs` passes; returns the condition.
bool waitUntil(const std::function<bool()>& condition, int timeoutMs = 5000) {
  const QDeadlineTimer deadline(timeoutMs);
  while (!condition()) {
    if (deadline.hasExpired()) return false;
    QEventLoop loop;
    QTimer::singleShot(10, &loop, &QEventLoop::quit);
    loop.exec();
  }
  return true;
}

bool waitForEnd(const CliJob& job, int timeoutMs = 5000) {
  return waitUntil([&] { return !job.isActive(); }, timeoutMs);
}

QString cell(const JobListModel& model, int row, int column) {
  return model.data(model.index(row, column)).toString();
}

CliJob* newJob(QStringList arguments, const test::TempDir& dir, std::shared_ptr<const LaunchTarget> target = nullptr) {
  if (!target) target = std::make_shared<LocalTarget>();
  return new CliJob(target, CliCommand{dir / "runs.db", {}, std::move(arguments), {}}, QStringLiteral("mini"));
}

TEST(LauncherLocalTarget, ResolvesTheProgramAndPassesGlobalOptions) {
  test::TempDir dir;
  ScopedEnv env;
  env.set("WB_CLI", QStringLiteral("/opt/wb/bin/workbench-cli"));
  EXPECT_EQ(LocalTarget::resolveProgram(), "/opt/wb/bin/workbench-cli");

  // No WB_CLI, none beside the test binary: the first on PATH.
  env.set("WB_CLI", QString());
  const QString onPath = toQString(dir / "workbench-cli");
  ASSERT_TRUE(QFile::copy(kFakeCli, onPath));
  env.set("PATH", toQString(dir.path()) + QStringLiteral(":/usr/bin:/bin"));
  EXPECT_EQ(LocalTarget::resolveProgram(), onPath);
  env.set("PATH", QStringLiteral("/nonexistent"));
  EXPECT_EQ(LocalTarget::resolveProgram(), "workbench-cli");

  const LocalTarget target(QStringLiteral("/x/workbench-cli"));
  EXPECT_TRUE(target.isLocal());
  EXPECT_EQ(target.displayName(), "this computer");
  const CliInvocation plain = target.invocation({"/d/runs.db", {}, {"runs"}, {}});
  EXPECT_EQ(plain.program, "/x/workbench-cli");
  EXPECT_EQ(plain.arguments, QStringList({"--db", "/d/runs.db", "runs"}));
  const CliInvocation withHome = target.invocation({"/d/runs.db", "/h", {"runs"}, {}});
  EXPECT_EQ(withHome.arguments, QStringList({"--home", "/h", "--db", "/d/runs.db", "runs"}));
}

TEST(LauncherCliJob, LiveUpdatesFromAFakeChild) {
  test::TempDir dir;
  FakeCli fake(dir);
  fake.holdAtHalfway();
  JobListModel model;
  CliJob* job = newJob({"run", "spec.json", "--events", "jsonl"}, dir);
  model.addJob(job);
  model.addJob(newJob({"runs"}, dir));  // a second row, never started: must not be announced
  SignalLog changes(&model, &QAbstractItemModel::dataChanged);
  job->start();

  // Halfway (the fake waits there): everything the list shows, while the child runs.
  ASSERT_TRUE(waitUntil([&] { return job->lastValLoss().has_value(); })) << job->stderrTail().join('\n').toStdString();
  model.flushChanges();
  EXPECT_EQ(job->status(), CliJob::Status::kRunning);
  EXPECT_EQ(cell(model, 0, JobListModel::kStatus), "running");
  EXPECT_EQ(cell(model, 0, JobListModel::kWhat), "mini: epochs=4");  // the run, without its experiment
  EXPECT_EQ(cell(model, 0, JobListModel::kStep), "500 / 1000");
  EXPECT_EQ(cell(model, 0, JobListModel::kProgress), "50%");
  EXPECT_DOUBLE_EQ(model.data(model.index(0, 0), JobListModel::kProgressRole).toDouble(), 0.5);
  EXPECT_EQ(cell(model, 0, JobListModel::kTokensPerS), QLocale().toString(50000.0, 'f', 0));
  EXPECT_EQ(cell(model, 0, JobListModel::kEta), "10 s");  // 500 steps x 1000 tokens at 50000/s
  EXPECT_EQ(cell(model, 0, JobListModel::kValLoss), QLocale().toString(2.5, 'f', 4));
  EXPECT_EQ(cell(model, 0, JobListModel::kMessage), "");
  EXPECT_EQ(job->stderrTail(), QStringList{"mini/epochs=4: training on cpu"});
  ASSERT_GT(changes.size(), 0);
  for (const auto& [topLeft, bottomRight, roles] : changes.calls) {
    EXPECT_EQ(topLeft.row(), 0) << "only the changed row";
    EXPECT_EQ(bottomRight.row(), 0);
  }
  EXPECT_LT(changes.size(), 20) << "changes are coalesced, not one per line";

  fake.release();
  ASSERT_TRUE(waitForEnd(*job));
  model.flushChanges();
  EXPECT_EQ(job->status(), CliJob::Status::kFinished);
  EXPECT_EQ(job->exitCode(), 0);
  EXPECT_EQ(job->experimentId(), 3);
  EXPECT_EQ(cell(model, 0, JobListModel::kStatus), "finished");
  EXPECT_EQ(cell(model, 0, JobListModel::kProgress), "100%");
  EXPECT_EQ(cell(model, 0, JobListModel::kStep), "1000 / 1000");
  EXPECT_EQ(cell(model, 0, JobListModel::kEta), "");
  EXPECT_EQ(cell(model, 0, JobListModel::kValLoss), QLocale().toString(2.25, 'f', 4));
  ASSERT_EQ(job->runs().size(), 1u);
  EXPECT_EQ(job->runs()[0].status, "finished");
  EXPECT_EQ(job->runsDone(), 1);
  // The line that is not JSON is reported; the one split in two pieces was joined; the unknown
  // type is kept in the output but changes nothing.
  EXPECT_EQ(job->malformedLines(), 1);
  EXPECT_TRUE(job->stdoutTail().filter("this line is not JSON").value(0).contains("<- not JSON"));
  EXPECT_EQ(job->stdoutTail().filter("from_the_future").size(), 1);
  EXPECT_TRUE(job->stderrTail().last().startsWith("Results:"));
}

TEST(LauncherCliJob, StopInterruptsGracefully) {
  test::TempDir dir;
  FakeCli fake(dir);
  fake.holdAtHalfway();
  CliJob job(std::make_shared<LocalTarget>(), {dir / "runs.db", {}, {"run", "s.json", "--events", "jsonl"}, {}},
             QStringLiteral("mini"));
  EXPECT_EQ(job.stop(), CliJob::StopResult::kNotRunning);
  job.start();
  ASSERT_TRUE(waitUntil([&] { return job.lastValLoss().has_value(); }));
  EXPECT_TRUE(job.trains(7));
  EXPECT_EQ(job.stop(), CliJob::StopResult::kInterrupting);
  EXPECT_EQ(job.status(), CliJob::Status::kStopping);
  EXPECT_EQ(CliJob::statusText(job.status()), "stopping");
  ASSERT_TRUE(waitForEnd(job));
  EXPECT_EQ(job.status(), CliJob::Status::kInterrupted);
  EXPECT_EQ(job.exitCode(), 130);
  EXPECT_TRUE(job.message().contains("checkpoint")) << job.message().toStdString();
  EXPECT_EQ(job.runs().at(0).status, "interrupted");
  EXPECT_EQ(job.runsDone(), 0);
  EXPECT_FALSE(job.trains(7));
  EXPECT_FALSE(job.etaSeconds());
}

// Closing the app ends a running job with SIGTERM, not Stop's SIGINT: a local run stops as on
// Ctrl-C either way, but a CLI following a remote launch detaches on SIGTERM and leaves the run
// training there, where SIGINT would stop it on the host.
TEST(LauncherCliJob, ClosingTheAppReleasesAJobWithSigterm) {
  test::TempDir dir;
  FakeCli fake(dir);
  fake.holdAtHalfway();
  const QString signalFile = toQString(dir / "signal.txt");
  fake.env.set("FAKE_CLI_SIGNAL_FILE", signalFile);
  for (const auto& target : std::vector<std::shared_ptr<const LaunchTarget>>{
           std::make_shared<LocalTarget>(), std::make_shared<SshLaunchTarget>(QStringLiteral("ssh://gpu-box"))}) {
    QFile::remove(signalFile);
    auto job = std::make_unique<CliJob>(target, CliCommand{dir / "runs.db", {}, {"resume", "--experiment", "3"}, {}},
                                        QStringLiteral("mini"));
    job->start();
    ASSERT_TRUE(waitUntil([&] { return job->lastValLoss().has_value(); }));
    job.reset();  // what closing the window does
    QFile file(signalFile);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << target->displayName().toStdString();
    EXPECT_EQ(file.readAll().trimmed(), "TERM") << target->displayName().toStdString();
  }
}

// A follower of a remote launch that gives up (the host unreachable for minutes) exits 130 like a
// stop, but the run trains on there: the job must not say it stopped at a checkpoint.
TEST(LauncherCliJob, AFollowerThatGivesUpSaysTheRemoteRunTrainsOn) {
  test::TempDir dir;
  FakeCli fake(dir, QStringLiteral("detach"));
  CliJob job(std::make_shared<SshLaunchTarget>(QStringLiteral("ssh://gpu-box")),
             {dir / "runs.db", {}, {"run", "s.json", "--events", "jsonl"}, {}}, QStringLiteral("mini"));
  job.start();
  ASSERT_TRUE(waitForEnd(job));
  EXPECT_EQ(job.exitCode(), 130);
  EXPECT_EQ(job.status(), CliJob::Status::kInterrupted) << "Resume follows it again";
  EXPECT_EQ(job.experimentId(), 3);
  EXPECT_TRUE(job.message().contains("ssh://gpu-box keeps training it")) << job.message().toStdString();
  EXPECT_FALSE(job.message().contains("checkpoint")) << job.message().toStdString();
}

TEST(LauncherCliJob, SecondStopKillsOnlyAfterTheGrace) {
  test::TempDir dir;
  FakeCli fake(dir, QStringLiteral("stubborn"));  // ignores SIGINT
  fake.holdAtHalfway();
  CliJob job(std::make_shared<LocalTarget>(), {dir / "runs.db", {}, {"run", "s.json"}, {}}, QStringLiteral("mini"));
  job.setKillAfterMs(300);
  job.start();
  ASSERT_TRUE(waitUntil([&] { return job.lastValLoss().has_value(); }));
  EXPECT_EQ(job.stop(), CliJob::StopResult::kInterrupting);
  EXPECT_EQ(job.stop(), CliJob::StopResult::kStillStopping) << "a double click is not a kill";
  EXPECT_FALSE(waitForEnd(job, 400)) << "the fake ignores SIGINT";
  EXPECT_EQ(job.stop(), CliJob::StopResult::kKilled);
  ASSERT_TRUE(waitForEnd(job));
  EXPECT_EQ(job.status(), CliJob::Status::kInterrupted);
  EXPECT_TRUE(job.message().contains("Killed")) << job.message().toStdString();
}

TEST(LauncherCliJob, FailureShowsTheCliErrorAndFix) {
  test::TempDir dir;
  FakeCli fake(dir, QStringLiteral("fail"));
  JobListModel model;
  CliJob* job = newJob({"run", "bad.json", "--events", "jsonl"}, dir);
  model.addJob(job);
  job->start();
  ASSERT_TRUE(waitForEnd(*job));
  model.flushChanges();
  EXPECT_EQ(job->status(), CliJob::Status::kFailed);
  EXPECT_EQ(job->exitCode(), 2);
  EXPECT_EQ(cell(model, 0, JobListModel::kStatus), "failed");
  const QString message = cell(model, 0, JobListModel::kMessage);
  EXPECT_TRUE(message.startsWith("Bad command line or spec: error: data.epochs")) << message.toStdString();
  EXPECT_TRUE(message.contains("fix: set data.epochs to 1 or more")) << message.toStdString();
  EXPECT_FALSE(message.contains("loading spec")) << "only the error and its fix";
  EXPECT_EQ(job->stderrTail().size(), 3);
  EXPECT_TRUE(model.data(model.index(0, JobListModel::kStatus), Qt::ForegroundRole).isValid());
  EXPECT_FALSE(cell(model, 0, JobListModel::kProgress).size());
  const QString output = LauncherWidget::outputText(*job);
  EXPECT_TRUE(output.contains("Exit code: 2"));
  EXPECT_TRUE(output.contains("loading spec"));
}

TEST(LauncherCliJob, AMissingProgramFailsWithTheFix) {
  test::TempDir dir;
  CliJob job(std::make_shared<LocalTarget>(QStringLiteral("/nonexistent/workbench-cli")),
             {dir / "runs.db", {}, {"runs"}, {}}, QStringLiteral("x"));
  SignalLog finished(&job, &CliJob::finished);
  job.start();
  ASSERT_TRUE(waitForEnd(job));
  EXPECT_EQ(job.status(), CliJob::Status::kFailed);
  EXPECT_TRUE(job.message().contains("/nonexistent/workbench-cli")) << job.message().toStdString();
  EXPECT_TRUE(job.message().contains("WB_CLI"));
  EXPECT_EQ(finished.size(), 1);
}

CliEvent event(CliEvent::Type type, std::int64_t run, std::int64_t step, double tokensPerS = 1000.0) {
  CliEvent e;
  e.type = type;
  e.runId = run;
  e.runName = QStringLiteral("r%1").arg(run);
  e.step = step;
  e.totalSteps = 100;
  e.tokens = step * 10;
  if (type == CliEvent::Type::kStep) e.tokensPerS = tokensPerS;
  if (type == CliEvent::Type::kRunStarted) e.tokensPerStep = 10;
  return e;
}

TEST(LauncherCliJob, ProgressAndEtaCoverTheWholeExperiment) {
  test::TempDir dir;
  std::unique_ptr<CliJob> job(newJob({"run", "s"}, dir));
  job->setRunsTotal(4);
  job->handleEvent(event(CliEvent::Type::kRunStarted, 1, 0));
  job->handleEvent(event(CliEvent::Type::kStep, 1, 100));
  CliEvent done = event(CliEvent::Type::kRunFinished, 1, 100);
  done.status = QStringLiteral("finished");
  job->handleEvent(done);
  job->handleEvent(event(CliEvent::Type::kRunStarted, 2, 0));
  job->handleEvent(event(CliEvent::Type::kStep, 2, 50, 100.0));
  job->handleEvent(event(CliEvent::Type::kStep, 2, 50, 200.0));  // smoothed: 100 + 0.3 x 100
  ASSERT_TRUE(job->progress());
  EXPECT_DOUBLE_EQ(*job->progress(), 1.5 / 4);
  EXPECT_EQ(job->runsDone(), 1);
  EXPECT_EQ(job->currentRun()->id, 2);
  // The rate of the runs training now (run 1 has finished); the remaining work: 50 steps x 10
  // tokens of run 2 and two queued runs guessed at the mean size so far (100 x 10 tokens).
  EXPECT_DOUBLE_EQ(job->runs()[1].tokensPerS, 130.0);
  EXPECT_DOUBLE_EQ(job->tokensPerSecond(), 130.0);
  EXPECT_DOUBLE_EQ(job->runs()[1].remainingTokens(), 500.0);
  ASSERT_TRUE(job->etaSeconds());
  EXPECT_DOUBLE_EQ(*job->etaSeconds(), (500.0 + 2 * 1000.0) / 130.0);
  job->setRunsTotal(0);  // unknown: the current run's progress and remaining tokens only
  EXPECT_DOUBLE_EQ(*job->progress(), 0.5);
  EXPECT_DOUBLE_EQ(*job->etaSeconds(), 500.0 / 130.0);
  EXPECT_EQ(JobListModel::formatDuration(45.4), "45 s");
  EXPECT_EQ(JobListModel::formatDuration(200), "3 min 20 s");
  EXPECT_EQ(JobListModel::formatDuration(3900), "1 h 05 min");
  EXPECT_EQ(JobListModel::formatDuration(-3), "0 s");
}

TEST(LauncherJobListModel, AnnouncesOnlyChangedRowsCoalesced) {
  test::TempDir dir;
  JobListModel model;
  model.addJob(newJob({"run", "a"}, dir));
  CliJob* second = newJob({"run", "b"}, dir);
  model.addJob(second);
  EXPECT_EQ(model.rowCount(), 2);
  EXPECT_EQ(model.columnCount(), JobListModel::kColumnCount);
  EXPECT_EQ(model.headerData(JobListModel::kEta, Qt::Horizontal).toString(), "ETA");
  SignalLog changes(&model, &QAbstractItemModel::dataChanged);
  for (int step = 1; step <= 50; ++step) second->handleEvent(event(CliEvent::Type::kStep, 5, step));
  EXPECT_EQ(changes.size(), 0) << "nothing before the coalescing tick";
  ASSERT_TRUE(waitUntil([&] { return changes.size() > 0; }, 2000));
  ASSERT_EQ(changes.size(), 1);
  EXPECT_EQ(std::get<0>(changes[0]).row(), 1);
  EXPECT_EQ(std::get<1>(changes[0]).row(), 1);
  EXPECT_EQ(std::get<1>(changes[0]).column(), JobListModel::kColumnCount - 1);
  EXPECT_EQ(cell(model, 1, JobListModel::kStep), "50 / 100");
  EXPECT_EQ(model.removeEndedJobs(), 2);  // never started: ended
  EXPECT_EQ(model.rowCount(), 0);
}

TEST(LauncherRunActions, ResumeArgumentsFollowTheRunStatus) {
  RunRow run;
  run.id = 5;
  run.experiment_id = 2;
  run.name = "tc/epochs=4";
  run.environment.host = RunActions::thisHost().toStdString();
  const auto args = [&](const char* status) {
    run.status = status;
    return RunActions::resumeArguments(run).join(' ');
  };
  EXPECT_EQ(args("interrupted"), "resume 5");
  EXPECT_EQ(args("failed"), "resume 5");
  EXPECT_EQ(args("queued"), "resume --experiment 2");
  run.environment.pid = QCoreApplication::applicationPid();  // alive
  EXPECT_EQ(args("running"), "");
  EXPECT_TRUE(RunActions::available(run).stop);
  EXPECT_FALSE(RunActions::available(run).resume);
  run.environment.pid = 999999999;  // no such process: died without a word
  EXPECT_EQ(args("running"), "resume --experiment 2");
  EXPECT_FALSE(RunActions::available(run).stop);
  run.environment.host = "gpu-box-far-away";  // an ssh:// launch: `resume --experiment` attaches
  EXPECT_EQ(args("running"), "resume --experiment 2");
  EXPECT_TRUE(RunActions::available(run).stop) << "Stop says where to stop it";
  run.environment.host = RunActions::thisHost().toStdString();
  QString why;
  run.status = "finished";
  EXPECT_TRUE(RunActions::resumeArguments(run, &why).isEmpty());
  EXPECT_TRUE(why.contains("Re-run")) << why.toStdString();
}

TEST(LauncherWidget, PassesDatabaseHomeAndEventsToTheChild) {
  test::TempDir dir;
  FakeCli fake(dir);
  LauncherWidget launcher;
  EXPECT_EQ(launcher.launchSpec("s.json"), nullptr) << "no database yet";
  EXPECT_TRUE(launcher.lastMessage().contains("database"));
  const auto db = dir / "runs.db";
  launcher.setDatabase(db);
  QFile spec(toQString(dir / "mini.json"));
  ASSERT_TRUE(spec.open(QIODevice::WriteOnly));
  spec.close();

  SignalLog started(&launcher, &LauncherWidget::jobStarted);
  SignalLog finished(&launcher, &LauncherWidget::jobFinished);
  CliJob* job = launcher.launchSpec(toQString(dir / "mini.json"));
  ASSERT_NE(job, nullptr);
  EXPECT_EQ(started.size(), 1);
  EXPECT_EQ(job->title(), "mini");
  ASSERT_TRUE(waitForEnd(*job));
  EXPECT_EQ(finished.size(), 1);
  EXPECT_EQ(fake.arguments(), QStringList({"--db", toQString(db), "run", toQString(dir / "mini.json"), "--events", "jsonl"}));

  launcher.setHome(dir / "home");
  job = launcher.resumeRun(7);
  ASSERT_TRUE(waitForEnd(*job));
  EXPECT_EQ(fake.arguments(),
            QStringList({"--home", toQString(dir / "home"), "--db", toQString(db), "resume", "7", "--events", "jsonl"}));
  job = launcher.resumeExperiment(3);
  ASSERT_TRUE(waitForEnd(*job));
  EXPECT_EQ(fake.arguments().mid(4), QStringList({"resume", "--experiment", "3", "--events", "jsonl"}));
  // The Ranks box: each run of the new jobs on N data-parallel processes.
  launcher.ranksBox()->setValue(4);
  job = launcher.resumeExperiment(3);
  ASSERT_TRUE(waitForEnd(*job));
  EXPECT_EQ(fake.arguments().mid(4), QStringList({"resume", "--experiment", "3", "--events", "jsonl", "--nproc", "4"}));
  EXPECT_EQ(launcher.jobs()->rowCount(), 4);
  launcher.removeEnded();
  EXPECT_EQ(launcher.jobs()->rowCount(), 0);
}

TEST(LauncherWidget, LearnsTheExperimentFromTheDatabaseAndResumesOrRerunsIt) {
  test::TempDir dir;
  test::RunDatabaseWriter writer(dir / "runs.db");
  const auto running = writer.add_run("token-crisis-mini/epochs=8", "running");
  writer.store.create_run(writer.experiment, "token-crisis-mini/epochs=16", "{}", {});  // queued
  FakeCli fake(dir);
  fake.holdAtHalfway();
  fake.env.set("FAKE_CLI_RUN_ID", QString::number(running));
  fake.env.set("FAKE_CLI_EXPERIMENT_ID", QString::number(writer.experiment));
  LauncherWidget launcher;
  launcher.setDatabase(dir / "runs.db");
  CliJob* job = launcher.launchSpec(QStringLiteral("token-crisis-mini"));  // a preset name
  ASSERT_TRUE(waitUntil([&] { return job->runsTotal().has_value(); }));
  EXPECT_EQ(job->experimentId(), writer.experiment);
  EXPECT_EQ(job->title(), "token-crisis-mini");
  EXPECT_EQ(job->runsTotal(), 2);  // the one running and the queued one
  EXPECT_EQ(launcher.jobs()->data(launcher.jobs()->index(0, JobListModel::kStatus)).toString(),
            "running (0 of 2 runs done)");
  EXPECT_EQ(launcher.selectedJob(), job);
  launcher.resize(1100, 220);
  launcher.show();
  launcher.jobs()->flushChanges();
  test::save_screenshot(launcher, "launcher_widget_running");
  EXPECT_TRUE(launcher.stopAction()->isEnabled());
  EXPECT_FALSE(launcher.resumeAction()->isEnabled());

  SignalLog activated(&launcher, &LauncherWidget::runActivated);
  emit launcher.table()->doubleClicked(launcher.jobs()->index(0, 0));
  ASSERT_EQ(activated.size(), 1);
  EXPECT_EQ(std::get<0>(activated[0]), running);

  // Stop from the main window's run list: the run is this launcher's.
  RunRow row;
  row.id = running;
  row.status = "running";
  EXPECT_TRUE(launcher.stopRun(row).startsWith("Stopping token-crisis-mini")) << launcher.lastMessage().toStdString();
  ASSERT_TRUE(waitForEnd(*job));
  EXPECT_EQ(job->status(), CliJob::Status::kInterrupted);
  QCoreApplication::processEvents();
  EXPECT_TRUE(launcher.resumeAction()->isEnabled());
  fake.release();  // the jobs below run through

  launcher.resumeAction()->trigger();
  CliJob* resumed = launcher.selectedJob();
  ASSERT_NE(resumed, job);
  ASSERT_TRUE(waitForEnd(*resumed, 8000));
  EXPECT_EQ(resumed->experimentId(), writer.experiment);
  EXPECT_EQ(resumed->runsTotal(), 2) << "learnt from the database although the experiment was known";
  EXPECT_EQ(fake.arguments().mid(2), QStringList({"resume", "--experiment", QString::number(writer.experiment), "--events", "jsonl"}));

  // Duplicate & edit hands the spec as written to the designer.
  SignalLog duplicate(&launcher, &LauncherWidget::duplicateRequested);
  launcher.duplicateAction()->trigger();
  ASSERT_EQ(duplicate.size(), 1);
  EXPECT_EQ(std::get<0>(duplicate[0]), "{}");

  // Re-run: the spec goes next to the database, numbered, and is run as a new experiment.
  CliJob* rerun = launcher.rerun(writer.store.find_run(std::to_string(running)).value());
  ASSERT_NE(rerun, nullptr);
  ASSERT_TRUE(waitForEnd(*rerun, 8000));
  const QString spec1 = toQString(dir / "specs" / "token-crisis-mini-rerun-1.json");
  EXPECT_EQ(fake.arguments().mid(2), QStringList({"run", spec1, "--events", "jsonl"}));
  QFile written(spec1);
  ASSERT_TRUE(written.open(QIODevice::ReadOnly));
  EXPECT_EQ(written.readAll(), "{}");
  QString error;
  EXPECT_EQ(RunActions::writeRerunSpec(dir / "runs.db", {1, "a b/c", "{}", ""}, &error).filename(), "a-b-c-rerun-1.json");
  EXPECT_EQ(RunActions::writeRerunSpec(dir / "runs.db", {1, "a b/c", "{}", ""}, &error).filename(), "a-b-c-rerun-2.json");
}

TEST(LauncherWidget, StopsRunsOfOtherProcessesOnlyWhenSafe) {
  test::TempDir dir;
  LauncherWidget launcher;
  launcher.setDatabase(dir / "runs.db");
  RunRow run;
  run.id = 40;
  run.name = "tc/epochs=2";
  run.status = "running";
  run.environment.host = "gpu-box-9";
  run.environment.pid = 4242;
  EXPECT_TRUE(launcher.stopRun(run).contains("gpu-box-9")) << launcher.lastMessage().toStdString();
  run.environment.host = RunActions::thisHost().toStdString();
  run.environment.pid = 999999999;
  EXPECT_TRUE(launcher.stopRun(run).contains("is gone")) << launcher.lastMessage().toStdString();
  run.environment.pid = QCoreApplication::applicationPid();  // alive, but not a workbench-cli
  EXPECT_TRUE(launcher.stopRun(run).contains("not a workbench-cli")) << launcher.lastMessage().toStdString();
  run.status = "finished";
  EXPECT_TRUE(launcher.stopRun(run).contains("not running"));

  // A workbench-cli started elsewhere (a terminal): SIGINT at its pid, it stops gracefully.
  FakeCli fake(dir);
  fake.holdAtHalfway();
  const QString program = toQString(dir / "workbench-cli");  // named so, as the real one
  ASSERT_TRUE(QFile::copy(kFakeCli, program));
  QProcess other;
  other.start(program, {"run", "x"});
  ASSERT_TRUE(other.waitForStarted());
  QByteArray printed;  // kept whole: a read may end in the middle of a line
  ASSERT_TRUE(waitUntil([&] { return (printed += other.readAll()).contains("\"type\":\"eval\""); }));
  run.status = "running";
  run.environment.pid = other.processId();
  EXPECT_TRUE(RunActions::isWorkbenchCliProcess(run.environment.pid));
  EXPECT_TRUE(launcher.stopRun(run).startsWith("Asked tc/epochs=2")) << launcher.lastMessage().toStdString();
  ASSERT_TRUE(other.waitForFinished(5000));
  EXPECT_EQ(other.exitCode(), 130);
}

TEST(LauncherWidget, RetranslatesOnLanguageChange) {
  test::EnglishAfterwards english;
  LauncherWidget launcher;
  EXPECT_EQ(launcher.stopAction()->text(), "Stop");
  ASSERT_TRUE(installAppLanguage(QStringLiteral("de")));
  QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
  EXPECT_EQ(launcher.stopAction()->text(), "Anhalten");
  EXPECT_EQ(launcher.jobs()->headerData(JobListModel::kProgress, Qt::Horizontal).toString(), "Fortschritt");
  EXPECT_EQ(CliJob::statusText(CliJob::Status::kInterrupted), "unterbrochen");
  EXPECT_EQ(JobListModel::formatDuration(200), "3 min 20 s");
}

}  // namespace
}  // namespace wb
