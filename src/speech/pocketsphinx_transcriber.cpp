#include "speech/pocketsphinx_transcriber.h"

#include <pocketsphinx.h>
#include <sphinxbase/ckd_alloc.h>
#include <sphinxbase/cmn.h>
#include <sphinxbase/err.h>
#include <sphinxbase/fe.h>
#include <sphinxbase/feat.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "speech/chunking.h"
#include "speech/word_cleanup.h"

namespace fs = std::filesystem;

namespace clipgen::speech {
namespace {

constexpr double kFrameSeconds = 0.01;  // pocketsphinx's default 100 frames per second
constexpr std::size_t kBlockSamples = kSampleRate / 4;  // fed at a time: progress and cancel every ~50 ms of work

struct ConfigDeleter {
  void operator()(cmd_ln_t* config) const { cmd_ln_free_r(config); }
};
struct DecoderDeleter {
  void operator()(ps_decoder_t* ps) const { ps_free(ps); }
};
struct FeDeleter {
  void operator()(fe_t* fe) const { fe_free(fe); }
};
using DecoderPtr = std::unique_ptr<ps_decoder_t, DecoderDeleter>;
using FePtr = std::unique_ptr<fe_t, FeDeleter>;

// One decoder per thread: pocketsphinx decoders are not thread-safe, and loading the model
// once per thread costs well under a second.
DecoderPtr make_decoder(const fs::path& model) {
  // The log file is process-wide: a -logfn per decoder makes each ps_init close the handle the
  // others are writing to, which crashed parallel decoding now and then.
  static std::once_flag silence_log;
  std::call_once(silence_log, [] { err_set_logfp(nullptr); });
  for (const char* part : {"en-us", "en-us.lm.bin", "cmudict-en-us.dict"})
    if (!fs::exists(model / part))
      throw std::runtime_error("pocketsphinx model file missing: " + (model / part).string() +
                               " (install the pocketsphinx-en-us package)");
  // pocketsphinx's default beams: the pruned settings tried (-maxhmmpf 3000, -maxwpf 10,
  // -fwdflat no, -ds 2) saved 10-30% of the time but doubled the errors on jfk.wav.
  // -remove_silence no: its own voice-activity detector drops silent frames before decoding,
  // so every frame number after a pause came early by the pause's length (a word spoken at
  // 10.3 s was timed at 0.4 s). Pauses are skipped by decoding only speech spans instead.
  std::unique_ptr<cmd_ln_t, ConfigDeleter> config(cmd_ln_init(
      nullptr, ps_args(), TRUE, "-hmm", (model / "en-us").c_str(), "-lm", (model / "en-us.lm.bin").c_str(), "-dict",
      (model / "cmudict-en-us.dict").c_str(), "-remove_silence", "no", nullptr));
  if (!config) throw std::runtime_error("pocketsphinx rejected its configuration");
  DecoderPtr decoder(ps_init(config.get()));  // the decoder keeps its own reference to config
  if (!decoder) throw std::runtime_error("pocketsphinx could not load its model from " + model.string());
  return decoder;
}

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

// Decodes one chunk as one utterance, fed in blocks so that `fed` (samples so far) is called
// often enough for progress and cancellation.
std::vector<Word> decode_chunk(ps_decoder_t* ps, fe_t* fe, std::span<const std::int16_t> audio, double offset,
                               const std::function<void(std::size_t)>& fed) {
  prime_cepstral_mean(ps, fe, audio);
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

  logmath_t* logmath = ps_get_logmath(ps);
  std::vector<Word> words;
  for (ps_seg_t* seg = ps_seg_iter(ps); seg != nullptr; seg = ps_seg_next(seg)) {
    // ps_seg_next frees the iterator when it returns null, so every path through the loop is clean.
    auto text = clean_word(ps_seg_word(seg));
    if (!text) continue;
    int start_frame = 0, end_frame = 0;
    ps_seg_frames(seg, &start_frame, &end_frame);
    int32 acoustic = 0, language = 0, backoff = 0;
    const double posterior = logmath_exp(logmath, ps_seg_prob(seg, &acoustic, &language, &backoff));
    words.push_back({*text, offset + start_frame * kFrameSeconds, offset + (end_frame + 1) * kFrameSeconds,
                     std::clamp(posterior, 0.0, 1.0)});
  }
  return words;
}

// The pieces to decode: each speech span (the detector already joins spans closer than
// 0.3 s; decoding spans further apart together made more errors, as the silence between them
// is decoded too), long ones cut at their quietest pauses.
std::vector<Chunk> speech_chunks(const SpeechAudio& audio) {
  const auto to_sample = [&](double t) {
    return std::min(audio.samples.size(), static_cast<std::size_t>(std::max(0.0, t) * kSampleRate));
  };
  std::vector<Chunk> chunks;
  for (const SpeechSpan& span : audio.speech) {
    const std::size_t begin = to_sample(span.start), end = to_sample(span.end);
    if (end <= begin) continue;
    for (const Chunk& piece : split_at_pauses(audio.samples.subspan(begin, end - begin), kSampleRate))
      chunks.push_back({begin + piece.begin, begin + piece.end});
  }
  return chunks;
}

}  // namespace

PocketsphinxTranscriber::PocketsphinxTranscriber(PocketsphinxOptions options) : options_(std::move(options)) {}

Transcript PocketsphinxTranscriber::recognise(const SpeechAudio& audio, const std::string& language,
                                              const std::function<void(double)>& progress) {
  if (language != "en" && language.rfind("en-", 0) != 0)
    throw std::invalid_argument("the embedded pocketsphinx engine speaks English only (language '" + language +
                                "'); configure a Whisper API transcriber for other languages");
  const auto samples = audio.samples;
  const auto chunks = speech_chunks(audio);
  std::size_t total = 0;
  for (const Chunk& c : chunks) total += c.end - c.begin;
  const unsigned cores = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  const unsigned workers = std::max(1u, std::min<unsigned>(cores, static_cast<unsigned>(chunks.size())));

  // Each thread takes a fixed run of consecutive chunks holding about its share of the audio,
  // rather than the next free chunk: a decoder carries some state from one chunk to the next,
  // and a fixed assignment keeps a file's words the same from run to run.
  std::vector<std::size_t> first_chunk(workers + 1, chunks.size());
  first_chunk[0] = 0;
  for (std::size_t i = 0, t = 1, seen = 0; i < chunks.size() && t < workers; ++i) {
    while (t < workers && seen >= total * t / workers) first_chunk[t++] = i;
    seen += chunks[i].end - chunks[i].begin;
  }
  std::vector<std::vector<Word>> results(chunks.size());
  std::mutex mutex;
  std::size_t samples_done = 0;
  std::exception_ptr failure;
  std::atomic<bool> failed{false};  // one thread failed or was canceled: the others stop too

  auto work = [&](unsigned thread) {
    try {
      DecoderPtr decoder = make_decoder(options_.model_dir);
      FePtr features(fe_init_auto_r(ps_get_config(decoder.get())));
      if (!features) throw std::runtime_error("pocketsphinx could not set up its feature extraction");
      for (std::size_t i = first_chunk[thread]; i < first_chunk[thread + 1]; ++i) {
        const Chunk& c = chunks[i];
        results[i] = decode_chunk(decoder.get(), features.get(), samples.subspan(c.begin, c.end - c.begin),
                                  static_cast<double>(c.begin) / kSampleRate, [&](std::size_t n) {
                                    if (failed) throw std::runtime_error("abandoned");
                                    std::lock_guard lock(mutex);
                                    samples_done += n;
                                    if (progress) progress(static_cast<double>(samples_done) / static_cast<double>(total));
                                  });
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
      failed = true;
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < workers; ++t) pool.emplace_back(work, t);
    work(0);
  }
  if (failure) std::rethrow_exception(failure);

  Transcript transcript;
  transcript.engine = name();
  transcript.language = "en";
  transcript.duration = static_cast<double>(samples.size()) / kSampleRate;
  for (auto& part : results) std::move(part.begin(), part.end(), std::back_inserter(transcript.words));
  return transcript;
}

}  // namespace clipgen::speech
