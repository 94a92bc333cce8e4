// Where an axis puts its labelled ticks: round values (1, 2 or 5 times a power of ten) inside the
// drawn range. Pure functions, shared by the desktop app's charts and their PNG/SVG/PDF export.
#pragma once

#include <vector>

namespace wb::series {

// 1, 2 or 5 times a power of ten, at least `raw` (1 for a step that is not positive and finite).
double nice_step(double raw);

// Ticks of a logarithmic axis over [lo, hi] (0 < lo < hi), at most about `max_ticks`:
// - several decades: powers of ten (every second, third, ... when there are too many);
// - one or two decades: 1, 2 and 5 times the powers of ten;
// - less than a decade (a loss between 2 and 5): evenly spaced round values (2, 3, 4, 5), since
//   a log axis labelled only at powers of ten would have no label at all there.
// Empty for a range that cannot be drawn on a log axis.
std::vector<double> log_ticks(double lo, double hi, int max_ticks);

}  // namespace wb::series
