#include "jobs/settings_validation.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "captions/caption_style.h"
#include "text/utf8.h"

namespace clipgen::jobs {
namespace {

constexpr std::array<std::string_view, 4> kAspects = {"9:16", "1:1", "16:9", "original"};
constexpr std::array<std::string_view, 4> kLayouts = {"auto", "fill", "split", "fit"};
constexpr std::size_t kMaxPromptChars = 2000;
constexpr int kMaxAudioTrack = 64;

template <std::size_t N>
bool one_of(const std::string& value, const std::array<std::string_view, N>& allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

}  // namespace

std::optional<SettingsError> validate_settings(const ClipSettings& s) {
  if (s.num_clips < 1 || s.num_clips > kMaxClips)
    return SettingsError{"num_clips", fmt::format("must be between 1 and {}, got {}", kMaxClips, s.num_clips)};
  for (const auto& [field, value] : {std::pair{"min_duration", s.min_duration}, {"max_duration", s.max_duration}}) {
    if (!(value >= kMinClipSeconds && value <= kMaxClipSeconds))
      return SettingsError{field, fmt::format("must be between {} and {} seconds, got {}", kMinClipSeconds,
                                              kMaxClipSeconds, value)};
  }
  if (s.min_duration >= s.max_duration)
    return SettingsError{"min_duration", fmt::format("must be less than max_duration ({} >= {})", s.min_duration,
                                                     s.max_duration)};
  if (auto error = validate_framing(s)) return error;
  if (s.language.size() < 2 || s.language.size() > 8 ||
      !std::all_of(s.language.begin(), s.language.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; }))
    return SettingsError{"language", fmt::format("must be a language code such as 'en', got '{}'", s.language)};
  if (text::code_points(s.prompt) > kMaxPromptChars)
    return SettingsError{"prompt", fmt::format("must be at most {} characters", kMaxPromptChars)};
  if (s.audio_track < 0 || s.audio_track > kMaxAudioTrack)
    return SettingsError{"audio_track", fmt::format("must be 0 (the track with the most speech) or a track number "
                                                    "from 1 to {}, got {}", kMaxAudioTrack, s.audio_track)};
  return std::nullopt;
}

std::optional<SettingsError> validate_framing(const ClipSettings& s) {
  if (!one_of(s.aspect, kAspects))
    return SettingsError{"aspect", fmt::format("must be one of 9:16, 1:1, 16:9, original; got '{}'", s.aspect)};
  if (!one_of(s.layout, kLayouts))
    return SettingsError{"layout", fmt::format("must be one of auto, fill, split, fit; got '{}'", s.layout)};
  if (!captions::find_style(s.caption_style))
    return SettingsError{"caption_style", fmt::format("must be one of {}; got '{}'", captions::style_names(),
                                                      s.caption_style)};
  return std::nullopt;
}

std::optional<SettingsError> validate_clip_bounds(double start, double end, double duration) {
  if (!std::isfinite(start) || start < 0 || start >= duration)
    return SettingsError{"start", fmt::format("must be inside the video (0 to {:.2f} s), got {:g}", duration, start)};
  if (!std::isfinite(end) || end > duration)
    return SettingsError{"end", fmt::format("must be inside the video (0 to {:.2f} s), got {:g}", duration, end)};
  if (end <= start) return SettingsError{"end", fmt::format("must be after start ({:g} <= {:g})", end, start)};
  if (end - start < kMinClipSeconds || end - start > kMaxClipSeconds)
    return SettingsError{"end", fmt::format("the clip must last {} to {} seconds, {:.2f} asked for", kMinClipSeconds,
                                            kMaxClipSeconds, end - start)};
  return std::nullopt;
}

}  // namespace clipgen::jobs
