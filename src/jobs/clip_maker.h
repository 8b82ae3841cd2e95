#pragma once
// One clip from start to finish: the faces in it decide its framing (layout, a crop that
// follows the speaker), then it is rendered with its captions, thumbnail and subtitles.
#include <filesystem>
#include <functional>

#include "jobs/pipeline.h"
#include "media/probe.h"
#include "reframe/face_detector.h"

namespace clipgen::jobs {

// Writes clip.video, clip.thumbnail and clip.subtitles (and with captions, clip.captions when
// it is set) for clip.highlight's stretch of
// `input` and fills in the measured size and duration. `transcript` covers the whole input;
// the clip carries the sound of stream `audio_stream`.
void make_clip(const std::filesystem::path& input, const media::MediaInfo& info, const ClipSettings& settings,
               const speech::Transcript& transcript, int audio_stream, ClipOutput& clip, unsigned threads,
               reframe::FaceDetector& detector, const std::function<void(double)>& progress);

}  // namespace clipgen::jobs
