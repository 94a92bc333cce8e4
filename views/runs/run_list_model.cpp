// RunListModel: display of run rows and the row-by-row diff that keeps views stable on refresh.
#include "views/runs/run_list_model.hpp"

#include <QBrush>
#include <QColor>
#include <QDateTime>

#include "views/run_status_text.hpp"

namespace wb {
namespace {

// Stored timestamps are ISO 8601 UTC; shown in local time, in a form that sorts as text.
QString localTime(const std::string& iso_utc) {
  if (iso_utc.empty()) return {};
  const QDateTime time = QDateTime::fromString(QString::fromStdString(iso_utc), Qt::ISODateWithMs);
  if (!time.isValid()) return QString::fromStdString(iso_utc);
  return time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QVariant statusColor(const std::string& status) {
  if (status == "failed") return QBrush(QColor(0xc0, 0x1c, 0x28));       // red
  if (status == "interrupted") return QBrush(QColor(0xb5, 0x83, 0x5a));  // amber
  if (status == "running") return QBrush(QColor(0x1c, 0x71, 0xd8));      // blue
  return {};
}

}  // namespace

RunListModel::RunListModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunListModel::setStore(const RunStore* store) { store_ = store; }

void RunListModel::refresh() { apply(store_ ? store_->runs() : std::vector<RunRow>{}); }

void RunListModel::retranslate() {
  emit headerDataChanged(Qt::Horizontal, 0, kColumnCount - 1);
  if (!runs_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, kColumnCount - 1));
}

// Both lists are sorted by id, so one merge walk finds removed, inserted and changed rows.
// Consecutive inserts and removals go out as one range, so a batch of new runs is one signal.
void RunListModel::apply(std::vector<RunRow> fresh) {
  std::size_t i = 0;  // position in runs_ (which is edited as we go)
  std::size_t j = 0;  // position in fresh
  while (i < runs_.size() || j < fresh.size()) {
    if (j == fresh.size() || (i < runs_.size() && runs_[i].id < fresh[j].id)) {
      std::size_t end = i + 1;  // runs_[i, end) are gone
      while (end < runs_.size() && (j == fresh.size() || runs_[end].id < fresh[j].id)) ++end;
      beginRemoveRows({}, static_cast<int>(i), static_cast<int>(end - 1));
      runs_.erase(runs_.begin() + static_cast<std::ptrdiff_t>(i),
                  runs_.begin() + static_cast<std::ptrdiff_t>(end));
      endRemoveRows();
    } else if (i == runs_.size() || fresh[j].id < runs_[i].id) {
      std::size_t end = j + 1;  // fresh[j, end) are new
      while (end < fresh.size() && (i == runs_.size() || fresh[end].id < runs_[i].id)) ++end;
      const auto count = end - j;
      beginInsertRows({}, static_cast<int>(i), static_cast<int>(i + count - 1));
      runs_.insert(runs_.begin() + static_cast<std::ptrdiff_t>(i),
                   std::make_move_iterator(fresh.begin() + static_cast<std::ptrdiff_t>(j)),
                   std::make_move_iterator(fresh.begin() + static_cast<std::ptrdiff_t>(end)));
      endInsertRows();
      i += count;
      j = end;
    } else {  // same run: update in place if anything changed (status, ended, ...)
      if (!(runs_[i] == fresh[j])) {
        runs_[i] = std::move(fresh[j]);
        const int row = static_cast<int>(i);
        emit dataChanged(index(row, 0), index(row, kColumnCount - 1));
      }
      ++i;
      ++j;
    }
  }
}

int RunListModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(runs_.size());
}

int RunListModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kColumnCount;
}

QVariant RunListModel::display(const RunRow& run, int column) const {
  switch (column) {
    case kId:
      return QVariant::fromValue<qlonglong>(run.id);  // a number, so it sorts as one
    case kExperiment:
      return QString::fromStdString(run.experiment);
    case kName:
      return QString::fromStdString(run.name);
    case kStatus:
      return runStatusText(run.status);
    case kStarted:
      return localTime(run.started_at);
    case kEnded:
      return localTime(run.ended_at);
    case kHost:
      return QString::fromStdString(run.environment.host);
    default:
      return {};
  }
}

QVariant RunListModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount() || index.column() >= kColumnCount) return {};
  const RunRow& run = runs_[static_cast<std::size_t>(index.row())];
  switch (role) {
    case Qt::DisplayRole:
      return display(run, index.column());
    case kRunIdRole:
      return QVariant::fromValue<qlonglong>(run.id);
    case Qt::TextAlignmentRole:
      if (index.column() == kId) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
      return {};
    case Qt::ForegroundRole:
      return index.column() == kStatus ? statusColor(run.status) : QVariant();
    case Qt::ToolTipRole:
      if (index.column() == kStatus && !run.error.empty()) return QString::fromStdString(run.error);
      if (index.column() == kStarted) return QString::fromStdString(run.started_at);  // UTC
      if (index.column() == kEnded) return QString::fromStdString(run.ended_at);
      if (index.column() == kHost && !run.environment.code_version.empty())
        return tr("%1, pid %2")
            .arg(QString::fromStdString(run.environment.code_version))
            .arg(run.environment.pid);
      return {};
    default:
      return {};
  }
}

QVariant RunListModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kId:
      return tr("ID");
    case kExperiment:
      return tr("Experiment");
    case kName:
      return tr("Name");
    case kStatus:
      return tr("Status");
    case kStarted:
      return tr("Started");
    case kEnded:
      return tr("Ended");
    case kHost:
      return tr("Host");
    default:
      return {};
  }
}

}  // namespace wb
