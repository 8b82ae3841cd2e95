// `clipgen process` with the remote engines chosen by flags and environment, against loopback
// fakes of the Whisper and Gemini APIs: the clips come from the model's answer, the words from
// the Whisper answer; a refused key fails the run with the API's reason when told not to fall back.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/command.h"
#include "support/fake_http_server.h"

namespace {

namespace fs = std::filesystem;
using clipgen::testing::run_command;
using nlohmann::json;

const fs::path kInput = fs::path(CLIPGEN_MEDIA_DIR) / "video" / "videogrep_manifesto.mp4";  // 88 s

// What a Whisper service would answer for this recording: the words and times of its machine
// captions (videogrep_manifesto.json). They lie where the narrator speaks, so the words survive
// clipgen's voice-activity check as a real answer's would.
std::string whisper_answer() {
  std::ifstream captions(fs::path(CLIPGEN_MEDIA_DIR) / "video" / "videogrep_manifesto.json");
  json words = json::array();
  for (const auto& line : json::parse(captions))
    for (const auto& w : line["words"]) words.push_back({{"word", w["word"]}, {"start", w["start"]}, {"end", w["end"]}});
  return json{{"task", "transcribe"}, {"language", "english"}, {"duration", 88.1}, {"text", "..."}, {"words", words}}.dump();
}

std::string gemini_answer() {
  const json clips = {
      {{"start", 5}, {"end", 28}, {"title", "Fake Gemini Title A"}, {"hook", "h"}, {"score", 9}, {"reason", "r"}, {"hashtags", {"#a"}}},
      {{"start", 40}, {"end", 64}, {"title", "Fake Gemini Title B"}, {"hook", "h"}, {"score", 7}, {"reason", "r"}, {"hashtags", {"#b"}}}};
  return json{{"candidates", {{{"content", {{"parts", {{{"text", json{{"highlights", clips}}.dump()}}}}, {"role", "model"}}},
                               {"finishReason", "STOP"}}}},
              {"usageMetadata", {{"promptTokenCount", 1000}, {"candidatesTokenCount", 100}}}}
      .dump();
}

class RemoteEngines : public ::testing::Test {
 protected:
  void SetUp() override {
    out_ = fs::path(CLIPGEN_TEST_WORK_DIR) / "remote-engines" / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(out_);
    fs::create_directories(out_.parent_path());
    fake_.server().Post("/v1/audio/transcriptions", [this](const httplib::Request& request, httplib::Response& response) {
      fake_.record(request);
      response.set_content(whisper_answer(), "application/json");
    });
    ::setenv("WHISPER_BASE_URL", fake_.url().c_str(), 1);
    ::setenv("WHISPER_API_KEY", "sk-whisper", 1);
    ::setenv("GEMINI_BASE_URL", fake_.url().c_str(), 1);
    ::setenv("GEMINI_API_KEY", "gemini-key", 1);
  }
  void TearDown() override {
    for (const char* name : {"WHISPER_BASE_URL", "WHISPER_API_KEY", "GEMINI_BASE_URL", "GEMINI_API_KEY", "CLIPGEN_LLM_FALLBACK"})
      ::unsetenv(name);
  }

  clipgen::testing::CommandResult process() {
    return run_command({CLIPGEN_BINARY, "process", kInput.string(), "-o", out_.string(), "--clips", "2",
                        "--min-duration", "15", "--max-duration", "30", "--aspect", "1:1", "--transcriber",
                        "whisper-api", "--analyzer", "auto", "--json", "-q"});
  }

  clipgen::testing::FakeHttpServer fake_;
  fs::path out_;
};

}  // namespace

TEST_F(RemoteEngines, ProcessUsesWhisperWordsAndGeminiClips) {
  fake_.server().Post(R"(/v1beta/models/.*:generateContent)", [this](const httplib::Request& request, httplib::Response& response) {
    fake_.record(request);
    response.set_content(gemini_answer(), "application/json");
  });
  const auto result = process();
  ASSERT_EQ(result.exit_code, 0) << result.err;

  const auto seen = fake_.seen();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], "POST /v1/audio/transcriptions");
  EXPECT_EQ(seen[1], "POST /v1beta/models/gemini-2.5-flash-lite:generateContent");
  const std::string prompt = json::parse(fake_.requests()[1].body)["contents"][0]["parts"][0]["text"];
  EXPECT_NE(prompt.find("this audiobook is in the public domain"), std::string::npos) << prompt;

  std::ifstream clips_file(out_ / "clips.json");
  const auto clips = json::parse(clips_file)["clips"];
  ASSERT_EQ(clips.size(), 2u);
  EXPECT_EQ(clips[0]["title"], "Fake Gemini Title A");
  EXPECT_EQ(clips[1]["title"], "Fake Gemini Title B");
  for (const auto& clip : clips) {
    EXPECT_GE(clip["duration"].get<double>(), 15 - 0.1);
    EXPECT_LE(clip["duration"].get<double>(), 30 + 0.1);
    EXPECT_TRUE(fs::is_regular_file(out_ / clip["file"].get<std::string>()));
  }
  std::ifstream transcript_file(out_ / "transcript.json");
  EXPECT_EQ(json::parse(transcript_file)["engine"], "whisper-api:whisper-1");
}

TEST_F(RemoteEngines, RefusedKeyFailsTheRunWhenFallbackIsOff) {
  fake_.server().Post(R"(/v1beta/models/.*:generateContent)", [this](const httplib::Request& request, httplib::Response& response) {
    fake_.record(request);
    response.status = 403;
    response.set_content(R"({"error":{"code":403,"message":"Method doesn't allow unregistered callers.","status":"PERMISSION_DENIED"}})",
                         "application/json");
  });
  ::setenv("CLIPGEN_LLM_FALLBACK", "fail", 1);
  const auto result = process();
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.err.find("Gemini refused the API key (HTTP 403): Method doesn't allow unregistered callers."),
            std::string::npos) << result.err;
  EXPECT_FALSE(fs::exists(out_ / "clips.json"));
}
