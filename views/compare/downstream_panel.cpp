// DownstreamPanel: outcomes -> grouped bars of final downstream accuracy.
#include "views/compare/downstream_panel.hpp"

#include <QEvent>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <cmath>
#include <map>
#include <set>

#include "views/chart/bar_view.hpp"

namespace wb {

BarFigure downstreamBars(const std::vector<RunOutcome>& outcomes, const std::vector<QString>& levels,
                         const std::vector<QString>& names) {
  BarFigure figure;
  std::set<std::string> metrics;
  for (const auto& r : outcomes)
    for (const auto& [name, value] : r.downstream)
      if (name.ends_with("/acc") || name.ends_with("/acc_norm")) metrics.insert(name);
  if (metrics.empty()) return figure;
  for (const auto& m : metrics) {
    QString label = QString::fromStdString(m.substr(std::string("downstream/").size()));
    figure.categories << label.replace(QLatin1Char('/'), QLatin1Char(' '));
  }
  // Sets in first-seen order, coloured like series::colour_indices colours the curves.
  std::map<QString, std::size_t> setOf;
  std::vector<std::vector<std::vector<double>>> samples;  // set -> metric -> values
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const QString level = i < levels.size() ? levels[i] : QString();
    const QString key = level.isEmpty() ? QStringLiteral("\x1e%1").arg(i) : level;
    auto [it, added] = setOf.emplace(key, figure.sets.size());
    if (added) {
      figure.sets.push_back({level.isEmpty() && i < names.size() ? names[i] : level, figure.sets.size(), {}});
      samples.emplace_back(metrics.size());
    }
    std::size_t m = 0;
    for (const auto& metric : metrics) {
      const auto found = outcomes[i].downstream.find(metric);
      if (found != outcomes[i].downstream.end()) samples[it->second][m].push_back(found->second);
      ++m;
    }
  }
  for (std::size_t s = 0; s < figure.sets.size(); ++s)
    for (const auto& values : samples[s]) {
      double sum = 0.0;
      for (double v : values) sum += v;
      figure.sets[s].values.push_back(values.empty() ? std::nan("") : sum / static_cast<double>(values.size()));
    }
  return figure;
}

DownstreamPanel::DownstreamPanel(QWidget* parent)
    : QWidget(parent), view_(new BarView(this)), empty_(new QLabel(this)), pages_(new QStackedWidget(this)) {
  empty_->setAlignment(Qt::AlignCenter);
  empty_->setWordWrap(true);
  empty_->setText(emptyText());
  pages_->addWidget(empty_);
  pages_->addWidget(view_);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(pages_);
}

QString DownstreamPanel::emptyText() const {
  // Nothing selected is not "no scores": the comparison pane asks for a selection then, and so does this.
  if (outcomes_.empty()) return tr("Final downstream scores of the selected runs appear here.");
  return tr("No downstream scores in these runs. Add eval.downstream.tasks (cloze, next_passage) to the spec to "
            "score them while they train.");
}

bool DownstreamPanel::showsBars() const { return pages_->currentWidget() == view_; }

void DownstreamPanel::setOutcomes(const std::vector<RunOutcome>& outcomes, const std::vector<QString>& levels,
                                  const std::vector<QString>& names) {
  outcomes_ = outcomes;
  levels_ = levels;
  names_ = names;
  BarFigure bars = downstreamBars(outcomes, levels, names);
  if (bars.categories.isEmpty()) {
    empty_->setText(emptyText());
    pages_->setCurrentWidget(empty_);
    return;
  }
  bars.title = tr("Downstream, final");
  bars.y_label = tr("accuracy");
  view_->setBars(bars);
  pages_->setCurrentWidget(view_);
}

void DownstreamPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) {
    empty_->setText(emptyText());
    if (showsBars()) setOutcomes(outcomes_, levels_, names_);
  }
  QWidget::changeEvent(event);
}

}  // namespace wb
