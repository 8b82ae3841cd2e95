#include "speech/word_aligner.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <stdexcept>

#include "speech/long_text_matching.h"
#include "speech/pocketsphinx_decoder.h"
#include "speech/spoken_numbers.h"
#include "speech/word_error_rate.h"

namespace clipgen::speech {
namespace {

constexpr double kMaxForcedGap = 60;  // s: longer gaps are spread by letters (the grammar search grows with them)
constexpr double kMinWordSeconds = 0.02;
constexpr double kCueSlack = 0.5;     // s: caption cues are often set a little early or late

// One word as it is said: a written word gives none ("—"), one ("Don't," -> "don't") or
// several ("1984", "self-substantial").
struct Token {
  std::string spoken;
  std::size_t owner;  // index of its written word
  std::optional<double> start, end;
  bool from_audio = false;
};

std::vector<Token> tokens_of(const std::vector<TextWord>& text) {
  std::vector<Token> tokens;
  for (std::size_t k = 0; k < text.size(); ++k)
    for (auto& piece : normalized_words(text[k].text)) {
      if (auto number = spoken_number(piece)) {
        for (auto& word : *number) tokens.push_back({std::move(word), k});
      } else {
        tokens.push_back({std::move(piece), k});
      }
    }
  return tokens;
}

// Tokens [first, last) as the grammar takes them: "" for a word the dictionary lacks.
std::vector<std::string> sayable(ps_decoder_t* ps, const std::vector<Token>& tokens, std::size_t first,
                                 std::size_t last) {
  std::vector<std::string> sequence;
  for (std::size_t k = first; k < last; ++k)
    sequence.push_back(in_dictionary(ps, tokens[k].spoken) || learn_pronunciation(ps, tokens[k].spoken) ? tokens[k].spoken
                                                                                                       : "");
  return sequence;
}

void take_times(std::vector<Token>& tokens, std::size_t first, const std::vector<Word>& timed) {
  for (std::size_t n = 0; n < timed.size(); ++n) {
    tokens[first + n].start = timed[n].start;
    tokens[first + n].end = timed[n].end;
    tokens[first + n].from_audio = true;
  }
}

// Spreads tokens [first, last) over [from, to] by letter count.
void spread(std::vector<Token>& tokens, std::size_t first, std::size_t last, double from, double to) {
  double letters = 0;
  for (std::size_t k = first; k < last; ++k) letters += double(tokens[k].spoken.size()) + 1;
  double at = from;
  for (std::size_t k = first; k < last; ++k) {
    const double share = std::max(0.0, to - from) * (double(tokens[k].spoken.size()) + 1) / letters;
    tokens[k].start = at;
    tokens[k].end = at + share;
    at += share;
  }
}

// Whether tokens a and b belong to the same caption cue (or both to none).
bool same_cue(const std::vector<TextWord>& text, const std::vector<Token>& tokens, std::size_t a, std::size_t b) {
  const TextWord& x = text[tokens[a].owner];
  const TextWord& y = text[tokens[b].owner];
  return x.cue_start == y.cue_start && x.cue_end == y.cue_end;
}

// The earliest cue start and the latest cue end of tokens [first, last); nullopt when one of
// them has no cue.
std::optional<std::pair<double, double>> cue_window(const std::vector<TextWord>& text, const std::vector<Token>& tokens,
                                                    std::size_t first, std::size_t last) {
  std::optional<std::pair<double, double>> window;
  for (std::size_t k = first; k < last; ++k) {
    const TextWord& owner = text[tokens[k].owner];
    if (owner.cue_start < 0) return std::nullopt;
    window = window ? std::pair{std::min(window->first, owner.cue_start), std::max(window->second, owner.cue_end)}
                    : std::pair{owner.cue_start, owner.cue_end};
  }
  return window;
}

// The written words from their tokens' times: a word spans its tokens, one with none ("—") sits
// where the previous one ended; each kept in order inside [from, to] and inside its cue (a cue's
// times are the user's word).
std::vector<Word> written_words(const std::vector<TextWord>& text, const std::vector<Token>& tokens, double from,
                                double to) {
  std::vector<Word> words;
  double previous_end = from;
  for (std::size_t k = 0, t = 0; k < text.size(); ++k) {
    double start = previous_end, end = previous_end;
    if (t < tokens.size() && tokens[t].owner == k) {
      start = *tokens[t].start;
      while (t < tokens.size() && tokens[t].owner == k) end = *tokens[t++].end;
    }
    double low = previous_end, high = to;
    if (text[k].cue_start >= 0) {
      low = std::max(low, text[k].cue_start);
      high = std::min(high, text[k].cue_end);
    }
    high = std::max(high, low);
    start = std::clamp(start, low, high);
    end = std::clamp(std::max(end, start + kMinWordSeconds), start, high);
    words.push_back({text[k].text, start, end, 1.0});  // the words are the user's: certain
    previous_end = end;
  }
  return words;
}

}  // namespace

struct WordAligner::KnownTextDecoder {
  DecoderPtr decoder;
  FePtr features;
};

WordAligner::WordAligner(PocketsphinxOptions options) : options_(std::move(options)) {}

WordAligner::~WordAligner() = default;

Alignment WordAligner::align(const SpeechAudio& audio, const std::vector<TextWord>& text,
                             const std::function<void(double)>& progress) {
  auto tokens = tokens_of(text);
  if (tokens.empty()) throw std::invalid_argument("the transcript has no words");
  const double duration = static_cast<double>(audio.samples.size()) / kSampleRate;
  const auto report = [&](double done) {
    if (progress) progress(done);
  };
  PocketsphinxTranscriber recogniser(options_);
  const Transcript heard = recogniser.transcribe(audio, "en", [&](double done) { report(0.8 * done); });

  std::vector<std::string> reference, hypothesis;
  for (const auto& token : tokens) reference.push_back(token.spoken);
  for (const auto& word : heard.words) hypothesis.push_back(word.text);
  const auto matches = long_text_matches(reference, hypothesis);
  const double heard_share = double(matches.size()) / double(tokens.size());
  if (heard_share < kMinHeardShare)
    throw std::invalid_argument(fmt::format(
        "only {:.0f}% of the transcript's {} spoken words were heard in the audio (at least {:.0f}% needed): is "
        "it the transcript of this recording, in English?",
        100 * heard_share, tokens.size(), 100 * kMinHeardShare));
  for (const auto& [i, j] : matches) {
    const Word& w = heard.words[j];
    const TextWord& owner = text[tokens[i].owner];
    // Outside its cue, the word heard is the same word said elsewhere.
    if (owner.cue_start >= 0 && (w.end < owner.cue_start - kCueSlack || w.start > owner.cue_end + kCueSlack)) continue;
    tokens[i].start = w.start;
    tokens[i].end = w.end;
    tokens[i].from_audio = true;
  }

  // Each run of untimed tokens is aligned with the anchors on either side, over their audio:
  // the run's edges are then found by the decoder rather than taken from the free recognition.
  const double speech_start = audio.speech.empty() ? 0 : audio.speech.front().start;
  const double speech_end = audio.speech.empty() ? duration : audio.speech.back().end;
  DecoderPtr decoder = make_decoder(options_.model_dir, options_.decoder);
  FePtr features = make_feature_extractor(decoder.get());
  // Forced alignment of tokens [first, last) over the audio from `from` to `to` (s): their
  // times when the decoder reaches the sequence's end.
  const auto force = [&](std::size_t first, std::size_t last, double from, double to) {
    const auto begin = static_cast<std::size_t>(from * kSampleRate);
    const auto end = std::min(audio.samples.size(), static_cast<std::size_t>(to * kSampleRate));
    if (const auto timed = align_sequence(decoder.get(), features.get(), audio.samples.subspan(begin, end - begin),
                                          double(begin) / kSampleRate, sayable(decoder.get(), tokens, first, last)))
      take_times(tokens, first, *timed);
  };
  for (std::size_t first = 0; first < tokens.size();) {
    if (tokens[first].start) {
      ++first;
      continue;
    }
    // A run stays inside one cue: one that crossed from a cue into the next ("country. | And
    // so", two pieces of a transcript around a 10 s pause) was searched over the pause, failed,
    // and was spread over it.
    std::size_t last = first;
    while (last < tokens.size() && !tokens[last].start && same_cue(text, tokens, first, last)) ++last;
    const bool next_timed = last < tokens.size() && tokens[last].start;
    const double next_start = next_timed ? *tokens[last].start : speech_end;
    double from = first > 0 ? *tokens[first - 1].end : std::min(speech_start, next_start);
    double to = next_timed ? next_start : std::max(speech_end, from);
    if (const auto cues = cue_window(text, tokens, first, last); cues && cues->first < to && cues->second > from) {
      // Without slack: the words end up clamped inside their cues anyway.
      from = std::max(from, cues->first);
      to = std::min(to, cues->second);
    }
    if (to - from >= kMinWordSeconds * double(last - first) && to - from <= kMaxForcedGap) force(first, last, from, to);
    if (!tokens[first].start)  // not aligned: spread between its neighbours
      spread(tokens, first, last, from, to);
    first = last;
    report(0.8 + 0.1 * double(first) / double(tokens.size()));
  }

  // Each stretch of speech again, whole, with the words now placed in it: its times then depend
  // on where the voice is, not on which words the free recognition happened to get (a padded
  // copy moved "ask" by 0.6 s through different anchors).
  // Spans and tokens are both in time order: one pass over each.
  const auto middle = [&](std::size_t k) { return (*tokens[k].start + *tokens[k].end) / 2; };
  std::size_t first = 0;
  for (std::size_t s = 0; s < audio.speech.size(); ++s) {
    report(0.9 + 0.1 * double(s) / double(audio.speech.size()));
    const SpeechSpan& span = audio.speech[s];
    while (first < tokens.size() && middle(first) < span.start) ++first;
    std::size_t last = first;
    while (last < tokens.size() && middle(last) < span.end) ++last;
    if (first < last && span.end - span.start <= kMaxForcedGap) force(first, last, span.start, span.end);
    first = last;
  }

  Alignment result;
  result.transcript.engine = "aligned:" + heard.engine;
  result.transcript.language = "en";
  result.transcript.duration = duration;
  std::size_t from_audio = 0;
  for (const auto& token : tokens) from_audio += token.from_audio ? 1 : 0;
  result.transcript.words = written_words(text, tokens, 0, duration);
  result.heard_share = heard_share;
  result.aligned_share = double(from_audio) / double(tokens.size());
  report(1.0);
  return result;
}

std::optional<std::vector<Word>> WordAligner::align_known(std::span<const std::int16_t> samples, double offset,
                                                          const std::vector<TextWord>& text) {
  auto tokens = tokens_of(text);
  if (tokens.empty() || samples.empty()) return std::nullopt;
  if (!known_) {
    DecoderPtr decoder = make_decoder(options_.model_dir, options_.decoder);
    FePtr features = make_feature_extractor(decoder.get());
    known_ = std::make_unique<KnownTextDecoder>(KnownTextDecoder{std::move(decoder), std::move(features)});
  }
  const auto sequence = sayable(known_->decoder.get(), tokens, 0, tokens.size());
  if (std::find(sequence.begin(), sequence.end(), "") != sequence.end()) return std::nullopt;
  const auto timed = align_sequence(known_->decoder.get(), known_->features.get(), samples, offset, sequence);
  if (!timed) return std::nullopt;
  take_times(tokens, 0, *timed);
  return written_words(text, tokens, offset, offset + static_cast<double>(samples.size()) / kSampleRate);
}

}  // namespace clipgen::speech
