#include "jobs/settings_json.h"

#include <cstdint>
#include <limits>
#include <stdexcept>

namespace clipgen::jobs {
namespace {

// Reads json[name] into `field` when present; a value of the wrong type names the field.
template <typename T>
void read_field(const nlohmann::json& json, const char* name, T& field) {
  const auto it = json.find(name);
  if (it == json.end() || it->is_null()) return;
  const bool fits = std::is_same_v<T, bool>          ? it->is_boolean()
                    : std::is_same_v<T, std::string> ? it->is_string()
                    : std::is_integral_v<T>          ? it->is_number_integer()
                                                     : it->is_number();
  if (!fits) throw std::invalid_argument(std::string(name) + " has the wrong type");
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
    // get<T>() would wrap: 4294967297 must not become 1.
    const bool in_range = it->is_number_unsigned()
                              ? it->template get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<T>::max())
                              : it->template get<std::int64_t>() >= std::numeric_limits<T>::min() &&
                                    it->template get<std::int64_t>() <= std::numeric_limits<T>::max();
    if (!in_range) throw std::invalid_argument(std::string(name) + " is out of range");
  }
  field = it->get<T>();
}

}  // namespace

nlohmann::json to_json(const ClipSettings& settings) {
  return {{"num_clips", settings.num_clips},   {"min_duration", settings.min_duration},
          {"max_duration", settings.max_duration}, {"aspect", settings.aspect},
          {"layout", settings.layout},         {"captions", settings.captions},
          {"caption_style", settings.caption_style}, {"language", settings.language},
          {"prompt", settings.prompt}, {"audio_track", settings.audio_track}};
}

ClipSettings settings_from_json(const nlohmann::json& json) {
  if (!json.is_object()) throw std::invalid_argument("the settings must be a JSON object");
  ClipSettings settings;
  read_field(json, "num_clips", settings.num_clips);
  read_field(json, "min_duration", settings.min_duration);
  read_field(json, "max_duration", settings.max_duration);
  read_field(json, "aspect", settings.aspect);
  read_field(json, "layout", settings.layout);
  read_field(json, "captions", settings.captions);
  read_field(json, "caption_style", settings.caption_style);
  read_field(json, "language", settings.language);
  read_field(json, "prompt", settings.prompt);
  read_field(json, "audio_track", settings.audio_track);
  return settings;
}

nlohmann::json to_json(const ClipEdit& edit) {
  auto json = to_json(edit.framing);
  json["start"] = edit.start;
  json["end"] = edit.end;
  json["title"] = edit.title ? nlohmann::json(*edit.title) : nlohmann::json(nullptr);
  return json;
}

ClipEdit clip_edit_from_json(const nlohmann::json& json) {
  ClipEdit edit;
  edit.framing = settings_from_json(json);
  for (const char* name : {"start", "end"})
    if (!json.contains(name)) throw std::invalid_argument(std::string(name) + " is missing");
  read_field(json, "start", edit.start);
  read_field(json, "end", edit.end);
  std::string title;
  read_field(json, "title", title);
  if (json.contains("title") && !json["title"].is_null()) edit.title = title;
  return edit;
}

}  // namespace clipgen::jobs
