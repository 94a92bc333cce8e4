// SummaryTableModel: outcomes -> cells, numbers formatted for reading and kept for sorting.
#include "views/compare/summary_table_model.hpp"

#include <QColor>
#include <cmath>
#include <limits>
#include <set>

#include "schedule/overfitting_detector.hpp"
#include "series/run_figure.hpp"
#include "views/number_format.hpp"
#include "views/run_status_text.hpp"

namespace wb {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

QString shortName(const RunOutcome& r) {
  const auto slash = r.name.find('/');
  return QString::fromStdString(slash == std::string::npos ? r.name : r.name.substr(slash + 1));
}

// "downstream/cloze/acc" -> "cloze acc"
QString downstreamLabel(const std::string& metric) {
  QString s = QString::fromStdString(metric.substr(std::string("downstream/").size()));
  return s.replace(QLatin1Char('/'), QLatin1Char(' '));
}

}  // namespace

SummaryTableModel::SummaryTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void SummaryTableModel::setOutcomes(std::vector<RunOutcome> outcomes, std::vector<QString> levels, QString factor) {
  std::set<std::string> downstream;
  for (const auto& r : outcomes)
    for (const auto& [name, value] : r.downstream) downstream.insert(name);
  const std::vector<std::string> metrics(downstream.begin(), downstream.end());
  const bool sameShape = metrics == downstream_ && outcomes.size() == outcomes_.size() && factor == factor_;
  if (!sameShape) beginResetModel();
  outcomes_ = std::move(outcomes);
  levels_ = std::move(levels);
  levels_.resize(outcomes_.size());
  degradation_ = degradation_percent(outcomes_);
  downstream_ = metrics;
  factor_ = std::move(factor);
  // Live refreshes keep the selection, sort and scroll position: same shape, new values.
  if (!sameShape) endResetModel();
  else if (!outcomes_.empty()) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int SummaryTableModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(outcomes_.size());
}

int SummaryTableModel::columnCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : kFirstDownstream + static_cast<int>(downstream_.size());
}

double SummaryTableModel::number(std::size_t row, int column) const {
  const RunOutcome& r = outcomes_[row];
  switch (column) {
    case kEpochs: return r.train_tokens > 0 ? r.epochs : kMissing;
    case kUniqueTokens: return r.unique_tokens > 0 ? static_cast<double>(r.unique_tokens) : kMissing;
    case kFinalLoss: return r.evaluated ? r.final_val_loss : kMissing;
    case kBestLoss: return r.evaluated ? r.best_val_loss : kMissing;
    case kBestStep: return r.evaluated ? static_cast<double>(r.best_step) : kMissing;
    case kOnsetStep: return r.onset_step >= 0 ? static_cast<double>(r.onset_step) : kMissing;
    case kDegradation: return degradation_[row];
    default: break;
  }
  if (column >= kFirstDownstream) {
    const auto it = r.downstream.find(downstream_[static_cast<std::size_t>(column - kFirstDownstream)]);
    return it == r.downstream.end() ? kMissing : it->second;
  }
  return kMissing;
}

QString SummaryTableModel::text(std::size_t row, int column) const {
  const RunOutcome& r = outcomes_[row];
  if (column == kRun) return shortName(r);
  if (column == kStatus) return runStatusText(r.status);
  if (column == kFactor) return levels_[row];
  const double v = number(row, column);
  if (std::isnan(v)) return QStringLiteral("–");
  switch (column) {
    case kEpochs: return QString::number(v, 'g', 4);
    case kUniqueTokens: return formatCount(v);
    case kFinalLoss:
    case kBestLoss: return QString::number(v, 'f', 4);
    case kBestStep:
    case kOnsetStep: return QString::number(static_cast<qlonglong>(v));
    case kDegradation: return QString::asprintf("%+.2f%%", v);
    default: return QString::number(v, 'f', 3);
  }
}

QVariant SummaryTableModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const auto row = static_cast<std::size_t>(index.row());
  const int column = index.column();
  switch (role) {
    case Qt::DisplayRole: return text(row, column);
    case kSortRole: {
      // Runs in the order they were made (a sweep's order), not "epochs=16" before "epochs=4";
      // factor levels by their number where they have one.
      if (column == kRun) return static_cast<qlonglong>(outcomes_[row].run_id);
      if (column == kFactor) {
        bool numeric = false;
        const double level = levels_[row].section(QLatin1Char('='), -1).toDouble(&numeric);
        if (numeric) return level;
      }
      if (column == kRun || column == kStatus || column == kFactor) return text(row, column);
      const double v = number(row, column);
      return std::isnan(v) ? std::numeric_limits<double>::infinity() : v;
    }
    case Qt::TextAlignmentRole:
      return column <= kFactor ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
      // Worse than the baseline by more than a percent: the reader's eye goes there first.
      if (column == kDegradation && degradation_[row] > 1.0) return QColor(0xD5, 0x5E, 0x00);
      return {};
    case Qt::ToolTipRole:
      if (column == kDegradation)
        return tr("Final validation loss against the run with the fewest epochs among runs that differ only in "
                  "repetition (same budget, model and settings)");
      if (column == kOnsetStep) {
        if (outcomes_[row].onset_step >= 0)
          return tr("Validation loss rose for good after step %1 (epoch %2); the best was at step %3")
              .arg(outcomes_[row].onset_step)
              .arg(outcomes_[row].onset_epoch, 0, 'f', 2)
              .arg(outcomes_[row].best_step);
        if (outcomes_[row].evaluations < kEvaluationsToDetectOnset && outcomes_[row].status != "running")
          return tr("Too few evaluations to detect overfitting (%1 of the %2 it needs; evaluate more often: "
                    "training.eval_interval)")
              .arg(static_cast<qulonglong>(outcomes_[row].evaluations))
              .arg(static_cast<qulonglong>(kEvaluationsToDetectOnset));
        return tr("No overfitting detected: the smoothed validation loss never rose past the threshold");
      }
      if (column == kRun) return QString::fromStdString(outcomes_[row].name);
      return {};
    default: return {};
  }
}

QVariant SummaryTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
  switch (section) {
    case kRun: return tr("Run");
    case kStatus: return tr("Status");
    case kFactor: return factor_;
    case kEpochs: return tr("Epochs");
    case kUniqueTokens: return tr("Unique tokens");
    case kFinalLoss: return tr("Final val. loss");
    case kBestLoss: return tr("Best val. loss");
    case kBestStep: return tr("Best at step");
    case kOnsetStep: return tr("Overfits after step");
    case kDegradation: return tr("vs baseline");
    default: break;
  }
  if (section >= kFirstDownstream && section < columnCount())
    return downstreamLabel(downstream_[static_cast<std::size_t>(section - kFirstDownstream)]);
  return {};
}

void SummaryTableModel::retranslate() { emit headerDataChanged(Qt::Horizontal, 0, std::max(columnCount() - 1, 0)); }

}  // namespace wb
