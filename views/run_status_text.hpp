// A run's status in the user's language, one wording for the run list, the monitor's header and
// the summary table.
#pragma once

#include <QString>
#include <string>

namespace wb {

// "finished" -> "beendet" (German) etc.; a status a newer trainer wrote is shown as it is.
QString runStatusText(const std::string& status);

}  // namespace wb
