#include "llm/gemini_transcriber.h"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <sstream>
#include <thread>

#include "llm/pricing.h"
#include "speech/audio_upload.h"

namespace clipgen::llm {

namespace {

using speech::kSampleRate;

constexpr const char* kNoSpeech = "[no speech]";
// What the JSON around the audio and the prompt add to a request, at most.
constexpr std::size_t kRequestOverhead = 4096;

std::string to_base64(const std::string& bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    kVariant);
  out.pop_back();  // the terminating NUL sodium writes
  return out;
}

bool english(const std::string& language) { return language == "en" || language.rfind("en-", 0) == 0; }

struct PieceAnswer {
  std::vector<std::string> words;
  Completion usage;
};

// One piece's words, asked again while the answer is unusable; other failures go up at once
// (net::call_api already retried what retrying can help).
PieceAnswer ask(GeminiClient& client, const speech::EncodedPart& piece, const std::string& language, int attempts) {
  const auto body = transcription_request_body(piece.file, "audio/flac", language);
  const double seconds = static_cast<double>(piece.chunk.end - piece.chunk.begin) / kSampleRate;
  PieceAnswer answer;
  std::string problem;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    Completion completion;
    try {
      completion = client.generate(body);
    } catch (const net::ApiError& e) {
      if (e.kind != net::ApiError::Kind::bad_answer) throw;
      problem = e.what();
      continue;
    }
    answer.usage.input_tokens += completion.input_tokens;
    answer.usage.audio_tokens += completion.audio_tokens;
    answer.usage.output_tokens += completion.output_tokens;
    answer.words = transcript_words(completion.text);
    if (static_cast<double>(answer.words.size()) > speech::kFastestSpeechWordsPerSecond * std::max(seconds, 1.0)) {
      problem = fmt::format("{} words for {:.0f} s of audio", answer.words.size(), seconds);
      continue;
    }
    return answer;
  }
  throw net::ApiError(net::ApiError::Kind::bad_answer,
                      fmt::format("Gemini gave no usable transcript after {} tries: {}", attempts, problem));
}

}  // namespace

nlohmann::json transcription_request_body(const std::string& audio, const std::string& mime_type,
                                          const std::string& language) {
  const std::string instruction = fmt::format(
      "Transcribe the speech in this audio verbatim, in the language it is spoken (language code '{}'). Write "
      "only the words said, in the order said, with ordinary punctuation and capitalisation. No timestamps, no "
      "speaker names, no descriptions of sounds or music, no notes or comments. If nobody speaks, answer exactly "
      "{}",
      language, kNoSpeech);
  return {{"systemInstruction", {{"parts", {{{"text", "You are a careful transcriber of recorded speech."}}}}}},
          {"contents",
           {{{"role", "user"},
             {"parts", {{{"text", instruction}}, {{"inlineData", {{"mimeType", mime_type}, {"data", to_base64(audio)}}}}}}}}},
          {"generationConfig", {{"temperature", 0}}}};
}

std::vector<std::string> transcript_words(const std::string& answer) {
  // Bracketed asides ("[music]", "(laughs)") are not speech.
  std::string spoken;
  int depth = 0;
  for (const char c : answer) {
    if (c == '[' || c == '(') ++depth;
    if (depth == 0) spoken += c;
    if ((c == ']' || c == ')') && depth > 0) --depth;
  }
  std::vector<std::string> words;
  std::istringstream in(spoken);
  for (std::string word; in >> word;) words.push_back(std::move(word));
  return words;
}

GeminiTranscriber::GeminiTranscriber(GeminiSettings settings, GeminiTranscriptionOptions options,
                                     std::unique_ptr<speech::Transcriber> fallback)
    : settings_(std::move(settings)), options_(std::move(options)), fallback_(std::move(fallback)) {}

speech::Transcript GeminiTranscriber::recognise(const speech::SpeechAudio& audio, const std::string& language,
                                                const std::function<void(double)>& progress) {
  if (!english(language))
    throw std::invalid_argument(fmt::format(
        "--transcriber gemini times its words with an English model, so it transcribes English only (language "
        "'{}'): use --transcriber whisper-api for other languages",
        language));
  return speech::transcribe_or_fall_back(
      name(), fallback_.get(),
      [&](const std::function<void(double)>& reporting) { return transcribe_with_gemini(audio, language, reporting); },
      audio, language, progress);
}

