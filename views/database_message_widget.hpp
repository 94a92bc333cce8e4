// The page a window shows instead of its runs when the database cannot be shown: a title, the
// problem with its fix, and a button to open another database.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace wb {

class DatabaseMessageWidget : public QWidget {
  Q_OBJECT

 public:
  explicit DatabaseMessageWidget(QWidget* parent = nullptr);

  void setMessage(const QString& title, const QString& detail);
  QString title() const;
  QString detail() const;

 signals:
  void openDatabaseRequested();

 protected:
  void changeEvent(QEvent* event) override;  // retranslates the button

 private:
  QLabel* title_;
  QLabel* detail_;
  QPushButton* open_;
};

}  // namespace wb
