#pragma once
// Corrected words timed from the audio. A correction (word_edits.h) places its words by
// estimate (Word::estimated); a render then times those in its clip: each run of estimated
// words is decoded with a grammar of exactly those words between the heard word on either side
// (forced alignment, WordAligner::align_known), over the audio from the start of the word
// before to the end of the word after. The API never decodes audio; the render job does.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "speech/transcript.h"
#include "speech/word_aligner.h"

namespace clipgen::speech {

// Runs whose audio would be longer than this keep their estimate (the grammar search grows
// with the audio; a correction is a few words).
inline constexpr double kMaxCorrectionAudioSeconds = 60;
// Audio taken before (after) a run that has no heard word before (after) it: words put before
// the first heard one are placed just before it, and may have been said seconds earlier.
inline constexpr double kCorrectionMarginSeconds = 5.0;

struct CorrectionRun {
  std::size_t first = 0;  // the estimated words [first, last) of the transcript
  std::size_t last = 0;
  double from = 0;        // the audio to decode them in, seconds of the recording
  double to = 0;
};

// The runs of estimated words overlapping [from, to] (a clip, seconds) whose audio is at most
// kMaxCorrectionAudioSeconds long, in order. Pure.
std::vector<CorrectionRun> correction_runs(const Transcript& transcript, double from, double to);

// `transcript` with `runs` timed from `samples` (16 kHz mono; sample 0 is `offset` s into the
// recording; it must cover every run's audio). A timed word is no longer estimated; the heard
// neighbours keep their outer edges and take their inner ones from the decoder; a run the
// decoder cannot place, or holding a word the dictionary cannot say, keeps its estimate.
// `progress` gets the share of runs done after each (it may throw to cancel). Throws
// std::runtime_error when the engine fails.
Transcript time_corrections(const Transcript& transcript, const std::vector<CorrectionRun>& runs,
                            std::span<const std::int16_t> samples, double offset, WordAligner& aligner,
                            const std::function<void(double)>& progress);

// `timed` when `now` (the transcript as stored when the timing ends) still holds the words it
// was made from (the same texts in the same order); else `now` (corrected again meanwhile: the
// next render times those). Pure.
Transcript keep_timed_corrections(const Transcript& now, const Transcript& timed);

}  // namespace clipgen::speech
