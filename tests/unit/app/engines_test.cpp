#include "app/engines.h"

#include <gtest/gtest.h>
#include <stdlib.h>

namespace clipgen::app {

namespace {

// Every variable the engine choice reads, cleared around each test.
class EnginesTest : public ::testing::Test {
 protected:
  void SetUp() override { clear(); }
  void TearDown() override { clear(); }
  static void clear() {
    for (const char* name : {"GEMINI_API_KEY", "GEMINI_MODEL", "GEMINI_BASE_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL",
                             "LLM_MODEL", "WHISPER_API_KEY", "WHISPER_BASE_URL", "WHISPER_MODEL",
                             "CLIPGEN_LLM_FALLBACK"})
      ::unsetenv(name);
  }
};

}  // namespace

TEST_F(EnginesTest, AutoPrefersGeminiThenOpenAiThenTheBuiltInScorer) {
  EXPECT_EQ(resolve_analyzer("auto", true, true), "gemini");
  EXPECT_EQ(resolve_analyzer("auto", false, true), "openai");
  EXPECT_EQ(resolve_analyzer("auto", false, false), "heuristic");
  EXPECT_EQ(resolve_analyzer("heuristic", true, true), "heuristic");
  EXPECT_EQ(resolve_analyzer("openai", true, false), "openai");
}

TEST_F(EnginesTest, AnalyzerFollowsTheEnvironment) {
  EXPECT_EQ(make_analyzer({})->name(), "heuristic");
  ::setenv("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1", 1);
  ::setenv("LLM_MODEL", "llama3.1", 1);
  EXPECT_EQ(make_analyzer({})->name(), "openai:llama3.1");
  ::setenv("GEMINI_API_KEY", "key", 1);
  EXPECT_EQ(make_analyzer({})->name(), "gemini:gemini-2.5-flash-lite");
  ::setenv("GEMINI_MODEL", "gemini-2.5-flash", 1);
  EXPECT_EQ(make_analyzer({.analyzer = "gemini"})->name(), "gemini:gemini-2.5-flash");
  EXPECT_EQ(make_analyzer({.analyzer = "openai"})->name(), "openai:llama3.1");
  EXPECT_EQ(make_analyzer({.analyzer = "heuristic"})->name(), "heuristic");
}

TEST_F(EnginesTest, ChosenRemoteEngineWithoutSettingsNamesTheVariable) {
  try {
    make_analyzer({.analyzer = "gemini"});
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("GEMINI_API_KEY"), std::string::npos);
  }
  EXPECT_THROW(make_analyzer({.analyzer = "openai"}), std::invalid_argument);
  EXPECT_THROW(make_transcriber({.transcriber = "whisper-api"}), std::invalid_argument);
  ::setenv("GEMINI_API_KEY", "key", 1);
  ::setenv("CLIPGEN_LLM_FALLBACK", "maybe", 1);
  EXPECT_THROW(make_analyzer({}), std::invalid_argument);
}

TEST_F(EnginesTest, AutoTranscriberPrefersAWhisperServerThenGeminiThenPocketsphinx) {
  EXPECT_EQ(resolve_transcriber("auto", true, true), "whisper-api");
  EXPECT_EQ(resolve_transcriber("auto", false, true), "gemini");
  EXPECT_EQ(resolve_transcriber("auto", false, false), "pocketsphinx");
  EXPECT_EQ(resolve_transcriber("pocketsphinx", true, true), "pocketsphinx");
}

TEST_F(EnginesTest, TranscriberChoice) {
  EXPECT_EQ(make_transcriber({})->name(), "pocketsphinx");
  // An OpenAI key set for the analyzer does not send the audio to OpenAI unasked.
  ::setenv("OPENAI_API_KEY", "sk-key", 1);
  EXPECT_EQ(make_transcriber({})->name(), "pocketsphinx");
  ::setenv("GEMINI_API_KEY", "key", 1);
  EXPECT_EQ(make_transcriber({})->name(), "gemini:gemini-2.5-flash-lite");
  ::setenv("WHISPER_BASE_URL", "http://127.0.0.1:9000", 1);
  EXPECT_EQ(make_transcriber({})->name(), "whisper-api:whisper-1");
  EXPECT_EQ(make_transcriber({.transcriber = "whisper-api"})->name(), "whisper-api:whisper-1");
  EXPECT_EQ(make_transcriber({.transcriber = "gemini"})->name(), "gemini:gemini-2.5-flash-lite");
  EXPECT_EQ(make_transcriber({.transcriber = "pocketsphinx"})->name(), "pocketsphinx");
  ::unsetenv("GEMINI_API_KEY");
  EXPECT_THROW(make_transcriber({.transcriber = "gemini"}), std::invalid_argument);
}

}  // namespace clipgen::app
