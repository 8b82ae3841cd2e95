// `--transcriber gemini` against a loopback fake speaking generateContent's documented wire
// format (inline audio parts in, candidates and usageMetadata out, Google's error bodies):
// the fake answers a recording with its reference text, and the word times must come from the
// audio (the references: jfk_silence10_jfk.wav's second copy starts 21.0 s after the first,
// and the voice onset in jfk.wav), never from the model.
#include <gtest/gtest.h>
#include <sodium.h>

#include <cmath>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "integration/speech/speech_references.h"
#include "llm/gemini_transcriber.h"
#include "scripted_api.h"
#include "support/command.h"

namespace clipgen::llm {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Reply;
using testing::ScriptedApi;

const fs::path kMedia = CLIPGEN_MEDIA_DIR;
const std::string kPath = R"(/v1beta/models/.*:generateContent)";

std::size_t word_count(const std::string& text) {
  std::istringstream in(text);
  std::size_t count = 0;
  for (std::string word; in >> word;) ++count;
  return count;
}

std::string jfk_text() {
  std::ifstream in(kMedia / "speech/jfk.txt");
  std::string text;
  std::getline(in, text);
  return text;
}

// A generateContent answer as documented, with the per-modality prompt token counts Gemini
// gives for audio.
std::string transcript_reply(const std::string& text) {
  return json{{"candidates",
               {{{"content", {{"parts", {{{"text", text}}}}, {"role", "model"}}}, {"finishReason", "STOP"}, {"index", 0}}}},
              {"usageMetadata",
               {{"promptTokenCount", 400},
                {"candidatesTokenCount", 30},
                {"totalTokenCount", 430},
                {"promptTokensDetails", {{{"modality", "TEXT"}, {"tokenCount", 48}}, {{"modality", "AUDIO"}, {"tokenCount", 352}}}}}},
              {"modelVersion", "gemini-2.5-flash-lite"}}
      .dump();
}

const std::string kExhausted =
    R"({"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}})";
const std::string kInternal =
    R"({"error":{"code":500,"message":"An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting","status":"INTERNAL"}})";
const std::string kBadKey =
    R"({"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}})";

GeminiSettings settings_for(const std::string& url) {
  return {.api_key = "gemini-key", .base_url = url,
          .retry = {.attempts = 3, .first_delay = std::chrono::milliseconds(10), .max_delay = std::chrono::milliseconds(3000)}};
}

class FixedTranscriber final : public speech::Transcriber {
 public:
  std::string name() const override { return "pocketsphinx"; }

 protected:
  speech::Transcript recognise(const speech::SpeechAudio&, const std::string&, const std::function<void(double)>&) override {
    return {{{"offline", 0.5, 0.9, 1.0}}, "pocketsphinx", "en", 1.0};
  }
};

std::string from_base64(const std::string& text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(), text.size(), nullptr,
                        &length, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0)
    throw std::runtime_error("not base64");
  out.resize(length);
  return out;
}

