// The figure's axis names and labels, and which palette colour each curve gets.
#include "series/figure.hpp"

#include <map>
#include <stdexcept>

namespace wb::series {

std::string x_axis_name(XAxis axis) {
  switch (axis) {
    case XAxis::kSteps: return "steps";
    case XAxis::kTokens: return "tokens";
    case XAxis::kEpochs: return "epochs";
    case XAxis::kWallTime: return "wall";
  }
  return "steps";
}

XAxis x_axis_from_name(const std::string& name) {
  for (const auto axis : {XAxis::kSteps, XAxis::kTokens, XAxis::kEpochs, XAxis::kWallTime})
    if (x_axis_name(axis) == name) return axis;
  throw std::invalid_argument("unknown x axis \"" + name + "\"; allowed: steps, tokens, epochs, wall");
}

std::string x_axis_label(XAxis axis) {
  switch (axis) {
    case XAxis::kSteps: return "optimizer steps";
    case XAxis::kTokens: return "training tokens";
    case XAxis::kEpochs: return "epochs";
    case XAxis::kWallTime: return "wall time (s)";
  }
  return "";
}

std::vector<std::size_t> colour_indices(const Figure& figure) {
  // Colours are handed out in the order curves appear, so a figure's first group is always the
  // palette's first colour (orange) whatever the group is called.
  std::vector<std::size_t> indices;
  indices.reserve(figure.curves.size());
  std::map<std::string, std::size_t> of_group;
  std::size_t next = 0;
  for (const auto& curve : figure.curves) {
    if (!curve.group.empty()) {
      const auto [it, inserted] = of_group.try_emplace(curve.group, next);
      if (inserted) ++next;
      indices.push_back(it->second % kPalette.size());
    } else {
      indices.push_back(next++ % kPalette.size());
    }
  }
  return indices;
}

}  // namespace wb::series
