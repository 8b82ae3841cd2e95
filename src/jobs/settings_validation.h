#pragma once
// The rules a job's settings must follow, shared by the CLI flags and the HTTP API so both
// reject the same things with the same words.
#include <optional>
#include <string>

#include "jobs/pipeline.h"

namespace clipgen::jobs {

struct SettingsError {
  std::string field;    // as the API names it: num_clips, min_duration, ...
  std::string message;  // a sentence a user can act on
};

inline constexpr int kMaxClips = 20;
inline constexpr double kMinClipSeconds = 5;
inline constexpr double kMaxClipSeconds = 180;

// The first rule `settings` breaks, or nullopt when they are fine.
std::optional<SettingsError> validate_settings(const ClipSettings& settings);
// The part of them a single clip is rendered with: aspect, layout, caption_style.
std::optional<SettingsError> validate_framing(const ClipSettings& settings);
// One clip's stretch of a source `duration` seconds long: inside it, start before end, and
// kMinClipSeconds..kMaxClipSeconds long (the field named is "start" or "end").
std::optional<SettingsError> validate_clip_bounds(double start, double end, double duration);

}  // namespace clipgen::jobs
