// The comparison's summary table as a model: one row per run with its factor level, epochs,
// unique tokens, final and best validation loss, the epoch where overfitting set in, the
// degradation against its baseline (the fewest-epochs run of its group) and its final downstream
// scores, one column per downstream metric. Sorts numerically (kSortRole): missing values last,
// runs by id, factor levels by their value.
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <string>
#include <vector>

#include "series/run_outcome.hpp"

namespace wb {

class SummaryTableModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kRun, kStatus, kFactor, kEpochs, kUniqueTokens, kFinalLoss, kBestLoss, kBestStep, kOnsetStep,
                kDegradation, kFirstDownstream };
  static constexpr int kSortRole = Qt::UserRole + 1;  // a number (missing: +inf) or the text

  explicit SummaryTableModel(QObject* parent = nullptr);

  // The rows to show; `levels[i]` is run i's level of the colour-by factor ("epochs=16"),
  // `factor` that factor's name for the header. Columns follow the downstream metrics present.
  void setOutcomes(std::vector<RunOutcome> outcomes, std::vector<QString> levels, QString factor);
  const std::vector<RunOutcome>& outcomes() const { return outcomes_; }
  const std::vector<std::string>& downstreamMetrics() const { return downstream_; }
  // Degradation of row `row` in percent (NaN: no baseline).
  double degradation(int row) const { return degradation_[static_cast<std::size_t>(row)]; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  void retranslate();  // headers follow a language switch

 private:
  double number(std::size_t row, int column) const;  // NaN when the cell has no number
  QString text(std::size_t row, int column) const;

  std::vector<RunOutcome> outcomes_;
  std::vector<QString> levels_;
  std::vector<double> degradation_;
  std::vector<std::string> downstream_;  // sorted metric names
  QString factor_;
};

}  // namespace wb