speech::Transcript GeminiTranscriber::transcribe_with_gemini(const speech::SpeechAudio& audio,
                                                             const std::string& language,
                                                             const std::function<void(double)>& progress) {
  const auto samples = audio.samples;
  const std::size_t max_audio_bytes = (options_.max_request_bytes - kRequestOverhead) / 4 * 3;  // base64: 4 for 3
  std::vector<speech::EncodedPart> pieces;
  for (const speech::Chunk& group : speech::group_speech(audio.speech, options_.piece_seconds, kSampleRate, samples.size()))
    for (speech::EncodedPart& part : speech::encode_parts(samples.subspan(group.begin, group.end - group.begin),
                                                          options_.piece_seconds, max_audio_bytes)) {
      part.chunk.begin += group.begin;
      part.chunk.end += group.begin;
      pieces.push_back(std::move(part));
    }

  // A few pieces in flight; this thread reports progress (never concurrently, as promised) and
  // lets a cancelling progress callback through: `stop` then ends the requests in flight.
  std::atomic<bool> stop{false};
  GeminiClient client(settings_, &stop);
  std::vector<std::optional<PieceAnswer>> answers(pieces.size());
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t done = 0;
  std::exception_ptr failure;
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    while (!stop) {
      const std::size_t i = next++;
      if (i >= pieces.size()) return;
      try {
        PieceAnswer answer = ask(client, pieces[i], language, options_.answer_attempts);
        std::lock_guard lock(mutex);
        answers[i] = std::move(answer);
        ++done;
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        stop = true;
      }
      changed.notify_all();
    }
  };
  {
    std::vector<std::jthread> workers;
    const auto count = std::min<std::size_t>(static_cast<std::size_t>(std::max(1, options_.in_flight)), pieces.size());
    for (std::size_t w = 0; w < count; ++w) workers.emplace_back(work);
    try {
      std::unique_lock lock(mutex);
      while (done < pieces.size() && !failure) {
        changed.wait_for(lock, std::chrono::milliseconds(500));
        const double fraction = static_cast<double>(done) / static_cast<double>(pieces.size());
        lock.unlock();
        if (progress) progress(0.5 * fraction);
        lock.lock();
      }
    } catch (...) {
      stop = true;
      throw;
    }
  }
  if (failure) std::rethrow_exception(failure);

  std::vector<speech::TextWord> text;
  Completion used;
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    const double start = static_cast<double>(pieces[i].chunk.begin) / kSampleRate;
    const double end = static_cast<double>(pieces[i].chunk.end) / kSampleRate;
    for (std::string& word : answers[i]->words) text.push_back({std::move(word), start, end});
    used.input_tokens += answers[i]->usage.input_tokens;
    used.audio_tokens += answers[i]->usage.audio_tokens;
    used.output_tokens += answers[i]->usage.output_tokens;
  }
  if (!known_price(settings_.model)) spdlog::warn("no list price known for {}: its cost is not counted", settings_.model);

  speech::Transcript transcript;
  if (!text.empty()) {
    speech::WordAligner aligner(options_.aligner);
    const auto alignment = aligner.align(audio, text, [&](double f) {
      if (progress) progress(0.5 + 0.5 * f);
    });
    spdlog::info("{}: {} words in {} pieces, {:.0f}% heard by the local recogniser, {:.0f}% timed from the audio",
                 name(), text.size(), pieces.size(), 100 * alignment.heard_share, 100 * alignment.aligned_share);
    transcript = alignment.transcript;
  }
  transcript.engine = name();
  transcript.language = language;
  transcript.duration = static_cast<double>(samples.size()) / kSampleRate;
  transcript.usage = {used.input_tokens, used.output_tokens,
                      cost_usd(settings_.model, used.input_tokens, used.output_tokens, used.audio_tokens)};
  if (progress) progress(1.0);
  return transcript;
}

}  // namespace clipgen::llm
