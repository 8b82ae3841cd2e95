// The Whisper API transcriber against a loopback fake speaking the documented
// /v1/audio/transcriptions wire format (multipart in, verbose_json with word times out, OpenAI
// error bodies), and its FLAC parts checked with ffprobe.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "speech/audio_upload.h"
#include "speech/whisper_api_transcriber.h"
#include "support/command.h"
#include "integration/speech/speech_references.h"
#include "support/fake_http_server.h"

namespace clipgen::speech {

namespace {

using nlohmann::json;

// Bursts of a warbling tone (1.2 s) between pauses (0.6 s): speech-like enough to cut at pauses.
std::vector<std::int16_t> bursts(double seconds) {
  std::vector<std::int16_t> samples(static_cast<std::size_t>(seconds * kSampleRate));
  for (std::size_t i = 0; i < samples.size(); ++i) {
    const double t = static_cast<double>(i) / kSampleRate;
    if (std::fmod(t, 1.8) < 1.2)
      samples[i] = static_cast<std::int16_t>(8000 * std::sin(2 * M_PI * (200 + 50 * std::sin(t * 7)) * t));
  }
  return samples;
}

// The engine is told all of `samples` is speech: these tests are about the API client, not
// about voice-activity detection.
SpeechAudio all_speech(const std::vector<std::int16_t>& samples) {
  return {samples, {{0, static_cast<double>(samples.size()) / kSampleRate}}};
}

// A transcription response as documented for response_format=verbose_json with word times.
std::string verbose_json(const std::vector<std::tuple<std::string, double, double>>& words) {
  json list = json::array();
  std::string text;
  for (const auto& [word, start, end] : words) {
    list.push_back({{"word", word}, {"start", start}, {"end", end}});
    text += (text.empty() ? "" : " ") + word;
  }
  return json{{"task", "transcribe"}, {"language", "english"}, {"duration", 30.0}, {"text", text}, {"words", list}}
      .dump();
}

const std::string kUnauthorized =
    R"({"error":{"message":"Incorrect API key provided: sk-wrong. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}})";

WhisperApiSettings settings_for(const std::string& url, double part_seconds = 600) {
  return {.api_key = "sk-test", .base_url = url, .part_seconds = part_seconds,
          .retry = {.attempts = 3, .first_delay = std::chrono::milliseconds(10), .max_delay = std::chrono::milliseconds(50)}};
}

class FixedTranscriber final : public Transcriber {
 public:
  std::string name() const override { return "pocketsphinx"; }

 protected:
  Transcript recognise(const SpeechAudio&, const std::string&, const std::function<void(double)>&) override {
    return {{{"offline", 0.5, 0.9, 1.0}}, "pocketsphinx", "en", 1.0};
  }
};

}  // namespace

