#pragma once
// Picks the speech engine and the highlight analyzer from flags and the environment.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "analysis/analyzer.h"
#include "speech/transcriber.h"
#include "speech/word_aligner.h"

namespace clipgen::app {

struct EngineOptions {
  std::string transcriber = "auto";          // auto | pocketsphinx | whisper-api | gemini
  std::string analyzer = "auto";             // auto | heuristic | gemini | openai
  unsigned threads = 0;                      // 0: every core
  std::filesystem::path transcript_file;     // the user's words, aligned instead of recognised
};

void add_engine_options(CLI::App& command, EngineOptions& options);

// The analyzer `choice` stands for: auto is gemini with a Gemini key, else openai with an
// OpenAI-compatible URL or key, else heuristic. Pure.
std::string resolve_analyzer(const std::string& choice, bool has_gemini, bool has_openai);

// The speech engine `choice` stands for: auto is whisper-api when a Whisper server or key is
// set (WHISPER_BASE_URL / WHISPER_API_KEY: set for that purpose, unlike OPENAI_*, which may
// name a chat-only endpoint), else gemini with a Gemini key, else pocketsphinx. Pure.
std::string resolve_transcriber(const std::string& choice, bool has_whisper, bool has_gemini);

// Throw std::invalid_argument naming the missing variable when the chosen engine has no
// settings. A remote engine that keeps failing hands over to the embedded one unless
// CLIPGEN_LLM_FALLBACK=fail.
std::unique_ptr<speech::Transcriber> make_transcriber(const EngineOptions& options);
// An engine that times `words` (a user's own transcript) in the audio.
std::unique_ptr<speech::Transcriber> make_aligner(std::vector<speech::TextWord> words, const EngineOptions& options);
std::unique_ptr<analysis::Analyzer> make_analyzer(const EngineOptions& options);

}  // namespace clipgen::app
