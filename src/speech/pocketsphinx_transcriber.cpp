#include "speech/pocketsphinx_transcriber.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "speech/chunking.h"
#include "speech/pocketsphinx_decoder.h"

namespace fs = std::filesystem;

namespace clipgen::speech {
namespace {

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

PocketsphinxOptions installed_pocketsphinx(unsigned threads) {
  return {.model_dir = CLIPGEN_PS_MODEL_DIR, .threads = threads};
}

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
      DecoderPtr decoder = make_decoder(options_.model_dir, options_.decoder);
      FePtr features = make_feature_extractor(decoder.get());
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
