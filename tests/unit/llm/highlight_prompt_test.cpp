#include "llm/highlight_prompt.h"

#include <gtest/gtest.h>

#include "llm/gemini_client.h"
#include "llm/openai_client.h"
#include "llm/pricing.h"
#include "llm/prompt_windows.h"
#include "unit/llm/talk_transcript.h"

namespace clipgen::llm {

namespace {
const std::vector<float> kNoLoudness;
}

TEST(HighlightPrompt, ListsSentencesWithTimesSettingsAndTheUsersWish) {
  const auto transcript = testing::talk_transcript(3);
  const auto sentences = analysis::split_sentences(transcript, 60);
  const analysis::AnalysisRequest request{transcript, kNoLoudness, 4, 15, 45, "the funniest moments"};
  const Prompt prompt = highlight_prompt(request, sentences, {0, 2});
  EXPECT_NE(prompt.user.find(fmt::format("[{:.2f}-{:.2f}] why does money matter", sentences[0].start, sentences[0].end)),
            std::string::npos) << prompt.user;
  EXPECT_NE(prompt.user.find("Find the 4 best clips"), std::string::npos);
  EXPECT_NE(prompt.user.find("between 15 and 45 seconds"), std::string::npos);
  EXPECT_NE(prompt.user.find("The viewer asked for: the funniest moments"), std::string::npos);
  EXPECT_FALSE(prompt.system.empty());
}

TEST(HighlightPrompt, ParsesAnswersAndToleratesFencesAndQuotedNumbers) {
  const auto plain = parse_highlights(
      R"({"highlights":[{"start":1.5,"end":30,"title":"A","hook":"B","score":8,"reason":"C","hashtags":["#x"]}]})");
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_EQ(plain[0].start, 1.5);
  EXPECT_EQ(plain[0].score, 8);
  EXPECT_EQ(plain[0].hashtags, std::vector<std::string>{"#x"});
  const auto fenced = parse_highlights("```json\n{\"highlights\":[{\"start\":\"2\",\"end\":\"40.5\",\"score\":7.6}]}\n```");
  ASSERT_EQ(fenced.size(), 1u);
  EXPECT_EQ(fenced[0].end, 40.5);
  EXPECT_EQ(fenced[0].score, 8);
  EXPECT_THROW(parse_highlights("Sure! Here are your clips:"), std::invalid_argument);
  EXPECT_THROW(parse_highlights(R"({"clips": []})"), std::invalid_argument);
  EXPECT_THROW(parse_highlights(R"({"highlights":[{"end": 3}]})"), std::invalid_argument);
  EXPECT_THROW(parse_highlights(R"({"highlights":[{"start":"soon","end":3}]})"), std::invalid_argument);
}

TEST(HighlightPrompt, SchemaIsStrictForOpenAiAndStrippedForGemini) {
  const auto schema = highlight_schema();
  EXPECT_EQ(schema["additionalProperties"], false);
  const auto& item = schema["properties"]["highlights"]["items"];
  EXPECT_EQ(item["required"].size(), item["properties"].size());
  const auto gemini = gemini_schema(schema);
  EXPECT_FALSE(gemini.contains("additionalProperties"));
  EXPECT_FALSE(gemini["properties"]["highlights"]["items"].contains("additionalProperties"));
  EXPECT_EQ(gemini["properties"]["highlights"]["items"]["properties"]["score"]["type"], "integer");
}

TEST(HighlightPrompt, GeminiResponseReadingCountsTokensAndNamesBlocks) {
  const auto completion = read_gemini_response(R"({"candidates":[{"content":{"parts":[{"text":"{\"highlights\":"},
    {"text":"[]}"}],"role":"model"},"finishReason":"STOP"}],
    "usageMetadata":{"promptTokenCount":1200,"candidatesTokenCount":300,"totalTokenCount":1500}})");
  EXPECT_EQ(completion.text, R"({"highlights":[]})");
  EXPECT_EQ(completion.input_tokens, 1200);
  EXPECT_EQ(completion.output_tokens, 300);
  try {
    read_gemini_response(R"({"promptFeedback":{"blockReason":"SAFETY"}})");
    FAIL();
  } catch (const net::ApiError& e) {
    EXPECT_EQ(e.kind, net::ApiError::Kind::bad_answer);
    EXPECT_NE(std::string(e.what()).find("SAFETY"), std::string::npos);
  }
  EXPECT_THROW(read_gemini_response("<html>"), net::ApiError);
}

TEST(HighlightPrompt, OpenAiResponseReadingCountsTokensAndNamesRefusals) {
  const auto completion = read_openai_response(R"({"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,
    "message":{"role":"assistant","content":"{}"},"finish_reason":"stop"}],
    "usage":{"prompt_tokens":900,"completion_tokens":80,"total_tokens":980}})");
  EXPECT_EQ(completion.text, "{}");
  EXPECT_EQ(completion.input_tokens, 900);
  EXPECT_EQ(completion.output_tokens, 80);
  EXPECT_THROW(read_openai_response(R"({"choices":[{"message":{"role":"assistant","content":null,
    "refusal":"I can't help with that."}}]})"), net::ApiError);
  EXPECT_THROW(read_openai_response(R"({"choices":[]})"), net::ApiError);
}

TEST(PromptWindows, LongTranscriptsSplitIntoOverlappingWindowsThatFit) {
  const auto transcript = testing::talk_transcript(40);
  const auto sentences = analysis::split_sentences(transcript, 60);
  const std::size_t max_chars = 1000;
  const auto windows = split_windows(transcript, sentences, max_chars, 20);
  ASSERT_GT(windows.size(), 3u);
  EXPECT_EQ(windows.front().first, 0u);
  EXPECT_EQ(windows.back().last, sentences.size() - 1);
  for (std::size_t i = 0; i < windows.size(); ++i) {
    std::size_t chars = 0;
    for (std::size_t s = windows[i].first; s <= windows[i].last; ++s) chars += prompt_line_chars(transcript, sentences[s]);
    EXPECT_LE(chars, max_chars);
    if (i > 0) {
      EXPECT_GT(windows[i].first, windows[i - 1].first);
      EXPECT_LE(windows[i].first, windows[i - 1].last);  // they overlap
    }
  }
  EXPECT_EQ(split_windows(transcript, sentences, 1000000, 20).size(), 1u);
}

TEST(Pricing, ListPricesPerMillionTokens) {
  EXPECT_DOUBLE_EQ(cost_usd("gemini-2.5-flash-lite", 1000000, 1000000), 0.50);
  EXPECT_DOUBLE_EQ(cost_usd("gpt-4o-mini", 2000000, 0), 0.30);
  EXPECT_EQ(cost_usd("my-local-llama", 5000, 5000), 0);
  // Audio input has its own price on some models ($0.30 for flash-lite), the same on others.
  EXPECT_DOUBLE_EQ(cost_usd("gemini-2.5-flash-lite", 1000000, 0, 1000000), 0.30);
  EXPECT_DOUBLE_EQ(cost_usd("gemini-2.5-flash-lite", 3000000, 0, 1000000), 0.50);
  EXPECT_DOUBLE_EQ(cost_usd("gemini-2.0-flash-lite", 1000000, 0, 1000000), 0.075);
  EXPECT_FALSE(known_price("my-local-llama"));
}

}  // namespace clipgen::llm