TEST(WhisperApi, SendsMultipartFlacPartsAndMergesWordsWithOffsets) {
  clipgen::testing::FakeHttpServer fake;
  std::atomic<int> calls{0};
  fake.server().Post("/v1/audio/transcriptions", [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    const int n = calls++;
    response.set_content(verbose_json({{fmt::format("part{}", n), 0.2, 0.6}, {"hello", 0.7, 1.1}}), "application/json");
  });
  const auto audio = bursts(70);
  WhisperApiTranscriber transcriber(settings_for(fake.url(), 30), nullptr);
  std::vector<double> progress;
  const auto transcript = transcriber.transcribe(all_speech(audio), "en", [&](double p) { progress.push_back(p); });

  const auto requests = fake.requests();
  ASSERT_GE(requests.size(), 3u);  // 70 s in parts of at most 30 s
  for (const auto& request : requests) {
    EXPECT_EQ(request.get_header_value("Authorization"), "Bearer sk-test");
    EXPECT_TRUE(request.get_header_value("Content-Type").starts_with("multipart/form-data; boundary="));
    ASSERT_TRUE(request.has_file("file"));
    EXPECT_EQ(request.get_file_value("file").filename, "audio.flac");
    EXPECT_EQ(request.get_file_value("file").content.substr(0, 4), "fLaC");
    EXPECT_EQ(request.get_file_value("model").content, "whisper-1");
    EXPECT_EQ(request.get_file_value("response_format").content, "verbose_json");
    EXPECT_EQ(request.get_file_value("timestamp_granularities[]").content, "word");
    EXPECT_EQ(request.get_file_value("language").content, "en");
  }
  ASSERT_EQ(transcript.words.size(), 2 * requests.size());
  EXPECT_EQ(transcript.engine, "whisper-api:whisper-1");
  EXPECT_NEAR(transcript.duration, 70, 0.01);
  EXPECT_EQ(transcript.words[0].text, "part0");
  EXPECT_NEAR(transcript.words[0].start, 0.2, 1e-9);
  // Later parts are shifted to where they start in the recording.
  EXPECT_GT(transcript.words[2].start, 20);
  for (std::size_t i = 1; i < transcript.words.size(); ++i)
    EXPECT_GE(transcript.words[i].start, transcript.words[i - 1].end);
  EXPECT_EQ(progress.back(), 1.0);
}

TEST(WhisperApi, FlacPartsAreValidAndUnderTheLimit) {
  const auto audio = bursts(40);
  const std::string flac = encode_flac(audio);
  const auto path = std::filesystem::path(CLIPGEN_TEST_WORK_DIR) / "whisper-part.flac";
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << flac;
  const auto probe = clipgen::testing::run_command({"ffprobe", "-v", "error", "-show_entries",
                                           "stream=codec_name,sample_rate,channels:format=duration", "-of", "json",
                                           path.string()});
  ASSERT_EQ(probe.exit_code, 0) << probe.err;
  const auto info = json::parse(probe.out);
  EXPECT_EQ(info["streams"][0]["codec_name"], "flac");
  EXPECT_EQ(info["streams"][0]["sample_rate"], "16000");
  EXPECT_EQ(info["streams"][0]["channels"], 1);
  EXPECT_NEAR(std::stod(info["format"]["duration"].get<std::string>()), 40, 0.1);
  EXPECT_LT(flac.size(), audio.size() * sizeof(std::int16_t));

  // A tight byte limit cuts the parts finer; together they still cover every sample.
  const auto parts = encode_parts(audio, 40, flac.size() / 3);
  ASSERT_GT(parts.size(), 3u);
  std::size_t next = 0;
  for (const auto& part : parts) {
    EXPECT_EQ(part.chunk.begin, next);
    EXPECT_LE(part.file.size(), flac.size() / 3);
    next = part.chunk.end;
  }
  EXPECT_EQ(next, audio.size());
}

TEST(WhisperApi, InventedWordTimesAreDroppedAndUntimedWordsKeepTheirSegment) {
  const auto answer = read_whisper_answer(
      verbose_json({{"real", 1.0, 1.4}, {"made-up", 400.0, 401.0}, {"backwards", 5.0, 4.0}, {"ok", 2.0, 2.5}}), 30);
  ASSERT_EQ(answer.words.size(), 2u);
  EXPECT_EQ(answer.words[0].text, "real");
  EXPECT_DOUBLE_EQ(answer.words[0].start, 1.0);
  EXPECT_EQ(answer.words[1].text, "ok");
  EXPECT_TRUE(answer.untimed.empty());
  EXPECT_TRUE(read_whisper_answer(R"({"text":"","words":[]})", 30).words.empty());
  const auto untimed = read_whisper_answer(
      R"({"text":" a b c","segments":[{"id":0,"text":" a b","start":1.0,"end":2.5},{"id":1,"text":" c","start":2.5,"end":99}]})", 30);
  ASSERT_EQ(untimed.untimed.size(), 3u);
  EXPECT_EQ(untimed.untimed[1].text, "b");
  EXPECT_DOUBLE_EQ(untimed.untimed[1].cue_start, 1.0);
  EXPECT_DOUBLE_EQ(untimed.untimed[1].cue_end, 2.5);
  EXPECT_DOUBLE_EQ(untimed.untimed[2].cue_end, 30);  // a segment end past the part is cut to it
  EXPECT_EQ(read_whisper_answer(R"({"text":"words but no times"})", 30).untimed.size(), 4u);
  EXPECT_THROW(read_whisper_answer("Internal error", 30), std::invalid_argument);
  EXPECT_THROW(read_whisper_answer(R"({"error":"failed to process audio"})", 30), std::invalid_argument);
}

