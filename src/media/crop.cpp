#include "media/crop.h"

#include <algorithm>
#include <stdexcept>

namespace clipgen::media {
namespace {

int even_down(int v) { return v & ~1; }

}  // namespace

std::pair<int, int> output_size(const std::string& aspect, int src_width, int src_height) {
  if (aspect == "9:16") return {1080, 1920};
  if (aspect == "1:1") return {1080, 1080};
  if (aspect == "16:9") return {1920, 1080};
  if (aspect == "original") return {std::max(2, even_down(src_width)), std::max(2, even_down(src_height))};
  throw std::invalid_argument("aspect must be one of 9:16, 1:1, 16:9, original; got '" + aspect + "'");
}

CropRect centered_crop(int src_width, int src_height, int out_width, int out_height) {
  // Compare aspect ratios exactly in integers: src_w/src_h vs out_w/out_h.
  const long long lhs = static_cast<long long>(src_width) * out_height;
  const long long rhs = static_cast<long long>(out_width) * src_height;
  int w = src_width, h = src_height;
  if (lhs > rhs) {
    w = static_cast<int>(rhs / out_height);  // source is wider: keep full height
  } else if (lhs < rhs) {
    h = static_cast<int>(static_cast<long long>(src_width) * out_height / out_width);  // taller: keep full width
  }
  w = std::max(2, even_down(w));
  h = std::max(2, even_down(h));
  return {even_down((src_width - w) / 2), even_down((src_height - h) / 2), w, h};
}

CropRect crop_at(const CropPath& path, double t) {
  if (path.empty()) throw std::invalid_argument("crop path is empty");
  auto after = std::upper_bound(path.begin(), path.end(), t, [](double v, const CropKey& k) { return v < k.t; });
  return after == path.begin() ? path.front().rect : std::prev(after)->rect;
}

}  // namespace clipgen::media
