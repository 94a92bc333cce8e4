// CliJob: the child process, its output read line by line, events folded into progress, and
// the exit status mapped to what the user can do next.
#include "views/launcher/cli_job.hpp"

#include <algorithm>

namespace wb {
namespace {

// A line longer than this without a newline is not an event (run_started carries the spec,
// experiment_finished the summary rows: kilobytes, not megabytes); dropped to bound memory.
constexpr qsizetype kMaxLineBytes = 16 * 1024 * 1024;

void appendTail(QStringList& tail, const QString& line) {
  tail << line;
  if (tail.size() > CliJob::kTailLines) tail.erase(tail.begin(), tail.begin() + (tail.size() - CliJob::kTailLines));
}

}  // namespace

double CliJob::RunProgress::fraction() const {
  if (totalSteps <= 0) return done && status == QLatin1String("finished") ? 1.0 : 0.0;
  return std::clamp(static_cast<double>(step) / static_cast<double>(totalSteps), 0.0, 1.0);
}

double CliJob::RunProgress::remainingTokens() const {
  if (done || totalSteps <= 0) return 0.0;
  const double perStep = tokensPerStep > 0 ? static_cast<double>(tokensPerStep)
                         : step > 0        ? static_cast<double>(tokens) / static_cast<double>(step)
                                           : 0.0;
  return std::max<double>(0.0, static_cast<double>(totalSteps - step) * perStep);
}

CliJob::CliJob(std::shared_ptr<const LaunchTarget> target, CliCommand command, QString title, QObject* parent)
    : QObject(parent), target_(std::move(target)), command_(std::move(command)), title_(std::move(title)) {
  invocation_ = target_->invocation(command_);
  connect(&process_, &QProcess::readyReadStandardOutput, this, &CliJob::readStdout);
  connect(&process_, &QProcess::readyReadStandardError, this, &CliJob::readStderr);
  connect(&process_, &QProcess::finished, this, &CliJob::processFinished);
  connect(&process_, &QProcess::errorOccurred, this, &CliJob::processError);
}

CliJob::~CliJob() {
  process_.disconnect(this);  // no signals into a half-destroyed job or its list
  if (process_.state() == QProcess::NotRunning) return;
  release();
  // A remote job still starting waits for the host's answer before it can detach (its ssh has up
  // to 15 s to connect): killed sooner, it would leave a launch there that nothing here knows of.
  const int graceMs = status_ == Status::kStarting && !target_->isLocal() ? 20000 : 3000;
  if (released_ && process_.waitForFinished(graceMs)) return;
  target_->kill(process_);
  process_.waitForFinished(1000);
}

void CliJob::release() {
  if (released_ || process_.state() == QProcess::NotRunning) return;
  released_ = target_->release(process_);
}

void CliJob::start() {
  if (started_) return;  // one process per job: Resume and Re-run make new jobs
  started_ = true;
  setStatus(Status::kStarting);
  process_.start(invocation_.program, invocation_.arguments, QIODevice::ReadOnly);
}

CliJob::StopResult CliJob::stop() {
  if (!isActive()) return StopResult::kNotRunning;
  if (status_ == Status::kStopping) {
    if (stopTimer_.isValid() && stopTimer_.elapsed() < killAfterMs_) return StopResult::kStillStopping;
    killed_ = true;
    target_->kill(process_);
    return StopResult::kKilled;
  }
  stopTimer_.start();
  if (process_.state() == QProcess::Starting || !target_->interrupt(process_)) {
    // Not started yet (or the signal could not be sent): nothing to checkpoint, end it.
    killed_ = true;
    target_->kill(process_);
    return StopResult::kKilled;
  }
  setStatus(Status::kStopping);
  return StopResult::kInterrupting;
}

void CliJob::setTitle(const QString& title) {
  title_ = title;
  emit changed();
}

QString CliJob::commandLine() const {
  QStringList parts{invocation_.program};
  for (const QString& argument : invocation_.arguments)
    parts << (argument.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + argument + QLatin1Char('\'') : argument);
  return parts.join(QLatin1Char(' '));
}

qint64 CliJob::processId() const { return process_.processId(); }

QString CliJob::statusText(Status status) {
  switch (status) {
    case Status::kStarting: return tr("starting");
    case Status::kRunning: return tr("running");
    case Status::kStopping: return tr("stopping");
    case Status::kFinished: return tr("finished");
    case Status::kFailed: return tr("failed");
    case Status::kInterrupted: return tr("interrupted");
  }
  return {};
}

const CliJob::RunProgress* CliJob::currentRun() const {
  for (auto it = runs_.rbegin(); it != runs_.rend(); ++it)
    if (!it->done) return &*it;
  return runs_.empty() ? nullptr : &runs_.back();
}

bool CliJob::trains(std::int64_t runId) const {
  return isActive() && std::any_of(runs_.begin(), runs_.end(), [&](const RunProgress& r) { return r.id == runId && !r.done; });
}

int CliJob::runsDone() const {
  return static_cast<int>(std::count_if(runs_.begin(), runs_.end(), [](const RunProgress& r) {
    return r.done && r.status != QLatin1String("interrupted");
  }));
}

void CliJob::setRunsTotal(int total) {
  runsTotal_ = total;
  emit changed();
}

std::optional<double> CliJob::progress() const {
  if (status_ == Status::kFinished) return 1.0;
  if (runsTotal_ && *runsTotal_ > 0) {
    double sum = 0.0;
    for (const RunProgress& r : runs_) sum += r.done && r.status != QLatin1String("interrupted") ? 1.0 : r.fraction();
    return std::clamp(sum / *runsTotal_, 0.0, 1.0);
  }
  const RunProgress* run = currentRun();
  if (!run || run->totalSteps <= 0) return std::nullopt;
  return run->fraction();
}

double CliJob::tokensPerSecond() const {
  if (hasEnded()) return 0.0;
  double sum = 0.0;
  for (const RunProgress& r : runs_)
    if (!r.done) sum += r.tokensPerS;
  return sum;
}

std::optional<double> CliJob::etaSeconds() const {
  const double rate = tokensPerSecond();
  if (rate <= 0.0) return std::nullopt;
  double remaining = 0.0;
  double seenTokens = 0.0;
  int seenRuns = 0;
  for (const RunProgress& r : runs_) {
    remaining += r.remainingTokens();
    if (r.totalSteps > 0 && r.tokensPerStep > 0) {
      seenTokens += static_cast<double>(r.totalSteps) * static_cast<double>(r.tokensPerStep);
      ++seenRuns;
    }
  }
  const int queued = runsTotal_ ? std::max(0, *runsTotal_ - static_cast<int>(runs_.size())) : 0;
  if (queued > 0 && seenRuns > 0) remaining += queued * seenTokens / seenRuns;
  return remaining / rate;
}

void CliJob::readStdout() {
  stdoutBuffer_ += process_.readAllStandardOutput();
  qsizetype start = 0;
  for (qsizetype newline; (newline = stdoutBuffer_.indexOf('\n', start)) >= 0; start = newline + 1)
    handleLine(stdoutBuffer_.mid(start, newline - start));
  stdoutBuffer_.remove(0, start);
  if (stdoutBuffer_.size() > kMaxLineBytes) {
    ++malformedLines_;
    appendTail(stdoutTail_, tr("[a line of more than %1 MiB without a newline was dropped]").arg(kMaxLineBytes >> 20));
    stdoutBuffer_.clear();
  }
}

void CliJob::readStderr() {
  stderrBuffer_ += process_.readAllStandardError();
  // The CLI's progress bar redraws with '\r' on a terminal; either ends a line here.
  qsizetype start = 0;
  for (qsizetype i = 0; i < stderrBuffer_.size(); ++i) {
    if (stderrBuffer_[i] != '\n' && stderrBuffer_[i] != '\r') continue;
    const QString line = QString::fromUtf8(stderrBuffer_.mid(start, i - start)).trimmed();
    if (!line.isEmpty()) appendTail(stderrTail_, line);
    start = i + 1;
  }
  stderrBuffer_.remove(0, start);
  if (stderrBuffer_.size() > 64 * 1024) stderrBuffer_.clear();
  emit changed();
}

void CliJob::handleLine(const QByteArray& line) {
  const CliEventParse parsed = parseCliEvent(line);
  if (parsed.blank) return;
  QString shown = QString::fromUtf8(line.left(2000));
  if (!parsed.event) {
    ++malformedLines_;
    shown += QStringLiteral("   <- ") + parsed.error;
  }
  appendTail(stdoutTail_, shown);
  if (parsed.event) {
    handleEvent(*parsed.event);
    emit eventReceived(*parsed.event);
  }
}

CliJob::RunProgress& CliJob::runFor(const CliEvent& event) {
  for (RunProgress& r : runs_)
    if (r.id == event.runId) return r;
  RunProgress& r = runs_.emplace_back();
  r.id = event.runId;
  r.name = event.runName;
  return r;
}

void CliJob::handleEvent(const CliEvent& e) {
  if (e.type == CliEvent::Type::kUnknown) return;  // a newer CLI's addition: nothing to show
  if (status_ == Status::kStarting) setStatus(Status::kRunning);
  if (e.type == CliEvent::Type::kDetached) {
    if (e.experimentId > 0) experimentId_ = e.experimentId;
    detachedFrom_ = e.target.isEmpty() ? tr("the remote host") : e.target;
    emit changed();
    return;
  }
  if (e.type == CliEvent::Type::kExperimentFinished) {
    if (e.experimentId > 0) experimentId_ = e.experimentId;
    experimentInterrupted_ = e.interrupted;
    emit changed();
    return;
  }
  if (e.runId == 0) return;
  const bool isNew = std::none_of(runs_.begin(), runs_.end(), [&](const RunProgress& r) { return r.id == e.runId; });
  RunProgress& r = runFor(e);
  if (!e.runName.isEmpty()) r.name = e.runName;
  if (e.step) r.step = *e.step;
  if (e.totalSteps && *e.totalSteps > 0) r.totalSteps = *e.totalSteps;
  if (e.tokens) r.tokens = *e.tokens;
  if (e.tokensPerS && *e.tokensPerS > 0)
    r.tokensPerS = r.tokensPerS <= 0.0 ? *e.tokensPerS : r.tokensPerS + kRateSmoothing * (*e.tokensPerS - r.tokensPerS);
  switch (e.type) {
    case CliEvent::Type::kRunStarted:
      r.done = false;  // resumed within this job
      r.status.clear();
      if (e.tokensPerStep) r.tokensPerStep = *e.tokensPerStep;
      if (e.startStep) {
        r.step = *e.startStep;
        r.tokens = r.step * r.tokensPerStep;
      }
      break;
    case CliEvent::Type::kEval:
      if (e.valLoss) lastValLoss_ = r.valLoss = e.valLoss;
      break;
    case CliEvent::Type::kRunFinished:
      r.done = true;
      r.status = e.status;
      r.error = e.error;
      if (e.valLoss) lastValLoss_ = r.valLoss = e.valLoss;
      if (!e.error.isEmpty()) message_ = tr("%1 failed: %2").arg(r.name, e.error);
      break;
    default:
      break;
  }
  if (isNew) emit runStarted(r.id);
  emit changed();
}

void CliJob::setStatus(Status status) {
  if (status_ == status) return;
  status_ = status;
  emit changed();
}

QString CliJob::cliErrorText() const {
  // The CLI prints "error: WHAT" and "  fix: WHAT TO DO" last; CLI11's usage errors are plain
  // lines. Show the last error with its fix, else the last two lines.
  for (qsizetype i = stderrTail_.size() - 1; i >= 0; --i) {
    if (!stderrTail_[i].startsWith(QLatin1String("error:"))) continue;
    QStringList lines{stderrTail_[i]};
    if (i + 1 < stderrTail_.size() && stderrTail_[i + 1].startsWith(QLatin1String("fix:"))) lines << stderrTail_[i + 1];
    return lines.join(QLatin1Char(' '));
  }
  return stderrTail_.mid(std::max<qsizetype>(0, stderrTail_.size() - 2)).join(QLatin1Char(' '));
}

void CliJob::finish(Status status, QString message) {
  if (!message.isEmpty()) message_ = std::move(message);
  setStatus(status);
  emit changed();
  emit finished();
}

void CliJob::processFinished(int exitCode, QProcess::ExitStatus exitStatus) {
  readStdout();
  readStderr();
  if (!stdoutBuffer_.isEmpty()) handleLine(std::exchange(stdoutBuffer_, {}));  // last line, no newline
  if (killed_)
    return finish(Status::kInterrupted, tr("Killed before it wrote a checkpoint: Resume continues from the last one."));
  // SIGINT before the CLI installed its handler (it is still reading the spec) ends it at once.
  if (exitStatus == QProcess::CrashExit && stopTimer_.isValid())
    return finish(Status::kInterrupted, tr("Stopped before training began."));
  if (exitStatus == QProcess::CrashExit)
    return finish(Status::kFailed, tr("workbench-cli ended abnormally (a signal). %1").arg(cliErrorText()).trimmed());
  exitCode_ = exitCode;
  switch (exitCode) {
    case 0:
      if (experimentInterrupted_) return finish(Status::kInterrupted, tr("Stopped: Resume continues from the checkpoint."));
      return finish(Status::kFinished, {});
    case 130:
      if (!detachedFrom_.isEmpty())
        return finish(Status::kInterrupted,
                      tr("No longer followed (%1 keeps training it): Resume follows it again.").arg(detachedFrom_));
      return finish(Status::kInterrupted, tr("Stopped: a checkpoint was written; Resume continues from it."));
    case 1:
      return finish(Status::kFailed, tr("Training or I/O failed: %1").arg(cliErrorText()));
    case 2:
      return finish(Status::kFailed, tr("Bad command line or spec: %1").arg(cliErrorText()));
    case 3:
      return finish(Status::kFailed, tr("Data problem: %1").arg(cliErrorText()));
    case 4:
      return finish(Status::kFailed, tr("Run database problem: %1").arg(cliErrorText()));
    default:
      return finish(Status::kFailed, tr("workbench-cli exited with code %1: %2").arg(exitCode).arg(cliErrorText()));
  }
}

void CliJob::processError(QProcess::ProcessError error) {
  if (error != QProcess::FailedToStart) return;  // the others end in finished() as well
  finish(Status::kFailed, tr("Cannot start %1: %2. Set WB_CLI to the workbench-cli program, or put it on PATH.")
                              .arg(invocation_.program, process_.errorString()));
}

}  // namespace wb
