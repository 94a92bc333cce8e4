// Run statuses, translated; see run_status_text.hpp.
#include "views/run_status_text.hpp"

#include <QCoreApplication>

namespace wb {

QString runStatusText(const std::string& status) {
  if (status == "queued") return QCoreApplication::translate("wb::RunStatus", "queued");
  if (status == "running") return QCoreApplication::translate("wb::RunStatus", "running");
  if (status == "finished") return QCoreApplication::translate("wb::RunStatus", "finished");
  if (status == "failed") return QCoreApplication::translate("wb::RunStatus", "failed");
  if (status == "interrupted") return QCoreApplication::translate("wb::RunStatus", "interrupted");
  return QString::fromStdString(status);
}

}  // namespace wb
