// DatabaseMessageWidget: a centred, selectable message (paths and commands can be copied).
#include "views/database_message_widget.hpp"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace wb {

DatabaseMessageWidget::DatabaseMessageWidget(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      detail_(new QLabel(this)),
      open_(new QPushButton(tr("Open database…"), this)) {
  QFont titleFont = title_->font();
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
  titleFont.setBold(true);
  title_->setFont(titleFont);
  title_->setTextFormat(Qt::PlainText);
  title_->setWordWrap(true);
  title_->setAlignment(Qt::AlignCenter);
  detail_->setTextFormat(Qt::PlainText);  // paths and error text are never markup
  detail_->setWordWrap(true);
  detail_->setAlignment(Qt::AlignCenter);
  detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  connect(open_, &QPushButton::clicked, this, &DatabaseMessageWidget::openDatabaseRequested);

  // A column of readable width, centred: word-wrapped labels get their height for that width
  // only when laid out without alignment flags, hence the stretches instead.
  auto* column = new QWidget(this);
  column->setMaximumWidth(560);
  column->setMinimumWidth(320);
  auto* columnLayout = new QVBoxLayout(column);
  columnLayout->addWidget(title_);
  columnLayout->addSpacing(12);
  columnLayout->addWidget(detail_);
  columnLayout->addSpacing(12);
  columnLayout->addWidget(open_, 0, Qt::AlignHCenter);

  auto* row = new QHBoxLayout;
  row->addStretch();
  row->addWidget(column, 1);
  row->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->addStretch();
  layout->addLayout(row);
  layout->addStretch();
}

void DatabaseMessageWidget::setMessage(const QString& title, const QString& detail) {
  title_->setText(title);
  detail_->setText(detail);
}

// The title and detail come from the window, which rewords them on the same event.
void DatabaseMessageWidget::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) open_->setText(tr("Open database…"));
  QWidget::changeEvent(event);
}

QString DatabaseMessageWidget::title() const { return title_->text(); }
QString DatabaseMessageWidget::detail() const { return detail_->text(); }

}  // namespace wb
