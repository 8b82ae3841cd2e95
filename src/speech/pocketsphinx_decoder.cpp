#include "speech/pocketsphinx_decoder.h"

#include <sphinxbase/ckd_alloc.h>
#include <sphinxbase/cmn.h>
#include <sphinxbase/err.h>
#include <sphinxbase/feat.h>
#include <sphinxbase/fsg_model.h>

#include <fmt/format.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <string_view>

#include "speech/transcriber.h"
#include "speech/word_cleanup.h"

namespace fs = std::filesystem;

namespace clipgen::speech {
namespace {

constexpr double kFrameSeconds = 0.01;  // pocketsphinx's default 100 frames per second
constexpr std::size_t kBlockSamples = kSampleRate / 4;  // fed at a time: progress and cancel every ~50 ms of work

constexpr const char* kUnknownWord = "[SPEECH]";  // the US English model's spoken-noise filler

struct ConfigDeleter {
  void operator()(cmd_ln_t* config) const { cmd_ln_free_r(config); }
};

// Sets the decoder's running cepstral mean to the mean over `audio`. Decoding a whole
// utterance in one call normalises with that batch mean; fed block by block (for progress and
// cancellation) the decoder starts from a generic mean instead, which doubled the errors on
// jfk.wav. With the chunk's own mean as its start, block decoding matches whole-utterance
// decoding.
// `fe` is a feature extractor of the decoder's settings but not the decoder's own: the decoder
// numbers its frames by its extractor's count, which a pass over the audio would advance.
void prime_cepstral_mean(ps_decoder_t* ps, fe_t* fe, std::span<const std::int16_t> audio) {
  const int coefficients = fe_get_output_size(fe);
  constexpr int kFrames = 256;
  struct CepDeleter {
    void operator()(mfcc_t** cep) const { ckd_free_2d(cep); }
  };
  std::unique_ptr<mfcc_t*, CepDeleter> cep(
      static_cast<mfcc_t**>(ckd_calloc_2d(kFrames + 1, static_cast<std::size_t>(coefficients), sizeof(mfcc_t))));
  std::vector<double> sum(static_cast<std::size_t>(coefficients), 0.0);
  long frames = 0;
  const auto add = [&](int n) {
    for (int i = 0; i < n; ++i)
      for (int k = 0; k < coefficients; ++k) sum[static_cast<std::size_t>(k)] += cep.get()[i][k];
    frames += n;
  };
  if (fe_start_utt(fe) < 0) throw std::runtime_error("pocketsphinx could not start its feature extraction");
  const int16* in = audio.data();
  std::size_t left = audio.size();
  while (left > 0) {
    int32 n = kFrames;
    if (fe_process_frames(fe, &in, &left, cep.get(), &n, nullptr) < 0)
      throw std::runtime_error("pocketsphinx failed to compute features");
    if (n == 0) break;
    add(n);
  }
  int32 last = 0;
  fe_end_utt(fe, cep.get()[0], &last);
  add(last);
  if (frames == 0) return;
  std::vector<mfcc_t> mean(static_cast<std::size_t>(coefficients));
  for (int k = 0; k < coefficients; ++k)
    mean[static_cast<std::size_t>(k)] = static_cast<mfcc_t>(sum[static_cast<std::size_t>(k)] / double(frames));
  cmn_live_set(ps_get_feat(ps)->cmn_struct, mean.data());
}

// Decodes `audio` as one utterance with the current search, fed in blocks so that `fed` is
// called often enough for progress and cancellation.
void decode_utterance(ps_decoder_t* ps, fe_t* fe, std::span<const std::int16_t> audio,
                      const std::function<void(std::size_t)>& fed) {
  if (std::string_view(cmd_ln_str_r(ps_get_config(ps), "-cmn")) == "batch") prime_cepstral_mean(ps, fe, audio);
  // A new stream per chunk: pocketsphinx numbers frames from the start of the stream, so
  // without it a decoder's second chunk was timed late by the length of its first.
  if (ps_start_stream(ps) < 0 || ps_start_utt(ps) < 0)
    throw std::runtime_error("pocketsphinx could not start an utterance");
  for (std::size_t at = 0; at < audio.size(); at += kBlockSamples) {
    const std::size_t n = std::min(kBlockSamples, audio.size() - at);
    if (ps_process_raw(ps, audio.data() + at, n, FALSE, FALSE) < 0)
      throw std::runtime_error("pocketsphinx failed to decode audio");
    fed(n);
  }
  if (ps_end_utt(ps) < 0) throw std::runtime_error("pocketsphinx could not finish an utterance");
}

// The last utterance's segments as the decoder names them ("been(2)", "<sil>", "[SPEECH]"),
// timed from `offset`; confidence is the segment's posterior probability.
std::vector<Word> segments(ps_decoder_t* ps, double offset) {
  logmath_t* logmath = ps_get_logmath(ps);
  std::vector<Word> out;
  for (ps_seg_t* seg = ps_seg_iter(ps); seg != nullptr; seg = ps_seg_next(seg)) {
    // ps_seg_next frees the iterator when it returns null, so every path through the loop is clean.
    int start_frame = 0, end_frame = 0;
    ps_seg_frames(seg, &start_frame, &end_frame);
    int32 acoustic = 0, language = 0, backoff = 0;
    const double posterior = logmath_exp(logmath, ps_seg_prob(seg, &acoustic, &language, &backoff));
    out.push_back({ps_seg_word(seg), offset + start_frame * kFrameSeconds, offset + (end_frame + 1) * kFrameSeconds,
                   std::clamp(posterior, 0.0, 1.0)});
  }
  return out;
}

}  // namespace

// pocketsphinx decoders are not thread-safe: one per thread.
DecoderPtr make_decoder(const fs::path& model, const DecoderSettings& settings) {
  // The log file is process-wide: a -logfn per decoder makes each ps_init close the handle the
  // others are writing to, which crashed parallel decoding now and then.
  static std::once_flag silence_log;
  std::call_once(silence_log, [] { err_set_logfp(nullptr); });
  for (const char* part : {"en-us", "en-us.lm.bin", "cmudict-en-us.dict"})
    if (!fs::exists(model / part))
      throw std::runtime_error("pocketsphinx model file missing: " + (model / part).string() +
                               " (install the pocketsphinx-en-us package)");
  if (settings.cmn != "batch" && settings.cmn != "live")
    throw std::invalid_argument("pocketsphinx cmn must be batch or live, not '" + settings.cmn + "'");
  const auto yes_no = [](bool on) { return on ? "yes" : "no"; };
  // -remove_silence no: its own voice-activity detector drops silent frames before decoding,
  // so every frame number after a pause came early by the pause's length (a word spoken at
  // 10.3 s was timed at 0.4 s). Pauses are skipped by decoding only speech spans instead.
  const std::vector<std::string> args = {
      "clipgen",  // cmd_ln_parse_r skips the program name
      "-hmm", (model / "en-us").string(), "-lm", (model / "en-us.lm.bin").string(),
      "-dict", (model / "cmudict-en-us.dict").string(), "-remove_silence", "no",
      "-beam", fmt::format("{}", settings.beam), "-wbeam", fmt::format("{}", settings.wbeam),
      "-pbeam", fmt::format("{}", settings.pbeam), "-lpbeam", fmt::format("{}", settings.lpbeam),
      "-lponlybeam", fmt::format("{}", settings.lponlybeam), "-maxhmmpf", std::to_string(settings.maxhmmpf),
      "-maxwpf", std::to_string(settings.maxwpf), "-ds", std::to_string(settings.ds),
      "-pl_window", std::to_string(settings.pl_window), "-topn", std::to_string(settings.topn),
      "-lw", fmt::format("{}", settings.lw), "-fwdflatlw", fmt::format("{}", settings.fwdflatlw),
      "-bestpathlw", fmt::format("{}", settings.bestpathlw), "-wip", fmt::format("{}", settings.wip),
      "-pip", fmt::format("{}", settings.pip), "-fwdflat", yes_no(settings.fwdflat),
      "-bestpath", yes_no(settings.bestpath)};
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));  // read, not written
  std::unique_ptr<cmd_ln_t, ConfigDeleter> config(
      cmd_ln_parse_r(nullptr, ps_args(), static_cast<int32>(argv.size()), argv.data(), TRUE));
  if (!config) throw std::runtime_error("pocketsphinx rejected its configuration");
  DecoderPtr decoder(ps_init(config.get()));  // the decoder keeps its own reference to config
  if (!decoder) throw std::runtime_error("pocketsphinx could not load its model from " + model.string());
  // The model's feat.params set -cmn batch at load whatever was asked (and fed in blocks, the
  // features fall back to a running mean anyway); the choice is kept here for decode_utterance.
  cmd_ln_set_str_r(ps_get_config(decoder.get()), "-cmn", settings.cmn.c_str());
  return decoder;
}