// whisper.cpp's server (examples/server/server.cpp) for jfk_silence10_jfk.wav: verbose_json with
// one segment per copy of the speech, its "words" being tokens ("And", " so", ...), all timed
// here at the segment's start, as its token times can be without DTW: clipgen must not use them.
std::string whisper_cpp_answer() {
  const std::string text = " And so my fellow Americans, ask not what your country can do for you, ask what you can do "
                           "for your country.";
  json segments = json::array();
  for (const double start : {0.0, 21.0}) {
    json tokens = json::array();
    for (const char* token : {" And", " so", " my", " fellow", " Americans", ","})
      tokens.push_back({{"word", token}, {"start", start}, {"end", start}, {"t_dtw", -1}, {"probability", 0.9}});
    segments.push_back({{"id", segments.size()}, {"text", text}, {"start", start}, {"end", start + 11.0},
                        {"tokens", {50364, 400}}, {"words", tokens}, {"temperature", 0.0}, {"avg_logprob", -0.2},
                        {"no_speech_prob", 0.01}});
  }
  return json{{"task", "transcribe"}, {"language", "english"}, {"duration", 32.0}, {"text", text + text},
              {"segments", segments}}
      .dump();
}

TEST(WhisperApi, WhisperCppRouteAnswersWithSegmentsAndTheWordsAreTimedByTheAudio) {
  clipgen::testing::FakeHttpServer fake;
  std::atomic<int> calls{0};
  fake.server().Post("/inference", [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    // whisper.cpp reports a failed inference with status 200 and an error body.
    if (calls++ == 0) return response.set_content(R"({"error":"failed to process audio"})", "application/json");
    response.set_content(whisper_cpp_answer(), "application/json");
  });
  ::setenv("WHISPER_BASE_URL", (fake.url() + "/inference").c_str(), 1);
  auto settings = whisper_settings_from_env();
  ::unsetenv("WHISPER_BASE_URL");
  ASSERT_TRUE(settings);
  EXPECT_TRUE(settings->whisper_cpp);
  WhisperApiTranscriber transcriber(std::move(*settings), nullptr);
  EXPECT_EQ(transcriber.name(), "whisper.cpp");
  const auto samples = speech::testing::pcm_of(std::filesystem::path(CLIPGEN_MEDIA_DIR) / "field/jfk_silence10_jfk.wav");
  const auto transcript = transcriber.transcribe(with_voice_activity(samples), "en", nullptr);

  const auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 2u);
  const auto& request = requests[1];
  EXPECT_EQ(request.path, "/inference");
  ASSERT_TRUE(request.has_file("file"));
  EXPECT_EQ(request.get_file_value("file").content.substr(0, 4), "RIFF");
  EXPECT_EQ(request.get_file_value("response_format").content, "verbose_json");
  EXPECT_EQ(request.get_file_value("language").content, "en");
  EXPECT_FALSE(request.has_file("model"));

  // Every word of both copies, as written, the second copy 21.0 s after the first (the
  // recording's reference), none at the token times the server gave.
  ASSERT_EQ(transcript.words.size(), 44u);
  EXPECT_EQ(transcript.words[4].text, "Americans,");
  for (std::size_t k = 0; k < 22; ++k)
    EXPECT_NEAR(transcript.words[22 + k].start - transcript.words[k].start, 21.0, 0.05) << transcript.words[k].text;
  // Where the voice begins, not at the tokens' 0.0.
  EXPECT_NEAR(transcript.words[0].start, speech::testing::onset_after_silence(samples), 0.05);
  EXPECT_EQ(transcript.engine, "whisper.cpp");
}

