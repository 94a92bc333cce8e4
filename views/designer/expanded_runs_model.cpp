// ExpandedRunsModel: estimates -> cells; the raw number under Qt::UserRole for sorting and tests.
#include "views/designer/expanded_runs_model.hpp"

#include "views/number_format.hpp"

#include <cmath>

namespace wb {

ExpandedRunsModel::ExpandedRunsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ExpandedRunsModel::setEstimates(std::vector<design::RunEstimate> estimates) {
  beginResetModel();
  estimates_ = std::move(estimates);
  endResetModel();
}

int ExpandedRunsModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(estimates_.size());
}

int ExpandedRunsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : kColumnCount; }

QString ExpandedRunsModel::formatCount(double value) { return wb::formatCount(value); }

QString ExpandedRunsModel::formatDuration(double seconds) {
  const auto s = static_cast<long long>(std::llround(seconds));
  if (s < 60) return tr("%1 s").arg(s);
  if (s < 3600) return tr("%1 min").arg((s + 30) / 60);
  const long long minutes = (s + 30) / 60;
  if (minutes < 24 * 60) return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60);
  const long long hours = (s + 1800) / 3600;
  return tr("%1 d %2 h").arg(hours / 24).arg(hours % 24);
}

QVariant ExpandedRunsModel::data(const QModelIndex& index, int role) const {
  if (!index.isValid() || index.row() >= rowCount()) return {};
  const auto& r = estimates_[static_cast<std::size_t>(index.row())];
  const bool failed = !r.error.empty();
  if (role == Qt::ToolTipRole) {
    if (failed) return QString::fromStdString(r.error);
    if (index.column() == kPredictedLoss && r.predicted_loss)
      return tr("Predicted by the saved fit \"%1\"").arg(QString::fromStdString(r.law_fit));
    if (index.column() == kEta && !r.eta_s)
      return tr("No finished run in this database measured a throughput yet");
    return {};
  }
  if (role == Qt::UserRole) {
    switch (index.column()) {
      case kName: return QString::fromStdString(r.name);
      case kUniqueTokens: return static_cast<qlonglong>(r.unique_tokens);
      case kEpochs: return r.epochs;
      case kTokens: return static_cast<qlonglong>(r.train_tokens);
      case kParameters: return static_cast<qlonglong>(r.parameters);
      case kFlops: return r.flops;
      case kEta: return r.eta_s ? QVariant(*r.eta_s) : QVariant();
      case kPredictedLoss: return r.predicted_loss ? QVariant(*r.predicted_loss) : QVariant();
      default: return {};
    }
  }
  if (role == Qt::TextAlignmentRole)
    return index.column() == kName ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
  if (role != Qt::DisplayRole) return {};
  if (index.column() == kName) return QString::fromStdString(r.name);
  if (failed) return index.column() == kUniqueTokens ? tr("cannot plan") : QString();
  switch (index.column()) {
    case kUniqueTokens: return formatCount(static_cast<double>(r.unique_tokens));
    case kEpochs: return QString::number(r.epochs, 'g', 4);
    case kTokens: return formatCount(static_cast<double>(r.train_tokens));
    case kParameters: return formatCount(static_cast<double>(r.parameters));
    case kFlops: return formatCount(r.flops);
    case kEta: return r.eta_s ? formatDuration(*r.eta_s) : QStringLiteral("–");
    case kPredictedLoss: return r.predicted_loss ? QString::number(*r.predicted_loss, 'f', 3) : QStringLiteral("–");
    default: return {};
  }
}

QVariant ExpandedRunsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal) return {};
  if (role == Qt::ToolTipRole) {
    switch (section) {
      case kUniqueTokens: return tr("U: distinct training tokens, in whole sequences");
      case kEpochs: return tr("R = D / U: how often each unique token is seen");
      case kTokens: return tr("D: training tokens, whole optimizer steps of the budget");
      case kParameters: return tr("N: trainable parameters (vocabulary estimated from the tokenizer)");
      case kFlops: return tr("Training FLOPs: FLOPs per token (6 N + attention) x D");
      case kEta: return tr("Wall time at the model FLOP/s the newest finished runs of this database measured");
      case kPredictedLoss: return tr("Final validation loss predicted by a saved scaling-law fit (data-constrained for repeated data, else Chinchilla)");
      default: return {};
    }
  }
  if (role != Qt::DisplayRole) return {};
  switch (section) {
    case kName: return tr("Run");
    case kUniqueTokens: return tr("Unique tokens");
    case kEpochs: return tr("Epochs");
    case kTokens: return tr("Tokens");
    case kParameters: return tr("Parameters");
    case kFlops: return tr("FLOPs");
    case kEta: return tr("Est. time");
    case kPredictedLoss: return tr("Predicted loss");
    default: return {};
  }
}

}  // namespace wb
