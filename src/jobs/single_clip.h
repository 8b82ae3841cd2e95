#pragma once
// One clip rendered on its own, with the framing, captions, thumbnail and subtitles a job's
// clips get: a clip re-rendered after an edit, a clip made by hand (the service's render jobs,
// `clipgen render`).
#include <filesystem>
#include <string>

#include "jobs/clip_edit.h"
#include "jobs/pipeline.h"
#include "speech/pocketsphinx_transcriber.h"
#include "speech/transcript.h"

namespace clipgen::jobs {

// Renders [edit.start, edit.end] of `input` into `out_dir` as STEM.mp4, STEM.jpg, STEM.srt and,
// with captions, STEM.ass (the captions burned in). `transcript` covers the whole input (its
// words in the window become the captions, subtitles and text); the sound is its audio track.
// Progress goes to hooks as stage "render". Throws media::MediaError for an input the user
// must fix (not a video with sound, bounds outside it: the message names "start" or "end"),
// Canceled, std::runtime_error otherwise.
// `transcript` with its corrected words in the clip [edit.start, edit.end] timed from the audio
// of `input` (its transcript's track; speech/correction_timing.h); as it is when it has none
// there. Progress goes to hooks as stage "align" (about a second per run of corrected words).
// Throws Canceled, media::MediaError for an unreadable input, std::runtime_error when the
// engine fails.
speech::Transcript time_clip_corrections(const std::filesystem::path& input, const speech::Transcript& transcript,
                                         const ClipEdit& edit, const speech::PocketsphinxOptions& engine,
                                         const PipelineHooks& hooks);

ClipOutput render_single_clip(const std::filesystem::path& input, const speech::Transcript& transcript,
                              const ClipEdit& edit, const std::filesystem::path& out_dir, const std::string& stem,
                              unsigned threads, const PipelineHooks& hooks);

}  // namespace clipgen::jobs