TEST(WhisperApi, UnauthorizedFailsClearlyOrFallsBack) {
  clipgen::testing::FakeHttpServer fake;
  fake.server().Post("/v1/audio/transcriptions", [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    response.status = 401;
    response.set_content(kUnauthorized, "application/json");
  });
  const auto audio = bursts(5);
  WhisperApiTranscriber strict(settings_for(fake.url()), nullptr);
  try {
    strict.transcribe(all_speech(audio), "en", nullptr);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("refused the API key (HTTP 401): Incorrect API key provided"),
              std::string::npos) << e.what();
  }
  EXPECT_EQ(fake.seen().size(), 1u);  // a refused key is not retried

  WhisperApiTranscriber lenient(settings_for(fake.url()), std::make_unique<FixedTranscriber>());
  const auto transcript = lenient.transcribe(all_speech(audio), "en", nullptr);
  EXPECT_EQ(transcript.engine, "pocketsphinx");
  ASSERT_EQ(transcript.words.size(), 1u);
}

TEST(WhisperApi, RetriesServerErrorsAndMalformedAnswersThenReports) {
  clipgen::testing::FakeHttpServer fake;
  std::atomic<int> calls{0};
  fake.server().Post("/v1/audio/transcriptions", [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    switch (calls++) {
      case 0:
        response.status = 500;
        response.set_content(R"({"error":{"message":"The server had an error while processing your request.","type":"server_error"}})",
                             "application/json");
        break;
      case 1:
        response.status = 429;
        response.set_header("Retry-After", "0");
        response.set_content(R"({"error":{"message":"Rate limit reached","type":"requests"}})", "application/json");
        break;
      default:
        response.set_content(R"({"text": "truncated)", "application/json");
    }
  });
  WhisperApiTranscriber transcriber(settings_for(fake.url()), nullptr);
  try {
    transcriber.transcribe(all_speech(bursts(5)), "", nullptr);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("gave no usable answer after 2 tries: the answer is not JSON"),
              std::string::npos) << e.what();
  }
  const auto requests = fake.requests();
  ASSERT_EQ(requests.size(), 4u);  // 500, 429, then two malformed answers
  EXPECT_FALSE(requests[0].has_file("language"));
}

TEST(WhisperApi, SettingsFallBackToOpenAiVariables) {
  ::unsetenv("WHISPER_API_KEY");
  ::unsetenv("WHISPER_BASE_URL");
  ::unsetenv("WHISPER_MODEL");
  ::unsetenv("OPENAI_API_KEY");
  ::unsetenv("OPENAI_BASE_URL");
  EXPECT_FALSE(whisper_settings_from_env());
  ::setenv("OPENAI_API_KEY", "sk-openai", 1);
  ::setenv("OPENAI_BASE_URL", "https://api.groq.com/openai/v1/", 1);
  auto settings = whisper_settings_from_env();
  ASSERT_TRUE(settings);
  EXPECT_EQ(settings->api_key, "sk-openai");
  EXPECT_EQ(settings->base_url, "https://api.groq.com/openai");
  ::setenv("WHISPER_API_KEY", "sk-whisper", 1);
  ::setenv("WHISPER_BASE_URL", "http://127.0.0.1:9000", 1);
  settings = whisper_settings_from_env();
  EXPECT_EQ(settings->api_key, "sk-whisper");
  EXPECT_EQ(settings->base_url, "http://127.0.0.1:9000");
  EXPECT_EQ(settings->model, "whisper-1");
  for (const char* name : {"WHISPER_API_KEY", "WHISPER_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL"}) ::unsetenv(name);
}

}  // namespace clipgen::speech
