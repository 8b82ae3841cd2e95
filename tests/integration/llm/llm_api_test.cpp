// The Gemini and OpenAI-compatible highlight finders against loopback fakes that speak each
// API's documented wire format, errors included: what clipgen sends, how it reads and repairs
// the answers, and what it does when the API fails.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "llm/gemini_client.h"
#include "llm/llm_analyzer.h"
#include "llm/openai_client.h"
#include "scripted_api.h"
#include "unit/llm/talk_transcript.h"

namespace clipgen::llm {

namespace {

using nlohmann::json;

const std::vector<float> kNoLoudness;

using testing::Reply;
using testing::ScriptedApi;

json clip(double start, double end, int score) {
  return {{"start", start}, {"end", end}, {"title", "Why Money Matters"}, {"hook", "why does money matter"},
          {"score", score}, {"reason", "a question up front"}, {"hashtags", {"#money", "#habits"}}};
}

std::string answer_text(const json& clips) { return json{{"highlights", clips}}.dump(); }

// A generateContent response as documented (candidates, content.parts, usageMetadata).
std::string gemini_reply(const json& clips) {
  return json{{"candidates",
               {{{"content", {{"parts", {{{"text", answer_text(clips)}}}}, {"role", "model"}}},
                 {"finishReason", "STOP"},
                 {"index", 0}}}},
              {"usageMetadata", {{"promptTokenCount", 2000}, {"candidatesTokenCount", 250}, {"totalTokenCount", 2250}}},
              {"modelVersion", "gemini-2.5-flash-lite"}}
      .dump();
}

std::string gemini_text_reply(const std::string& text) {
  return json{{"candidates", {{{"content", {{"parts", {{{"text", text}}}}, {"role", "model"}}}, {"finishReason", "STOP"}}}},
              {"usageMetadata", {{"promptTokenCount", 2000}, {"candidatesTokenCount", 20}}}}
      .dump();
}

// A chat.completion response as documented (choices[].message.content, usage).
std::string openai_reply(const json& clips) {
  return json{{"id", "chatcmpl-123"},
              {"object", "chat.completion"},
              {"model", "gpt-4o-mini"},
              {"choices",
               {{{"index", 0},
                 {"message", {{"role", "assistant"}, {"content", answer_text(clips)}, {"refusal", nullptr}}},
                 {"finish_reason", "stop"}}}},
              {"usage", {{"prompt_tokens", 1500}, {"completion_tokens", 200}, {"total_tokens", 1700}}}}
      .dump();
}

const char* const kGeminiPath = R"(/v1beta/models/.*:generateContent)";

const net::RetryPolicy kFastRetries{.attempts = 3, .first_delay = std::chrono::milliseconds(10),
                                    .max_delay = std::chrono::milliseconds(2000)};

std::unique_ptr<LlmAnalyzer> gemini(const std::string& url, Fallback fallback = Fallback::heuristic,
                                    std::size_t window_chars = 400000, long timeout_seconds = 30) {
  GeminiSettings settings{.api_key = "test-gemini-key", .base_url = url, .retry = kFastRetries,
                          .timeout_seconds = timeout_seconds};
  return std::make_unique<LlmAnalyzer>(std::make_unique<GeminiClient>(settings),
                                       LlmOptions{.window_chars = window_chars, .fallback = fallback});
}

struct Talk {
  speech::Transcript transcript = testing::talk_transcript();
  analysis::AnalysisRequest request(int clips = 3, const std::string& prompt = "") const {
    return {transcript, kNoLoudness, clips, 20, 60, prompt};
  }
};

void expect_usable(const analysis::AnalysisResult& result, std::size_t count) {
  ASSERT_EQ(result.highlights.size(), count);
  for (std::size_t i = 0; i < result.highlights.size(); ++i) {
    const auto& h = result.highlights[i];
    EXPECT_GE(h.end - h.start, 20);
    EXPECT_LE(h.end - h.start, 60);
    EXPECT_GE(h.score, 1);
    EXPECT_LE(h.score, 10);
    EXPECT_FALSE(h.text.empty());
    for (std::size_t j = 0; j < i; ++j)
      EXPECT_TRUE(h.end <= result.highlights[j].start || h.start >= result.highlights[j].end) << "overlap";
  }
}

bool has_note(const analysis::AnalysisResult& result, const std::string& part) {
  return std::any_of(result.notes.begin(), result.notes.end(),
                     [&](const std::string& note) { return note.find(part) != std::string::npos; });
}

}  // namespace

TEST(GeminiApi, SendsTheDocumentedRequestAndRepairsTheAnswer) {
  ScriptedApi api(kGeminiPath, {{200, gemini_reply({clip(10.2, 40.9, 9), clip(35, 70, 6), clip(80.1, 118.7, 42)})}});
  Talk talk;
  const auto result = gemini(api.url())->analyze(talk.request(3, "money advice"), nullptr);

  const auto requests = api.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].path, "/v1beta/models/gemini-2.5-flash-lite:generateContent");
  EXPECT_EQ(requests[0].get_header_value("x-goog-api-key"), "test-gemini-key");
  EXPECT_EQ(requests[0].get_header_value("Content-Type"), "application/json");
  const auto body = json::parse(requests[0].body);
  EXPECT_EQ(body["generationConfig"]["responseMimeType"], "application/json");
  EXPECT_EQ(body["generationConfig"]["responseSchema"]["properties"]["highlights"]["type"], "array");
  EXPECT_FALSE(body["generationConfig"]["responseSchema"].contains("additionalProperties"));
  const std::string user = body["contents"][0]["parts"][0]["text"];
  EXPECT_NE(user.find("] why does money matter"), std::string::npos);
  EXPECT_NE(user.find("The viewer asked for: money advice"), std::string::npos);
  EXPECT_FALSE(body["systemInstruction"]["parts"][0]["text"].get<std::string>().empty());

  // The overlapping 35-70 s clip loses to the better 10-41 s one; the scorer tops up the third.
  expect_usable(result, 3);
  EXPECT_EQ(result.highlights[0].score, 10);  // 42 clamped
  EXPECT_EQ(result.highlights[0].title, "Why Money Matters");
  EXPECT_EQ(result.usage.input_tokens, 2000);
  EXPECT_EQ(result.usage.output_tokens, 250);
  EXPECT_DOUBLE_EQ(result.usage.cost_usd, (2000 * 0.10 + 250 * 0.40) / 1e6);
  EXPECT_TRUE(has_note(result, "the built-in scorer added 1")) << ::testing::PrintToString(result.notes);
}

