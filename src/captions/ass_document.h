#pragma once
// An ASS subtitle document for libass to burn in: one event per spoken word, showing the
// word's cue with that word highlighted, placed off the faces. Pure.
#include <string>
#include <vector>

#include "captions/caption_layout.h"
#include "captions/caption_style.h"
#include "captions/cue_grouping.h"

namespace clipgen::captions {

// "H:MM:SS.cc", ASS's time format (centiseconds).
std::string ass_time(double seconds);

// The caption text of `cue` as ASS markup, the word at `spoken` highlighted in `style`.
std::string cue_markup(const CaptionCue& cue, std::size_t spoken, const CaptionStyle& style);

std::string ass_document(const std::vector<CaptionCue>& cues, const CaptionStyle& style, const Frame& frame,
                         const std::vector<Keepout>& keepouts);

}  // namespace clipgen::captions
