#pragma once
// Corrections of a transcript's words (PATCH /api/videos/{id}/transcript): runs of words
// replaced by other text, deleted, or text inserted. Pure.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "speech/transcript.h"

namespace clipgen::speech {

// Replaces the words [start, end) (indexes into the transcript before any edit) with the words
// of `text` (split at white space): empty text deletes them, start == end inserts before word
// `start` (== the word count: after the last).
struct WordEdit {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string text;
};

// An edit that cannot be applied; `index` is its place in the list given.
struct WordEditError : std::invalid_argument {
  WordEditError(std::size_t edit_index, const std::string& message)
      : std::invalid_argument(message), index(edit_index) {}
  std::size_t index;
};

// Shortest time an inserted word is given (see apply_word_edits).
inline constexpr double kMinInsertedWordSeconds = 0.1;

// Words an edit may always add beyond the time it covers allows (a missed short word or two).
inline constexpr std::size_t kWordsAlwaysAllowedPerEdit = 3;

// `transcript` with all `edits` applied as one change. The untouched words keep their times.
// The new words of a replacement share the time of the words they replace, by letter count;
// inserted words share the silence between their neighbours, and when that is shorter than
// kMinInsertedWordSeconds a word, also the nearer halves of the neighbouring words (when those
// are untouched), which are shortened to make room. Corrections, not new content: an edit may
// put at most kFastestSpeechWordsPerSecond words per second of the time its words get (plus the
// words it replaces and kWordsAlwaysAllowedPerEdit), and the transcript may not grow past that
// rate over the whole recording (its duration, else its last word's end), so no request can
// make it grow without bound. Throws WordEditError for a range outside the transcript, end <
// start, edits that overlap or insert at the same place twice, text with control characters,
// or more words than those bounds (the transcript-wide one names the first edit that adds words).
Transcript apply_word_edits(const Transcript& transcript, const std::vector<WordEdit>& edits);

}  // namespace clipgen::speech
