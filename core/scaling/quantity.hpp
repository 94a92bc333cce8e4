// Reading and writing the large numbers of scaling laws the way papers write them: "70B"
// parameters, "1.4T" tokens, "5.76e23" FLOPs.
#pragma once

#include <string>
#include <string_view>

namespace wb::scaling {

// "400M", "1.4T", "70B", "20k", "6.8e9", "1e21", "250000" (suffixes k/K, M, B/G, T, P; case of
// M, B, T, P does not matter). Throws std::invalid_argument naming the text and the accepted forms.
double parse_quantity(std::string_view text);

// 3 significant digits with a suffix: 8.00B, 1.40T, 400M, 25.0k; below 1000 plainly.
std::string format_quantity(double value);
// Scientific notation with 3 significant digits: 1.92e+19.
std::string format_flops(double flops);

}  // namespace wb::scaling