std::vector<Word> decode_chunk(ps_decoder_t* ps, fe_t* fe, std::span<const std::int16_t> audio, double offset,
                               const std::function<void(std::size_t)>& fed) {
  decode_utterance(ps, fe, audio, fed);
  std::vector<Word> words;
  for (auto& segment : segments(ps, offset))
    if (auto text = clean_word(segment.text)) {
      segment.text = std::move(*text);
      words.push_back(std::move(segment));
    }
  return words;
}

FePtr make_feature_extractor(ps_decoder_t* ps) {
  FePtr features(fe_init_auto_r(ps_get_config(ps)));
  if (!features) throw std::runtime_error("pocketsphinx could not set up its feature extraction");
  return features;
}

bool in_dictionary(ps_decoder_t* ps, const std::string& word) { return pronunciation(ps, word).has_value(); }

std::optional<std::string> pronunciation(ps_decoder_t* ps, const std::string& word) {
  char* phones = ps_lookup_word(ps, word.c_str());
  if (phones == nullptr) return std::nullopt;
  std::string out = phones;
  ckd_free(phones);
  return out;
}

bool learn_pronunciation(ps_decoder_t* ps, const std::string& word) {
  // (written ending, how much of it the stem loses, what the ending adds) - English inflections,
  // archaic ones included ("feed'st", "mak'st"); the stem as written, with an "e" put back
  // ("making" -> "make"), or with a doubled consonant undone ("stopped" -> "stop").
  struct Ending {
    const char* written;
    const char* phones;
  };
  static constexpr Ending kEndings[] = {{"'st", "S T"}, {"est", "AH S T"}, {"eth", "AH TH"}, {"ing", "IH NG"},
                                        {"'d", "D"},    {"ed", "D"},       {"es", "Z"},      {"s", "Z"},
                                        {"ly", "L IY"}, {"er", "ER"},      {"ness", "N AH S"}};
  for (const auto& [written, phones] : kEndings) {
    const std::string ending = written;
    if (word.size() <= ending.size() + 2 || !word.ends_with(ending)) continue;
    const std::string stem = word.substr(0, word.size() - ending.size());
    std::vector<std::string> stems = {stem, stem + "e"};
    if (stem.size() > 2 && stem.back() == stem[stem.size() - 2]) stems.push_back(stem.substr(0, stem.size() - 1));
    for (const auto& candidate : stems)
      if (const auto base = pronunciation(ps, candidate)) {
        const std::string full = *base + " " + phones;
        return ps_add_word(ps, word.c_str(), full.c_str(), FALSE) >= 0;
      }
  }
  return false;
}

