// Downstream scores beside the loss curves: the final accuracy of each downstream task as bars,
// one bar per level of the colour-by factor (the mean over its runs), in the curves' colours, so
// "does more repetition hurt the loss and the task scores alike?" is answered at a glance.
#pragma once

#include <QString>
#include <QWidget>
#include <vector>

#include "series/run_outcome.hpp"
#include "views/chart/bar_chart.hpp"

QT_BEGIN_NAMESPACE
class QLabel;
class QStackedWidget;
QT_END_NAMESPACE

namespace wb {

class BarView;

// The bars for these outcomes: categories are the accuracy-type downstream metrics (…/acc,
// …/acc_norm) any run has; one set per distinct level in first-seen order (levels[i] is
// outcomes[i]'s; an empty level makes the run its own set, named by `names[i]`); colour indices
// as series::colour_indices gives the curves of the same runs in the same order.
BarFigure downstreamBars(const std::vector<RunOutcome>& outcomes, const std::vector<QString>& levels,
                         const std::vector<QString>& names);

class DownstreamPanel : public QWidget {
  Q_OBJECT

 public:
  explicit DownstreamPanel(QWidget* parent = nullptr);
  void setOutcomes(const std::vector<RunOutcome>& outcomes, const std::vector<QString>& levels,
                   const std::vector<QString>& names);
  bool showsBars() const;
  BarView* view() const { return view_; }

 protected:
  void changeEvent(QEvent* event) override;

 private:
  QString emptyText() const;

  BarView* view_;
  QLabel* empty_;
  QStackedWidget* pages_;
  std::vector<RunOutcome> outcomes_;  // kept to re-title on a language switch
  std::vector<QString> levels_;
  std::vector<QString> names_;
};

}  // namespace wb
