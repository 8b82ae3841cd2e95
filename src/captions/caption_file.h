#pragma once
// Writes the burned-in captions of one clip: its words grouped into cues that fit one line
// of the frame, as an ASS file.
#include <filesystem>
#include <vector>

#include "captions/caption_layout.h"
#include "captions/caption_style.h"
#include "speech/transcript.h"

namespace clipgen::captions {

// `words` have times relative to the clip. Throws std::runtime_error when the file cannot be
// written.
void write_captions(const std::filesystem::path& path, const std::vector<speech::Word>& words,
                    const CaptionStyle& style, const Frame& frame, const std::vector<Keepout>& keepouts);

}  // namespace clipgen::captions