std::optional<std::vector<Word>> align_sequence(ps_decoder_t* ps, fe_t* fe, std::span<const std::int16_t> audio,
                                                double offset, const std::vector<std::string>& words) {
  if (words.empty()) return std::vector<Word>{};
  // A chain of states, one word per step; the search adds optional silence and noise at every
  // state itself (-fsgusefiller is on by default). A word the dictionary lacks is the model's
  // spoken-noise unit there: the audio of an unknown word, not someone else's word.
  const int states = static_cast<int>(words.size()) + 1;
  fsg_model_t* grammar = fsg_model_init("clipgen-align", ps_get_logmath(ps), 1.0f, states);
  if (grammar == nullptr) throw std::runtime_error("pocketsphinx could not make an alignment grammar");
  grammar->start_state = 0;
  grammar->final_state = states - 1;
  for (int k = 0; k + 1 < states; ++k) {
    const std::string& word = words[static_cast<std::size_t>(k)];
    const int id = fsg_model_word_add(grammar, word.empty() ? kUnknownWord : word.c_str());
    fsg_model_trans_add(grammar, k, k + 1, 0, id);
    if (word.empty()) fsg_model_trans_add(grammar, k + 1, k + 1, 0, id);  // as long as the word lasts
  }
  // The decoder stays on this grammar: an aligning decoder does nothing else. (Asking for the
  // current search's name to switch back leaks in this pocketsphinx: ps_get_search never frees
  // its hash-table iterator, which LeakSanitizer reports.)
  const int added = ps_set_fsg(ps, "clipgen-align", grammar);
  fsg_model_free(grammar);  // the search holds its own reference
  if (added < 0 || ps_set_search(ps, "clipgen-align") < 0)
    throw std::runtime_error("pocketsphinx could not use an alignment grammar");
  decode_utterance(ps, fe, audio, [](std::size_t) {});
  // Walk the path against the sequence; optional fillers between words are passed over. Short
  // of the final state the search returns its best partial path: not the whole sequence.
  std::vector<Word> timed;
  for (auto& segment : segments(ps, offset)) {
    if (timed.size() == words.size()) break;
    const std::string& expected = words[timed.size()];
    const auto text = clean_word(segment.text);
    if (expected.empty() ? segment.text == kUnknownWord : text == expected) {
      segment.text = expected;
      timed.push_back(std::move(segment));
    } else if (segment.text == kUnknownWord && !timed.empty() && words[timed.size() - 1].empty()) {
      timed.back().end = segment.end;  // the unknown word goes on
    } else if (text) {
      return std::nullopt;
    }
  }
  if (timed.size() != words.size()) return std::nullopt;
  return timed;
}

}  // namespace clipgen::speech
