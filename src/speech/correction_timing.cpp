#include "speech/correction_timing.h"

#include <algorithm>

namespace clipgen::speech {

std::vector<CorrectionRun> correction_runs(const Transcript& transcript, double from, double to) {
  const auto& words = transcript.words;
  const double end_of_recording = transcript.duration > 0 ? transcript.duration : words.empty() ? 0 : words.back().end;
  std::vector<CorrectionRun> runs;
  for (std::size_t first = 0; first < words.size();) {
    if (!words[first].estimated) {
      ++first;
      continue;
    }
    std::size_t last = first;
    while (last < words.size() && words[last].estimated) ++last;
    CorrectionRun run{first, last};
    run.from = first > 0 ? words[first - 1].start : std::max(0.0, words[first].start - kCorrectionMarginSeconds);
    run.to = last < words.size() ? words[last].end
                                 : std::min(end_of_recording, words[last - 1].end + kCorrectionMarginSeconds);
    const bool in_clip = words[first].start < to && words[last - 1].end > from;
    if (in_clip && run.to > run.from && run.to - run.from <= kMaxCorrectionAudioSeconds) runs.push_back(run);
    first = last;
  }
  return runs;
}

Transcript time_corrections(const Transcript& transcript, const std::vector<CorrectionRun>& runs,
                            std::span<const std::int16_t> samples, double offset, WordAligner& aligner,
                            const std::function<void(double)>& progress) {
  Transcript out = transcript;
  auto& words = out.words;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    if (progress) progress(double(r) / double(runs.size()));
    const CorrectionRun& run = runs[r];
    const auto skip = static_cast<std::size_t>(std::max(0.0, (run.from - offset) * kSampleRate));
    const auto stop = std::min(samples.size(), static_cast<std::size_t>(std::max(0.0, (run.to - offset) * kSampleRate)));
    if (skip >= stop) continue;
    const auto audio = samples.subspan(skip, stop - skip);
    const double audio_start = offset + double(skip) / kSampleRate;
    // The run with its heard neighbours, which anchor its edges; when the decoder cannot place
    // those (a neighbour misheard: the recogniser's word was never said), the run alone, whose
    // grammar takes the neighbours' sound as noise (tests/integration/speech/
    // correction_timing_test.cpp measures both against the manifesto's word times).
    const std::size_t begin = run.first > 0 ? run.first - 1 : run.first;
    const std::size_t end = std::min(words.size(), run.last + 1);
    std::vector<TextWord> text;
    for (std::size_t k = begin; k < end; ++k) text.push_back({words[k].text});
    std::size_t skipped = run.first - begin;  // timed words before the run's first
    auto timed = aligner.align_known(audio, audio_start, text);
    if (!timed) {
      timed = aligner.align_known(
          audio, audio_start, std::vector<TextWord>(text.begin() + long(skipped), text.begin() + long(skipped + run.last - run.first)));
      skipped = 0;
    }
    if (!timed) continue;  // not all of those words are in that audio: the estimate stays
    for (std::size_t k = run.first; k < run.last; ++k) {
      const Word& t = (*timed)[k - run.first + skipped];
      words[k].start = t.start;
      words[k].end = t.end;
      words[k].estimated = false;
    }
    // The neighbours keep their outer edges and make room; anchored, they take the decoder's.
    if (begin < run.first) {
      Word& before = words[begin];
      const double end_heard = skipped ? timed->front().end : before.end;
      before.end = std::max(before.start, std::min(end_heard, words[run.first].start));
    }
    if (run.last < end) {
      Word& after = words[run.last];
      const double start_heard = timed->size() > run.last - run.first + skipped ? timed->back().start : after.start;
      after.start = std::min(after.end, std::max(start_heard, words[run.last - 1].end));
    }
  }
  if (progress) progress(1.0);
  return out;
}

Transcript keep_timed_corrections(const Transcript& now, const Transcript& timed) {
  const bool same_words = now.words.size() == timed.words.size() &&
                          std::equal(now.words.begin(), now.words.end(), timed.words.begin(),
                                     [](const Word& a, const Word& b) { return a.text == b.text; });
  return same_words ? timed : now;
}

}  // namespace clipgen::speech
