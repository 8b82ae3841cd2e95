#pragma once
// Making an LLM's highlights usable: times inside the video and snapped to sentence pauses,
// durations within the settings, scores 1-10, no overlap; then topped up from another source
// when too few are left. Pure.
#include <vector>

#include "analysis/highlight.h"
#include "analysis/sentences.h"

namespace clipgen::llm {

struct ClipLimits {
  double min_duration = 20;
  double max_duration = 60;
  int num_clips = 5;
};

struct RepairReport {
  int invented = 0;  // times outside the video, reversed or not numbers: dropped
  int unfit = 0;     // could not be brought within the duration limits: dropped
  int overlapping = 0;  // overlapped a better clip: dropped
};

// The repaired highlights, best first, at most limits.num_clips, with their text filled in.
std::vector<analysis::Highlight> repair_highlights(const std::vector<analysis::Highlight>& raw,
                                                   const speech::Transcript& transcript,
                                                   const std::vector<analysis::Sentence>& sentences,
                                                   const ClipLimits& limits, RepairReport& report);

// `chosen` plus as many of `extra` (in their order) as fit without overlapping, up to `count`;
// the result sorted best first.
std::vector<analysis::Highlight> top_up(std::vector<analysis::Highlight> chosen,
                                        const std::vector<analysis::Highlight>& extra, int count);

}  // namespace clipgen::llm
