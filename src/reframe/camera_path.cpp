#include "reframe/camera_path.h"

#include <algorithm>
#include <cmath>

namespace clipgen::reframe {
namespace {

int even(double v) { return static_cast<int>(std::lround(v / 2)) * 2; }

// The aim at time t: between two samples of one shot it glides from one to the next.
std::pair<double, double> aim_at(const std::vector<Aim>& aims, std::size_t i, double t) {
  const Aim& a = aims[i];
  if (i + 1 >= aims.size() || aims[i + 1].cut || t <= a.t) return {a.x, a.y};
  const Aim& b = aims[i + 1];
  const double f = std::clamp((t - a.t) / (b.t - a.t), 0.0, 1.0);
  return {a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f};
}

}  // namespace

AxisState follow(const AxisState& state, double aim, const AxisLimits& limits) {
  AxisState next = state;
  const double distance = aim - state.position;
  if (!next.moving && std::abs(distance) > limits.dead_zone) next.moving = true;
  if (!next.moving) return next;
  if (std::abs(distance) <= limits.settle) return {state.position, 0, false};
  const double wanted = std::clamp(distance * limits.ease, -limits.max_step, limits.max_step);
  const double accel = limits.max_step / std::max(1.0, limits.ramp_frames);
  next.velocity = std::clamp(state.velocity + std::clamp(wanted - state.velocity, -accel, accel), -limits.max_step,
                             limits.max_step);
  next.position = state.position + next.velocity;
  return next;
}

media::CropPath camera_path(const std::vector<Aim>& aims, int source_w, int source_h, int crop_w, int crop_h,
                            double fps, double start, double end, const CameraSettings& settings) {
  const double max_x = std::max(0, source_w - crop_w), max_y = std::max(0, source_h - crop_h);
  auto rect_of = [&](double x, double y) {
    return media::CropRect{std::clamp(even(x), 0, static_cast<int>(max_x) & ~1),
                           std::clamp(even(y), 0, static_cast<int>(max_y) & ~1), crop_w, crop_h};
  };
  if (aims.empty()) return {{start, rect_of(max_x / 2, max_y / 2)}};

  auto limits = [&](int crop, int source) {
    return AxisLimits{settings.dead_zone * crop, settings.settle * crop, settings.max_speed * source / fps,
                      settings.ease, settings.ramp_frames};
  };
  const AxisLimits lx = limits(crop_w, source_w), ly = limits(crop_h, source_h);
  AxisState x{aims.front().x}, y{aims.front().y};
  media::CropPath path;
  std::size_t i = 0;
  for (long k = 0;; ++k) {
    const double t = start + static_cast<double>(k) / fps;
    if (t >= end) break;
    bool cut = false;
    while (i + 1 < aims.size() && aims[i + 1].t <= t) cut |= aims[++i].cut;
    const auto [ax, ay] = aim_at(aims, i, t);
    if (cut) {
      x = {ax};
      y = {ay};
    } else {
      x = follow(x, ax, lx);
      y = follow(y, ay, ly);
    }
    const media::CropRect rect = rect_of(x.position, y.position);
    if (path.empty() || rect.x != path.back().rect.x || rect.y != path.back().rect.y) path.push_back({t, rect});
  }
  if (path.empty()) path.push_back({start, rect_of(x.position, y.position)});
  return path;
}

}  // namespace clipgen::reframe
