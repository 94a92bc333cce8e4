// Counts as tables show them: tokens, parameters, FLOPs with a k/M/B/T suffix and three
// significant digits ("950", "262k", "1.05M", "5.44T"), the same in every language.
#pragma once

#include <QString>

namespace wb {

QString formatCount(double value);

}  // namespace wb
