// RunMonitorHeader: a run's progress and quality numbers as three lines of text.
#include "views/monitor/run_monitor_header.hpp"

#include <QEvent>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>
#include <cmath>

#include "schedule/overfitting_detector.hpp"
#include "views/run_status_text.hpp"

namespace wb {
namespace {

// Parts of one line: short facts side by side read better than a sentence.
QString joined(const QStringList& parts) { return parts.join(QStringLiteral("  ·  ")); }

}  // namespace

RunMonitorHeader::RunMonitorHeader(QWidget* parent)
    : QWidget(parent), name_(new QLabel(this)), progressLine_(new QLabel(this)), qualityLine_(new QLabel(this)) {
  QFont bold = name_->font();
  bold.setBold(true);
  bold.setPointSizeF(bold.pointSizeF() * 1.2);
  name_->setFont(bold);
  for (QLabel* label : {name_, progressLine_, qualityLine_}) {
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);  // a long line must not set the window's minimum width
  }
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(name_);
  layout->addWidget(progressLine_);
  layout->addWidget(qualityLine_);
}

void RunMonitorHeader::setRun(const std::optional<RunRow>& run, const series::RunProgress& progress) {
  run_ = run;
  progress_ = progress;
  retranslate();
}

QString RunMonitorHeader::nameText() const { return name_->text(); }
QString RunMonitorHeader::progressText() const { return progressLine_->text(); }
QString RunMonitorHeader::qualityText() const { return qualityLine_->text(); }

QString RunMonitorHeader::formatCount(double value) {
  const QLocale locale;
  const double magnitude = std::abs(value);
  // SI-style suffixes are the same in every language the app ships.
  if (magnitude >= 1e9) return locale.toString(value / 1e9, 'f', 2) + QLatin1Char('B');
  if (magnitude >= 1e6) return locale.toString(value / 1e6, 'f', 2) + QLatin1Char('M');
  if (magnitude >= 1e4) return locale.toString(value / 1e3, 'f', 1) + QLatin1Char('k');
  return locale.toString(value, 'f', value == std::round(value) ? 0 : 1);
}

QString RunMonitorHeader::formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return QStringLiteral("?");
  const auto total = static_cast<long long>(std::llround(seconds));
  if (total < 60) return tr("%1 s").arg(total);
  if (total < 3600) return tr("%1 min").arg((total + 30) / 60);
  const long long minutes = (total + 30) / 60;
  return tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString RunMonitorHeader::statusWord() const { return runStatusText(run_->status); }

void RunMonitorHeader::retranslate() {
  if (!run_) {
    name_->clear();
    progressLine_->clear();
    qualityLine_->clear();
    return;
  }
  const QLocale locale;
  const series::RunProgress& p = progress_;
  name_->setText(QString::fromStdString(run_->name));

  QStringList progress{statusWord()};
  if (p.total_steps > 0 && p.fraction)
    progress << tr("step %1 of %2 (%3%)")
                    .arg(locale.toString(static_cast<qlonglong>(p.step)),
                         locale.toString(static_cast<qlonglong>(p.total_steps)),
                         locale.toString(*p.fraction * 100.0, 'f', 0));
  else
    progress << tr("step %1").arg(locale.toString(static_cast<qlonglong>(p.step)));
  progress << tr("epoch %1").arg(locale.toString(p.epoch, 'f', 2));
  progress << tr("%1 tokens").arg(formatCount(static_cast<double>(p.tokens)));
  if (p.tokens_per_s) progress << tr("%1 tokens/s").arg(formatCount(*p.tokens_per_s));
  progress << tr("elapsed %1").arg(formatDuration(p.wall_s));
  if (p.eta_s) progress << tr("ETA %1").arg(formatDuration(*p.eta_s));
  progressLine_->setText(joined(progress));

  QStringList quality;
  if (p.best_val_loss)
    quality << tr("best validation loss %1 at step %2")
                   .arg(locale.toString(*p.best_val_loss, 'f', 4),
                        locale.toString(static_cast<qlonglong>(*p.best_step)));
  else
    quality << tr("no validation loss yet");
  if (p.onset)
    quality << tr("overfitting from step %1 (epoch %2)")
                   .arg(locale.toString(static_cast<qlonglong>(p.onset->onset_step)),
                        locale.toString(p.onset->onset_epoch, 'f', 2));
  else if (p.best_val_loss && p.evaluations < kEvaluationsToDetectOnset && run_->status != "running")
    quality << tr("too few evaluations to detect overfitting (%1 of the %2 it needs; evaluate more often: "
                  "training.eval_interval)")
                   .arg(static_cast<qulonglong>(p.evaluations))
                   .arg(static_cast<qulonglong>(kEvaluationsToDetectOnset));
  else if (p.best_val_loss)
    quality << tr("no overfitting detected");
  if (!run_->error.empty()) quality << tr("error: %1").arg(QString::fromStdString(run_->error));
  qualityLine_->setText(joined(quality));
}

void RunMonitorHeader::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

}  // namespace wb
