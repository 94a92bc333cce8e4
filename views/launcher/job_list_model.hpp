// The launcher's jobs as a table: what, target, status, progress, step, tokens/s, ETA, last
// validation loss, message. Jobs report at event rate (several lines a second per run, more with
// --jobs N); the model collects which rows changed and announces them every kCoalesceMs, one
// dataChanged per changed row, so a busy job never repaints the whole table.
#pragma once

#include <QAbstractTableModel>
#include <QTimer>
#include <set>
#include <vector>

namespace wb {

class CliJob;

class JobListModel : public QAbstractTableModel {
  Q_OBJECT

 public:
  enum Column { kWhat, kTarget, kStatus, kProgress, kStep, kTokensPerS, kEta, kValLoss, kMessage, kColumnCount };
  static constexpr int kProgressRole = Qt::UserRole + 1;  // 0..1 as a double; invalid if unknown
  static constexpr int kCoalesceMs = 100;

  explicit JobListModel(QObject* parent = nullptr);

  // Adds a job at the end and takes ownership of it (it becomes the model's child).
  void addJob(CliJob* job);
  // Removes and deletes the jobs that have ended; returns how many.
  int removeEndedJobs();

  CliJob* job(int row) const;
  int rowOf(const CliJob* job) const;
  const std::vector<CliJob*>& jobs() const { return jobs_; }

  // Announces pending changes now rather than at the next coalescing tick (tests, before reads).
  void flushChanges();
  // Headers and status texts after a language switch.
  void retranslate();

  // "1 h 05 min", "3 min 20 s", "45 s" (translated).
  static QString formatDuration(double seconds);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

 private:
  void jobChanged(CliJob* job);
  QVariant display(const CliJob& job, int column) const;

  std::vector<CliJob*> jobs_;
  std::set<const CliJob*> dirty_;
  QTimer coalesce_;
};

}  // namespace wb
