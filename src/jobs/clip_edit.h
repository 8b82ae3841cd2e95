#pragma once
// What a render job makes: one stretch of the source with its framing, the clip as an edit
// (PATCH /api/clips/{id}) or a hand-made clip (POST /api/videos/{id}/clips, `clipgen render`)
// wants it. Stored as a render job's settings (jobs/settings_json.h).
#include <optional>
#include <string>

#include "jobs/pipeline.h"

namespace clipgen::jobs {

struct ClipEdit {
  double start = 0;                  // seconds in the source, already snapped to pauses
  double end = 0;
  std::optional<std::string> title;  // a new title; none: the clip keeps its own
  // aspect, layout, captions, caption_style (the rest of ClipSettings is not used)
  ClipSettings framing;
};

}  // namespace clipgen::jobs
