#include "reframe/layout_choice.h"

#include <algorithm>
#include <stdexcept>

namespace clipgen::reframe {
namespace {

constexpr double kKeptToFill = 0.85;       // a crop keeping this share of the picture loses nothing that matters
constexpr double kSecondFaceArea = 0.4;    // a face this share of the largest one's size is a second speaker
constexpr double kApartShare = 0.3;        // of samples showing two speakers no window holds
constexpr double kFacelessShare = 0.8;     // of samples without any face: a wide shot of a scene
constexpr double kOnScreen = 0.5;          // of samples showing a person who counts as on screen
constexpr double kTalks = 0.15;            // of the voiced samples a person talks in to be one who talks

// Whether the speakers in one sample fit side by side (or one above the other) in the window.
bool fits_one_window(const std::vector<FaceBox>& faces, const media::CropRect& crop) {
  if (faces.empty()) return true;
  const double largest = std::max_element(faces.begin(), faces.end(), [](const FaceBox& a, const FaceBox& b) {
                           return a.area() < b.area();
                         })->area();
  double left = 1e18, right = -1e18, top = 1e18, bottom = -1e18;
  for (const auto& f : faces) {
    if (f.area() < kSecondFaceArea * largest) continue;
    left = std::min(left, f.x);
    right = std::max(right, f.x + f.w);
    top = std::min(top, f.y);
    bottom = std::max(bottom, f.y + f.h);
  }
  return right - left <= crop.w && bottom - top <= crop.h;
}

}  // namespace

media::Layout choose_layout(const std::string& setting, const FaceTrack& track, const media::CropRect& crop,
                            const Conversation& conversation) {
  if (setting == "fill") return media::Layout::Fill;
  if (setting == "fit") return media::Layout::Fit;
  if (setting == "split") return conversation.people.size() >= 2 ? media::Layout::Split : media::Layout::Fill;
  if (setting != "auto")
    throw std::invalid_argument("layout must be one of auto, fill, split, fit; got '" + setting + "'");

  const double kept = double(crop.w) * crop.h / (double(track.width) * track.height);
  if (track.samples.empty() || kept >= kKeptToFill) return media::Layout::Fill;
  const auto total = static_cast<double>(track.samples.size());
  const auto faceless = std::count_if(track.samples.begin(), track.samples.end(),
                                      [](const FrameSample& s) { return s.faces.empty(); });
  const auto apart = std::count_if(track.samples.begin(), track.samples.end(),
                                   [&](const FrameSample& s) { return !fits_one_window(s.faces, crop); });
  if (faceless >= kFacelessShare * total) return media::Layout::Fit;
  const auto talking = std::count_if(conversation.people.begin(), conversation.people.end(), [](const Person& p) {
    return p.seen >= kOnScreen && p.talks >= kTalks;
  });
  if (talking >= 2) return media::Layout::Split;
  if (talking == 1 || apart < kApartShare * total) return media::Layout::Fill;
  return media::Layout::Fit;
}

}  // namespace clipgen::reframe
