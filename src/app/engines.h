#pragma once
// Picks the speech engine and the highlight analyzer from flags and the environment.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>

#include "analysis/analyzer.h"
#include "speech/transcriber.h"

namespace clipgen::app {

struct EngineOptions {
  std::string transcriber = "pocketsphinx";  // pocketsphinx | whisper-api
  std::string analyzer = "auto";             // auto | heuristic | gemini | openai
  unsigned threads = 0;                      // 0: every core
};

void add_engine_options(CLI::App& command, EngineOptions& options);

std::unique_ptr<speech::Transcriber> make_transcriber(const EngineOptions& options);
std::unique_ptr<analysis::Analyzer> make_analyzer(const EngineOptions& options);

}  // namespace clipgen::app
