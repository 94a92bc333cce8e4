// The live monitor's header: one run's name and status, how far it got (step of total, epoch,
// tokens), its throughput and ETA, the best validation loss so far and the overfitting onset once
// the trainer reported it. It only formats what series::run_progress worked out, and words it
// again on a language switch.
#pragma once

#include <QWidget>
#include <optional>

#include "series/run_progress.hpp"
#include "store/run_store.hpp"

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace wb {

class RunMonitorHeader : public QWidget {
  Q_OBJECT

 public:
  explicit RunMonitorHeader(QWidget* parent = nullptr);

  // What to show; no run clears the header.
  void setRun(const std::optional<RunRow>& run, const series::RunProgress& progress);

  // The three lines as shown (tests).
  QString nameText() const;
  QString progressText() const;
  QString qualityText() const;

  // "1.5M", "850k", "2.1B": counts short enough for a header line.
  static QString formatCount(double value);
  // "45 s", "12 min", "3 h 05 min".
  static QString formatDuration(double seconds);

 protected:
  void changeEvent(QEvent* event) override;  // a language switch rewords every line

 private:
  void retranslate();
  QString statusWord() const;

  std::optional<RunRow> run_;
  series::RunProgress progress_;
  QLabel* name_;
  QLabel* progressLine_;
  QLabel* qualityLine_;
};

}  // namespace wb
