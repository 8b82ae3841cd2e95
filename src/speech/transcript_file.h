#pragma once
// The words of a transcript or captions a user gives, for WordAligner: SubRip (.srt) and WebVTT
// (.vtt) read with FFmpeg's subtitle demuxers (each cue's times bound its words), clipgen's
// own transcript.json (its words' text; their times are not trusted, as an edit moves them),
// or plain UTF-8 text (any other name).
#include <filesystem>
#include <vector>

#include "speech/word_aligner.h"

namespace clipgen::speech {

// Words that are not UTF-8 are repaired (U+FFFD). Throws std::invalid_argument naming the file
// and what is wrong with it (missing, not a regular file, over 16 MiB, not readable as its
// kind, or without a word).
std::vector<TextWord> read_transcript_file(const std::filesystem::path& path);

}  // namespace clipgen::speech
