// The control bar above a comparison chart: which metric, against what (tokens, epochs, steps,
// wall time), coloured by which factor (epochs, model size, objective, dropout, ...), how much
// smoothing, log axes, seeds pooled into a mean with a min/max band, overlaid or as small
// multiples with shared axes. Emits changed() whenever
// the user edits any of them.
#pragma once

#include <QWidget>
#include <string>
#include <vector>

#include "series/run_figure.hpp"

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QSlider;
class QLabel;
QT_END_NAMESPACE

namespace wb {

class CompareControls : public QWidget {
  Q_OBJECT

 public:
  explicit CompareControls(QWidget* parent = nullptr);

  // The metrics the shown runs have; keeps the current choice when it is still there.
  void setMetrics(const std::vector<std::string>& metrics);

  series::FigureRequest request() const;
  bool logX() const;
  bool logY() const;
  // Small multiples (one panel per colour-by level) instead of one overlaid chart.
  bool smallMultiples() const;
  // The panels share their x and y ranges (on by default: panels are compared by eye).
  bool sharedAxes() const;

  // For tests and for restoring a view.
  QComboBox* metricBox() const { return metric_; }
  QComboBox* xAxisBox() const { return xAxis_; }
  QComboBox* groupBox() const { return group_; }
  QSlider* smoothingSlider() const { return smoothing_; }
  QCheckBox* logYBox() const { return logY_; }
  QComboBox* layoutBox() const { return layout_; }
  QCheckBox* sharedAxesBox() const { return sharedAxes_; }
  QCheckBox* seedsBox() const { return seeds_; }

 signals:
  void changed();

 protected:
  void changeEvent(QEvent* event) override;  // a language switch rewords the controls

 private:
  void retranslate();

  QComboBox* metric_;
  QComboBox* xAxis_;
  QComboBox* group_;
  QSlider* smoothing_;
  QLabel* smoothingValue_;
  QCheckBox* logX_;
  QCheckBox* logY_;
  QComboBox* layout_;
  QCheckBox* sharedAxes_;
  QCheckBox* seeds_;
  QLabel* metricLabel_;
  QLabel* xAxisLabel_;
  QLabel* groupLabel_;
  QLabel* smoothingLabel_;
};

}  // namespace wb
