#include "app/engines.h"

#include "analysis/heuristic_analyzer.h"
#include "speech/pocketsphinx_transcriber.h"

namespace clipgen::app {

void add_engine_options(CLI::App& command, EngineOptions& options) {
  command.add_option("--transcriber", options.transcriber, "Speech engine")
      ->check(CLI::IsMember({"pocketsphinx"}))
      ->envname("CLIPGEN_TRANSCRIBER")
      ->capture_default_str();
  command.add_option("--analyzer", options.analyzer, "Highlight finder (auto: the built-in heuristic scorer)")
      ->check(CLI::IsMember({"auto", "heuristic"}))
      ->envname("CLIPGEN_ANALYZER")
      ->capture_default_str();
  command.add_option("--threads", options.threads, "Threads for transcription and rendering (0: every core)")
      ->envname("CLIPGEN_THREADS")
      ->capture_default_str();
}

std::unique_ptr<speech::Transcriber> make_transcriber(const EngineOptions& options) {
  speech::PocketsphinxOptions ps;
  ps.model_dir = CLIPGEN_PS_MODEL_DIR;
  ps.threads = options.threads;
  return std::make_unique<speech::PocketsphinxTranscriber>(ps);
}

std::unique_ptr<analysis::Analyzer> make_analyzer(const EngineOptions&) {
  return std::make_unique<analysis::HeuristicAnalyzer>();
}

}  // namespace clipgen::app
