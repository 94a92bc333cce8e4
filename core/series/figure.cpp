// The figure's axis names and labels, and which palette colour each curve gets.
#include "series/figure.hpp"

#include <algorithm>
#include <cmath>
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
  std::size_t next = figure.first_colour;
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

void AxisRange::add(double v) {
  if (!std::isfinite(v)) return;
  lo = set() ? std::min(lo, v) : v;
  hi = set() ? std::max(hi, v) : v;
}

void AxisRange::add(const AxisRange& other) {
  if (other.set()) add(other.lo), add(other.hi);
}

Figure pool_seeds(const Figure& figure, const std::vector<std::string>& keys) {
  std::map<std::string, std::vector<std::size_t>> members;
  for (std::size_t i = 0; i < figure.curves.size(); ++i)
    if (i < keys.size() && !keys[i].empty()) members[keys[i]].push_back(i);
  Figure out = figure;
  out.curves.clear();
  out.markers.clear();
  std::vector<std::int64_t> pooled_runs;
  for (std::size_t i = 0; i < figure.curves.size(); ++i) {
    const Curve& curve = figure.curves[i];
    const auto group = i < keys.size() && !keys[i].empty() ? members.find(keys[i]) : members.end();
    if (group == members.end() || group->second.size() < 2) {
      out.curves.push_back(curve);
      continue;
    }
    if (group->second.front() != i) continue;  // pooled where its first member was
    std::vector<std::vector<Point>> curves;
    for (std::size_t member : group->second) curves.push_back(figure.curves[member].points);
    Band band = mean_band(curves);
    if (band.mean.empty()) {  // no common x range: every seed on its own
      for (std::size_t member : group->second) out.curves.push_back(figure.curves[member]);
      continue;
    }
    Curve mean;
    mean.label = curve.group.empty() ? curve.label : curve.group;
    mean.group = curve.group;
    mean.points = std::move(band.mean);
    mean.band_low = std::move(band.low);
    mean.band_high = std::move(band.high);
    out.curves.push_back(std::move(mean));
    for (std::size_t member : group->second) pooled_runs.push_back(figure.curves[member].run_id);
  }
  // A pooled run's onset is one seed's, not the mean's: such markers go.
  for (const auto& m : figure.markers)
    if (std::find(pooled_runs.begin(), pooled_runs.end(), m.run_id) == pooled_runs.end()) out.markers.push_back(m);
  return out;
}

std::pair<AxisRange, AxisRange> data_extent(const Figure& figure) {
  AxisRange x, y;
  const auto add = [&](const std::vector<Point>& points) {
    for (const auto& p : points) {
      if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
      if ((figure.log_x && p.x <= 0) || (figure.log_y && p.y <= 0)) continue;
      x.add(p.x);
      y.add(p.y);
    }
  };
  for (const auto& c : figure.curves) add(c.points), add(c.raw), add(c.band_low), add(c.band_high);
  for (const auto& m : figure.markers) add({m.at});
  return {x, y};
}

std::vector<Figure> split_by_group(const Figure& figure, bool shared_axes) {
  std::vector<Figure> panels;
  const auto colours = colour_indices(figure);
  std::map<std::string, std::size_t> panel_of_group;
  for (std::size_t i = 0; i < figure.curves.size(); ++i) {
    const Curve& curve = figure.curves[i];
    std::size_t panel = panels.size();
    if (!curve.group.empty()) panel = panel_of_group.try_emplace(curve.group, panel).first->second;
    if (panel == panels.size()) {
      Figure f;
      f.title = curve.group.empty() ? curve.label : curve.group;
      f.x_label = figure.x_label;
      f.y_label = figure.y_label;
      f.log_x = figure.log_x;
      f.log_y = figure.log_y;
      f.first_colour = colours[i];
      panels.push_back(std::move(f));
    }
    Figure& f = panels[panel];
    f.curves.push_back(curve);
    for (const auto& m : figure.markers)
      if (m.run_id != 0 && m.run_id == curve.run_id) f.markers.push_back(m);
  }
  if (shared_axes) {
    AxisRange x, y;
    for (const auto& f : panels) {
      const auto [fx, fy] = data_extent(f);
      x.add(fx);
      y.add(fy);
    }
    for (auto& f : panels) f.x_range = x, f.y_range = y;
  }
  return panels;
}

}  // namespace wb::series
