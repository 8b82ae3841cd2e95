#include "speech/pocketsphinx_transcriber.h"

#include <pocketsphinx.h>
#include <sphinxbase/err.h>

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

struct ConfigDeleter {
  void operator()(cmd_ln_t* config) const { cmd_ln_free_r(config); }
};
struct DecoderDeleter {
  void operator()(ps_decoder_t* ps) const { ps_free(ps); }
};
using DecoderPtr = std::unique_ptr<ps_decoder_t, DecoderDeleter>;

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
  std::unique_ptr<cmd_ln_t, ConfigDeleter> config(cmd_ln_init(
      nullptr, ps_args(), TRUE, "-hmm", (model / "en-us").c_str(), "-lm", (model / "en-us.lm.bin").c_str(), "-dict",
      (model / "cmudict-en-us.dict").c_str(), nullptr));
  if (!config) throw std::runtime_error("pocketsphinx rejected its configuration");
  DecoderPtr decoder(ps_init(config.get()));  // the decoder keeps its own reference to config
  if (!decoder) throw std::runtime_error("pocketsphinx could not load its model from " + model.string());
  return decoder;
}

std::vector<Word> decode_chunk(ps_decoder_t* ps, std::span<const std::int16_t> audio, double offset) {
  if (ps_start_utt(ps) < 0) throw std::runtime_error("pocketsphinx could not start an utterance");
  if (ps_process_raw(ps, audio.data(), audio.size(), FALSE, TRUE) < 0)
    throw std::runtime_error("pocketsphinx failed to decode audio");
  if (ps_end_utt(ps) < 0) throw std::runtime_error("pocketsphinx could not finish an utterance");

  std::vector<Word> words;
  for (ps_seg_t* seg = ps_seg_iter(ps); seg != nullptr; seg = ps_seg_next(seg)) {
    // ps_seg_next frees the iterator when it returns null, so every path through the loop is clean.
    auto text = clean_word(ps_seg_word(seg));
    if (!text) continue;
    int start_frame = 0, end_frame = 0;
    ps_seg_frames(seg, &start_frame, &end_frame);
    words.push_back({*text, offset + start_frame * kFrameSeconds, offset + (end_frame + 1) * kFrameSeconds, 1.0});
  }
  return words;
}

}  // namespace

PocketsphinxTranscriber::PocketsphinxTranscriber(PocketsphinxOptions options) : options_(std::move(options)) {}

Transcript PocketsphinxTranscriber::transcribe(std::span<const std::int16_t> samples, const std::string& language,
                                               const std::function<void(double)>& progress) {
  if (language != "en" && language.rfind("en-", 0) != 0)
    throw std::invalid_argument("the embedded pocketsphinx engine speaks English only (language '" + language +
                                "'); configure a Whisper API transcriber for other languages");
  const auto chunks = split_at_pauses(samples, kSampleRate);
  const unsigned cores = options_.threads ? options_.threads : std::max(1u, std::thread::hardware_concurrency());
  const unsigned workers = std::max(1u, std::min<unsigned>(cores, static_cast<unsigned>(chunks.size())));

  std::vector<std::vector<Word>> results(chunks.size());
  std::atomic<std::size_t> next{0};
  std::mutex mutex;
  std::size_t samples_done = 0;
  std::exception_ptr failure;

  auto work = [&] {
    try {
      DecoderPtr decoder = make_decoder(options_.model_dir);
      for (std::size_t i = next++; i < chunks.size(); i = next++) {
        const Chunk& c = chunks[i];
        results[i] = decode_chunk(decoder.get(), samples.subspan(c.begin, c.end - c.begin),
                                  static_cast<double>(c.begin) / kSampleRate);
        std::lock_guard lock(mutex);
        samples_done += c.end - c.begin;
        if (progress) progress(static_cast<double>(samples_done) / static_cast<double>(samples.size()));
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
      next = chunks.size();
    }
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < workers; ++t) pool.emplace_back(work);
    work();
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
