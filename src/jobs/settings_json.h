#pragma once
// ClipSettings as JSON: stored with each job, and read from the API's request bodies.
// Field names are the API's: num_clips, min_duration, max_duration, aspect, layout, captions,
// caption_style, language, prompt.
#include <nlohmann/json.hpp>

#include "jobs/clip_edit.h"
#include "jobs/pipeline.h"

namespace clipgen::jobs {

nlohmann::json to_json(const ClipSettings& settings);
// Missing fields keep their defaults; unknown fields are ignored. Throws std::invalid_argument
// naming the field when one has the wrong JSON type (ranges: validate_settings).
ClipSettings settings_from_json(const nlohmann::json& json);

// A render job's settings: the framing's fields as above, and start, end, title.
nlohmann::json to_json(const ClipEdit& edit);
// Throws std::invalid_argument naming the field (start and end are required).
ClipEdit clip_edit_from_json(const nlohmann::json& json);

}  // namespace clipgen::jobs