TEST(OpenAiApi, SendsTheDocumentedRequestWithAStrictJsonSchema) {
  ScriptedApi api("/v1/chat/completions", {{200, openai_reply({clip(10, 40, 8), clip(50, 90, 7), clip(100, 140, 6)})}});
  OpenAiSettings settings{.api_key = "sk-test", .base_url = api.url() + "/v1/", .model = "gpt-4o-mini",
                          .retry = kFastRetries};
  LlmAnalyzer analyzer(std::make_unique<OpenAiClient>(settings), {});
  Talk talk;
  const auto result = analyzer.analyze(talk.request(3), nullptr);

  const auto requests = api.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].path, "/v1/chat/completions");
  EXPECT_EQ(requests[0].get_header_value("Authorization"), "Bearer sk-test");
  const auto body = json::parse(requests[0].body);
  EXPECT_EQ(body["model"], "gpt-4o-mini");
  EXPECT_EQ(body["messages"][0]["role"], "system");
  EXPECT_EQ(body["messages"][1]["role"], "user");
  EXPECT_EQ(body["response_format"]["type"], "json_schema");
  EXPECT_EQ(body["response_format"]["json_schema"]["strict"], true);
  EXPECT_EQ(body["response_format"]["json_schema"]["schema"]["additionalProperties"], false);

  expect_usable(result, 3);
  EXPECT_EQ(analyzer.name(), "openai:gpt-4o-mini");
  EXPECT_EQ(result.usage.input_tokens, 1500);
  EXPECT_DOUBLE_EQ(result.usage.cost_usd, (1500 * 0.15 + 200 * 0.60) / 1e6);
}

TEST(LlmFaults, UnauthorizedIsNotRetriedAndFallsBackOrFails) {
  const std::string unauthorized = R"({"error":{"code":401,"message":"API key not valid. Please pass a valid API key.","status":"UNAUTHENTICATED"}})";
  Talk talk;
  {
    ScriptedApi api(kGeminiPath, {{401, unauthorized}});
    const auto result = gemini(api.url())->analyze(talk.request(), nullptr);
    EXPECT_EQ(api.seen().size(), 1u);
    expect_usable(result, 3);
    EXPECT_TRUE(has_note(result, "API key not valid")) << ::testing::PrintToString(result.notes);
    EXPECT_TRUE(has_note(result, "the built-in scorer picked these clips instead"));
  }
  {
    ScriptedApi api(kGeminiPath, {{401, unauthorized}});
    try {
      gemini(api.url(), Fallback::fail)->analyze(talk.request(), nullptr);
      FAIL() << "expected an error";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("Gemini refused the API key (HTTP 401): API key not valid"),
                std::string::npos) << e.what();
    }
  }
}