// The duration ffprobe reads from an audio file sent to the fake.
double probed_seconds(const std::string& file, const std::string& name) {
  const auto path = fs::path(CLIPGEN_TEST_WORK_DIR) / ("gemini-" + name + ".flac");
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << file;
  const auto probe = clipgen::testing::run_command(
      {"ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path.string()});
  if (probe.exit_code != 0) throw std::runtime_error(probe.err);
  return std::stod(probe.out);
}

// Expects `run` to throw std::runtime_error saying `what`.
void expect_error(const std::function<void()>& run, const std::string& what) {
  try {
    run();
    FAIL() << "expected an error saying " << what;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
  }
}

speech::Transcript transcribe(GeminiTranscriber& transcriber, const std::vector<std::int16_t>& samples,
                              const std::string& language = "en") {
  return transcriber.transcribe(speech::with_voice_activity(samples), language, nullptr);
}

}  // namespace

TEST(GeminiTranscription, LongAudioGoesInPiecesOfSpeechAndTheWordsAreTimedByTheAudio) {
  ScriptedApi api(kPath, {{200, transcript_reply(jfk_text())}});
  // 15 s pieces: each copy of the speech is one piece; the 10 s pause between is not sent.
  // 600 kB holds one copy as base64 FLAC (~0.3 MB), not the whole recording as WAV (1 MB).
  const GeminiTranscriptionOptions options{.piece_seconds = 15, .max_request_bytes = 600'000};
  GeminiTranscriber transcriber(settings_for(api.url()), options, nullptr);
  const auto samples = speech::testing::pcm_of(kMedia / "field/jfk_silence10_jfk.wav");
  const auto transcript = transcribe(transcriber, samples);

  const auto requests = api.requests();
  ASSERT_EQ(requests.size(), 2u);
  for (std::size_t r = 0; r < requests.size(); ++r) {
    EXPECT_EQ(requests[r].get_header_value("x-goog-api-key"), "gemini-key");
    EXPECT_LE(requests[r].body.size(), options.max_request_bytes);
    const auto body = json::parse(requests[r].body);
    const auto& parts = body["contents"][0]["parts"];
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_NE(parts[0]["text"].get<std::string>().find("verbatim"), std::string::npos);
    EXPECT_EQ(parts[1]["inlineData"]["mimeType"], "audio/flac");
    const std::string audio = from_base64(parts[1]["inlineData"]["data"]);
    EXPECT_EQ(audio.substr(0, 4), "fLaC");
    // One copy of the speech (11 s) at most, never the pause with it.
    const double seconds = probed_seconds(audio, std::to_string(r));
    EXPECT_GT(seconds, 8.0);
    EXPECT_LT(seconds, 11.5);
  }

  // Both copies' words, as written, the second 21.0 s after the first.
  const auto written = word_count(jfk_text());
  ASSERT_EQ(transcript.words.size(), 2 * written);
  EXPECT_EQ(transcript.words[0].text, "And");
  EXPECT_EQ(transcript.words[4].text, "Americans,");
  for (std::size_t k = 0; k < written; ++k)
    EXPECT_NEAR(transcript.words[written + k].start - transcript.words[k].start, 21.0, 0.05) << transcript.words[k].text;
  // The first word starts where the voice does.
  EXPECT_NEAR(transcript.words[0].start, speech::testing::onset_after_silence(samples), 0.05);

  EXPECT_EQ(transcript.engine, "gemini:gemini-2.5-flash-lite");
  // Two answers of 400 prompt tokens (352 of audio at $0.30/M, 48 of text at $0.10/M) and 30
  // output tokens ($0.40/M).
  EXPECT_EQ(transcript.usage.input_tokens, 800);
  EXPECT_EQ(transcript.usage.output_tokens, 60);
  EXPECT_NEAR(transcript.usage.cost_usd, (704 * 0.30 + 96 * 0.10 + 60 * 0.40) / 1e6, 1e-12);
}

TEST(GeminiTranscription, RateLimitAndServerErrorAreRetriedHonouringRetryAfter) {
  // The answer at last says nobody speaks: no alignment to wait for, the engine's own result.
  ScriptedApi api(kPath, {{429, kExhausted, "1"}, {500, kInternal}, {200, transcript_reply("[no speech]")}});
  GeminiTranscriber transcriber(settings_for(api.url()), {}, nullptr);
  const auto transcript = transcribe(transcriber, speech::testing::pcm_of(kMedia / "speech/jfk.wav"));
  ASSERT_EQ(api.seen().size(), 3u);
  const auto arrivals = api.arrivals();
  EXPECT_GE(arrivals[1] - arrivals[0], std::chrono::milliseconds(950));  // the server's Retry-After, not 10 ms
  EXPECT_TRUE(transcript.words.empty());
  EXPECT_EQ(transcript.engine, "gemini:gemini-2.5-flash-lite");
  EXPECT_EQ(transcript.usage.input_tokens, 400);  // the answer that came is paid for
}

TEST(GeminiTranscription, FailuresReportTheApisReasonOrFallBack) {
  const auto samples = speech::testing::pcm_of(kMedia / "speech/jfk.wav");
  {
    ScriptedApi api(kPath, {{400, kBadKey}});
    GeminiTranscriber strict(settings_for(api.url()), {}, nullptr);
    expect_error([&] { transcribe(strict, samples); }, "rejected the request (HTTP 400): API key not valid");
    EXPECT_EQ(api.seen().size(), 1u);  // a rejected request is not retried
  }
  {
    // Unavailable through every retry: the embedded engine takes over.
    ScriptedApi api(kPath, {{500, kInternal}});
    GeminiTranscriber lenient(settings_for(api.url()), {}, std::make_unique<FixedTranscriber>());
    const auto transcript = transcribe(lenient, samples);
    EXPECT_EQ(api.seen().size(), 3u);
    EXPECT_EQ(transcript.engine, "pocketsphinx");
  }
  {
    // A blocked prompt and a model repeating itself are asked again, then given up on.
    std::string looping;
    for (int i = 0; i < 200; ++i) looping += "country ";
    ScriptedApi api(kPath, {{200, R"({"promptFeedback":{"blockReason":"OTHER"}})"}, {200, transcript_reply(looping)}});
    GeminiTranscriber strict(settings_for(api.url()), {}, nullptr);
    expect_error([&] { transcribe(strict, samples); }, "no usable transcript after 2 tries: 200 words for");
    EXPECT_EQ(api.seen().size(), 2u);
  }
  {
    // Another language is refused before anything is paid for.
    ScriptedApi api(kPath, {{200, transcript_reply("Ich bin ein Berliner")}});
    GeminiTranscriber transcriber(settings_for(api.url()), {}, std::make_unique<FixedTranscriber>());
    EXPECT_THROW(transcribe(transcriber, samples, "de"), std::invalid_argument);
    EXPECT_TRUE(api.seen().empty());
  }
}

// The user cancels while Gemini still works on both pieces: the transcription ends with the
// progress callback's own exception (not the fallback's words, not "gemini failed") and leaves
// no request to run out its timeout. The fake holds every request until the test has its answer
// (at most 120 s, so a client that waits cannot hang the test forever).
TEST(GeminiTranscription, CancellingEndsTheRequestsInFlightAndSkipsTheFallback) {
  struct Stopped : std::runtime_error {
    Stopped() : std::runtime_error("the job was canceled") {}
  };
  std::mutex mutex;
  std::condition_variable released_changed;
  bool released = false;
  int arrived = 0;
  int answered_before_return = 0;
  std::atomic<bool> returned{false};
  testing::FakeHttpServer gemini;
  gemini.server().Post(kPath, [&](const httplib::Request&, httplib::Response& response) {
    std::unique_lock lock(mutex);
    ++arrived;
    released_changed.wait_for(lock, std::chrono::seconds(120), [&] { return released; });
    if (!returned) ++answered_before_return;
    response.set_content(transcript_reply(jfk_text()), "application/json");
  });
  auto settings = settings_for(gemini.url());
  settings.timeout_seconds = 600;
  GeminiTranscriber transcriber(settings, {.piece_seconds = 15, .max_request_bytes = 600'000},
                                std::make_unique<FixedTranscriber>());
  const auto cancel_once_both_are_asked = [&](double) {
    std::lock_guard lock(mutex);
    if (arrived >= 2) throw Stopped();
  };
  const auto samples = speech::testing::pcm_of(kMedia / "field/jfk_silence10_jfk.wav");
  EXPECT_THROW(transcriber.transcribe(speech::with_voice_activity(samples), "en", cancel_once_both_are_asked), Stopped);
  returned = true;
  {
    std::lock_guard lock(mutex);
    released = true;
  }
  released_changed.notify_all();
  EXPECT_EQ(arrived, 2);
  EXPECT_EQ(answered_before_return, 0);
}

TEST(GeminiTranscription, AnswersKeepOnlyTheSpokenWords) {
  EXPECT_EQ(transcript_words("[music] And so, (laughs) my fellow\n[upbeat music plays]  Americans."),
            (std::vector<std::string>{"And", "so,", "my", "fellow", "Americans."}));
  EXPECT_TRUE(transcript_words("[no speech]").empty());
}

}  // namespace clipgen::llm
