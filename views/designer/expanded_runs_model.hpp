// The runs an experiment expands to, as a table: name, unique tokens U, epochs R, training tokens
// D, parameters N, training FLOPs, estimated wall time and the loss a saved scaling-law fit
// predicts (core/design/run_estimates.hpp). Counts read 1.05M, durations 2 h 5 min.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "design/run_estimates.hpp"

namespace wb {

class ExpandedRunsModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kName, kUniqueTokens, kEpochs, kTokens, kParameters, kFlops, kEta, kPredictedLoss, kColumnCount };

  explicit ExpandedRunsModel(QObject* parent = nullptr);

  void setEstimates(std::vector<design::RunEstimate> estimates);
  const std::vector<design::RunEstimate>& estimates() const { return estimates_; }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  // "950", "1.05M", "3.2B", "1.2T" (views/number_format.hpp); "12 s", "4 min", "2 h 5 min", "3 d 4 h".
  static QString formatCount(double value);
  static QString formatDuration(double seconds);

 private:
  std::vector<design::RunEstimate> estimates_;
};

}  // namespace wb