TEST(LlmFaults, RateLimitHonoursRetryAfterThenSucceeds) {
  const std::string exhausted = R"({"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}})";
  ScriptedApi api(kGeminiPath, {{429, exhausted, "1"}, {200, gemini_reply({clip(10, 40, 8), clip(50, 90, 7), clip(100, 140, 6)})}});
  Talk talk;
  const auto result = gemini(api.url(), Fallback::fail)->analyze(talk.request(), nullptr);
  EXPECT_EQ(api.seen().size(), 2u);
  expect_usable(result, 3);
  EXPECT_EQ(net::retry_delay(kFastRetries, 1, "1"), std::chrono::seconds(1));
}

TEST(LlmFaults, ServerErrorsOutlastingRetriesFallBack) {
  ScriptedApi api(kGeminiPath, {{503, R"({"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}})"}});
  Talk talk;
  const auto result = gemini(api.url())->analyze(talk.request(), nullptr);
  EXPECT_EQ(api.seen().size(), 3u);
  expect_usable(result, 3);
  EXPECT_TRUE(has_note(result, "The model is overloaded")) << ::testing::PrintToString(result.notes);
  EXPECT_EQ(result.usage.input_tokens, 0);
}

TEST(LlmFaults, TimeoutIsRetriedThenReported) {
  testing::SilentServer silent;
  Talk talk;
  try {
    gemini(silent.url(), Fallback::fail, 400000, 1)->analyze(talk.request(), nullptr);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("Gemini did not answer after 3 tries"), std::string::npos) << e.what();
  }
}

TEST(LlmFaults, MalformedAnswerIsAskedAgain) {
  ScriptedApi api(kGeminiPath, {{200, gemini_text_reply("Here are the best clips: 1) the money part")},
                                {200, gemini_reply({clip(10, 40, 8), clip(50, 90, 7), clip(100, 140, 6)})}});
  Talk talk;
  const auto result = gemini(api.url(), Fallback::fail)->analyze(talk.request(), nullptr);
  EXPECT_EQ(api.seen().size(), 2u);
  expect_usable(result, 3);
  EXPECT_EQ(result.usage.input_tokens, 4000);  // both calls were paid for
}

TEST(LlmFaults, InventedTimesAreAskedAgainThenFallBack) {
  ScriptedApi api(kGeminiPath, {{200, gemini_reply({clip(900, 940, 9), clip(1000, 1030, 8)})}});
  Talk talk;
  const auto result = gemini(api.url())->analyze(talk.request(), nullptr);
  EXPECT_EQ(api.seen().size(), 3u);
  expect_usable(result, 3);
  EXPECT_TRUE(has_note(result, "times outside the video")) << ::testing::PrintToString(result.notes);

  ScriptedApi strict(kGeminiPath, {{200, gemini_reply(json::array({clip(900, 940, 9)}))}});
  EXPECT_THROW(gemini(strict.url(), Fallback::fail)->analyze(talk.request(), nullptr), std::runtime_error);
}

TEST(LlmFaults, EmptyAnswerIsToppedUpNeverSilentlyEmpty) {
  ScriptedApi api(kGeminiPath, {{200, gemini_reply(json::array())}});
  Talk talk;
  const auto result = gemini(api.url(), Fallback::fail)->analyze(talk.request(), nullptr);
  expect_usable(result, 3);
  EXPECT_TRUE(has_note(result, "the model offered 0 usable clips; the built-in scorer added 3"))
      << ::testing::PrintToString(result.notes);
}

TEST(LlmWindows, LongTranscriptGoesOutInWindowsAndIsMerged) {
  ScriptedApi api(kGeminiPath, {{200, gemini_reply(json::array({clip(10, 40, 5)}))},
                                {200, gemini_reply(json::array({clip(50, 85, 9)}))},
                                {200, gemini_reply(json::array({clip(95, 130, 7)}))},
                                {200, gemini_reply(json::array({clip(140, 170, 3)}))}});
  Talk talk;
  const auto result = gemini(api.url(), Fallback::fail, 1200)->analyze(talk.request(3), nullptr);
  const auto requests = api.requests();
  ASSERT_GE(requests.size(), 3u);
  for (const auto& request : requests) {
    const std::string user = json::parse(request.body)["contents"][0]["parts"][0]["text"];
    EXPECT_LE(user.size(), 1200u + 1000u);  // the window plus the instructions
  }
  expect_usable(result, 3);
  EXPECT_EQ(result.highlights[0].score, 9);
  EXPECT_EQ(result.usage.input_tokens, 2000 * static_cast<long long>(requests.size()));
}

}  // namespace clipgen::llm
