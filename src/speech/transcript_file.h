#pragma once
// The words of a transcript or captions a user gives, for WordAligner: SubRip (.srt) and WebVTT
// (.vtt) read with FFmpeg's subtitle demuxers (each cue's times bound its words), clipgen's
// own transcript.json (its words' text; their times are not trusted, as an edit moves them),
// or plain UTF-8 text.
#include <cstdint>
#include <filesystem>
#include <string_view>
#include <vector>

#include "speech/word_aligner.h"

namespace clipgen::speech {

enum class TranscriptKind { srt, vtt, json, text };

// Ten hours of talk is about 600 KB of text; a larger file is something else (or /dev/zero).
inline constexpr std::uintmax_t kMaxTranscriptBytes = 16u << 20;

// By the file's extension: .srt, .vtt, .json, anything else plain text.
TranscriptKind transcript_kind_of(const std::filesystem::path& path);
// "srt", "vtt", "json" or "text".
std::string_view to_string(TranscriptKind kind);

// The words of the file at `path` read as `kind` (its size is the caller's to bound). Words that
// are not UTF-8 are repaired (U+FFFD). Throws std::invalid_argument saying what is wrong with
// the content, without the path (not readable as its kind, or without a word).
std::vector<TextWord> read_transcript(const std::filesystem::path& path, TranscriptKind kind);

// The kind by extension, for `--transcript FILE`. Throws std::invalid_argument naming the file
// and what is wrong with it (missing, not a regular file, over kMaxTranscriptBytes, or as
// read_transcript).
std::vector<TextWord> read_transcript_file(const std::filesystem::path& path);

}  // namespace clipgen::speech
