// JobListModel: display of CliJob state and the coalesced, per-row change announcements.
#include "views/launcher/job_list_model.hpp"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <cmath>

#include "views/launcher/cli_job.hpp"

namespace wb {
namespace {

QVariant statusColor(CliJob::Status status) {
  switch (status) {
    case CliJob::Status::kFailed: return QBrush(QColor(0xc0, 0x1c, 0x28));       // red, as RunListModel
    case CliJob::Status::kInterrupted: return QBrush(QColor(0xb5, 0x83, 0x5a));  // amber
    case CliJob::Status::kRunning: return QBrush(QColor(0x1c, 0x71, 0xd8));      // blue
    default: return {};
  }
}

}  // namespace

JobListModel::JobListModel(QObject* parent) : QAbstractTableModel(parent) {
  coalesce_.setSingleShot(true);
  coalesce_.setInterval(kCoalesceMs);
  connect(&coalesce_, &QTimer::timeout, this, &JobListModel::flushChanges);
}

void JobListModel::addJob(CliJob* job) {
  const int row = static_cast<int>(jobs_.size());
  beginInsertRows({}, row, row);
  job->setParent(this);
  jobs_.push_back(job);
  endInsertRows();
  connect(job, &CliJob::changed, this, [this, job] { jobChanged(job); });
}

int JobListModel::removeEndedJobs() {
  flushChanges();
  int removed = 0;
  for (int row = static_cast<int>(jobs_.size()) - 1; row >= 0; --row) {
    CliJob* job = jobs_[static_cast<std::size_t>(row)];
    if (job->isActive()) continue;
    beginRemoveRows({}, row, row);
    jobs_.erase(jobs_.begin() + row);
    endRemoveRows();
    dirty_.erase(job);
    job->disconnect(this);
    job->deleteLater();
    ++removed;
  }
  return removed;
}

CliJob* JobListModel::job(int row) const {
  return row >= 0 && row < rowCount() ? jobs_[static_cast<std::size_t>(row)] : nullptr;
}

int JobListModel::rowOf(const CliJob* job) const {
  for (std::size_t i = 0; i < jobs_.size(); ++i)
    if (jobs_[i] == job) return static_cast<int>(i);
  return -1;
}

void JobListModel::jobChanged(CliJob* job) {
  dirty_.insert(job);
  if (!coalesce_.isActive()) coalesce_.start();
}

void JobListModel::flushChanges() {
  coalesce_.stop();
  const auto dirty = std::exchange(dirty_, {});
  for (const CliJob* job : dirty) {
    const int row = rowOf(job);
    if (row >= 0) emit dataChanged(index(row, 0), index(row, kColumnCount - 1));
  }
}

void JobListModel::retranslate() {
  emit headerDataChanged(Qt::Horizontal, 0, kColumnCount - 1);
  if (!jobs_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1));
}

QString JobListModel::formatDuration(double seconds) {
  const auto total = static_cast<long long>(std::llround(std::max(0.0, seconds)));
  const long long h = total / 3600, min = total % 3600 / 60, s = total % 60;
  if (h > 0) return tr("%1 h %2 min").arg(h).arg(min, 2, 10, QLatin1Char('0'));
  if (min > 0) return tr("%1 min %2 s").arg(min).arg(s, 2, 10, QLatin1Char('0'));
  return tr("%1 s").arg(s);
}

int JobListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(jobs_.size());
}

int JobListModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kColumnCount; }

QVariant JobListModel::display(const CliJob& job, int column) const {
  const CliJob::RunProgress* run = job.currentRun();
  switch (column) {
    case kWhat: {
      if (!run || !job.isActive() || run->name.isEmpty() || run->name == job.title()) return job.title();
      // Run names are "EXPERIMENT/VARIANT": beside the experiment, the variant says enough.
      QString variant = run->name;
      if (variant.startsWith(job.title() + QLatin1Char('/'))) variant.remove(0, job.title().size() + 1);
      return tr("%1: %2").arg(job.title(), variant);
    }
    case kTarget:
      return job.target().displayName();
    case kStatus:
      if (job.runsTotal() && *job.runsTotal() > 1)
        return tr("%1 (%2 of %3 runs done)").arg(CliJob::statusText(job.status())).arg(job.runsDone()).arg(*job.runsTotal());
      return CliJob::statusText(job.status());
    case kProgress: {
      const auto progress = job.progress();
      if (!progress) return {};
      return tr("%1%").arg(static_cast<int>(std::floor(*progress * 100.0)));
    }
    case kStep:
      if (!run || run->totalSteps <= 0) return {};
      return tr("%1 / %2").arg(run->step).arg(run->totalSteps);
    case kTokensPerS: {
      const double rate = job.tokensPerSecond();
      if (rate <= 0.0) return {};
      return QLocale().toString(rate, 'f', 0);
    }
    case kEta: {
      if (!job.isActive()) return {};
      const auto eta = job.etaSeconds();
      return eta ? formatDuration(*eta) : QVariant();
    }
    case kValLoss:
      return job.lastValLoss() ? QLocale().toString(*job.lastValLoss(), 'f', 4) : QVariant();
    case kMessage:
      // Before its first event the CLI prepares data (import, tokenize: minutes for a new
      // corpus); its last stderr line says what it is doing.
      if (job.status() == CliJob::Status::kStarting && job.message().isEmpty() && !job.stderrTail().isEmpty())
        return job.stderrTail().last();
      return job.message();
    default:
      return {};
  }
}

QVariant JobListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= kColumnCount) return {};
  const CliJob& job = *jobs_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
      return display(job, index.column());
    case kProgressRole: {
      const auto progress = job.progress();
      return progress ? QVariant(*progress) : QVariant();
    }
    case Qt::TextAlignmentRole:
      if (index.column() >= kProgress && index.column() <= kValLoss) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    case Qt::ForegroundRole:
      return index.column() == kStatus ? statusColor(job.status()) : QVariant();
    case Qt::ToolTipRole:
      if (index.column() == kMessage && !job.message().isEmpty()) return job.message();
      if (index.column() == kWhat) return job.commandLine();
      return {};
    default:
      return {};
  }
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kWhat: return tr("What");
    case kTarget: return tr("Target");
    case kStatus: return tr("Status");
    case kProgress: return tr("Progress");
    case kStep: return tr("Step");
    case kTokensPerS: return tr("Tokens/s");
    case kEta: return tr("ETA");
    case kValLoss: return tr("Val loss");
    case kMessage: return tr("Message");
    default: return {};
  }
}

}  // namespace wb
