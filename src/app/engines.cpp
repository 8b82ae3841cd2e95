#include "app/engines.h"

#include <cstdlib>

#include "analysis/heuristic_analyzer.h"
#include "llm/gemini_transcriber.h"
#include "llm/llm_config.h"
#include "speech/aligned_transcriber.h"
#include "speech/pocketsphinx_transcriber.h"
#include "speech/transcript_file.h"
#include "speech/whisper_api_transcriber.h"

namespace clipgen::app {

namespace {

speech::PocketsphinxOptions pocketsphinx_options(const EngineOptions& options) {
  return speech::installed_pocketsphinx(options.threads);
}

std::unique_ptr<speech::Transcriber> make_pocketsphinx(const EngineOptions& options) {
  return std::make_unique<speech::PocketsphinxTranscriber>(pocketsphinx_options(options));
}

// The embedded engine when a remote one keeps failing, unless CLIPGEN_LLM_FALLBACK=fail.
std::unique_ptr<speech::Transcriber> fallback_for_remote(const EngineOptions& options) {
  return llm::llm_options_from_env().fallback == llm::Fallback::heuristic ? make_pocketsphinx(options) : nullptr;
}

bool env_set(const char* name) {
  const char* value = std::getenv(name);
  return value && *value;
}

}  // namespace

void add_engine_options(CLI::App& command, EngineOptions& options) {
  command.add_option("--transcriber", options.transcriber,
                     "Speech engine (auto: a Whisper API when WHISPER_BASE_URL/WHISPER_API_KEY is set, else "
                     "Gemini with GEMINI_API_KEY, else pocketsphinx; whisper-api: WHISPER_* or OPENAI_*)")
      ->check(CLI::IsMember({"auto", "pocketsphinx", "whisper-api", "gemini"}))
      ->envname("CLIPGEN_TRANSCRIBER")
      ->capture_default_str();
  command.add_option("--analyzer", options.analyzer,
                     "Highlight finder (auto: Gemini with GEMINI_API_KEY, else OpenAI-compatible with "
                     "OPENAI_BASE_URL/OPENAI_API_KEY, else the built-in scorer)")
      ->check(CLI::IsMember({"auto", "heuristic", "gemini", "openai"}))
      ->envname("CLIPGEN_ANALYZER")
      ->capture_default_str();
  command.add_option("--transcript", options.transcript_file,
                     "Your own transcript or captions of the recording (.srt, .vtt, clipgen's transcript .json, "
                     "or plain text): its words are used as written and timed in the audio (English)")
      ->check(CLI::ExistingFile);
  command.add_option("--threads", options.threads, "Threads for transcription and rendering (0: every core)")
      ->envname("CLIPGEN_THREADS")
      ->capture_default_str();
}

std::string resolve_analyzer(const std::string& choice, bool has_gemini, bool has_openai) {
  if (choice != "auto") return choice;
  if (has_gemini) return "gemini";
  if (has_openai) return "openai";
  return "heuristic";
}

std::string resolve_transcriber(const std::string& choice, bool has_whisper, bool has_gemini) {
  if (choice != "auto") return choice;
  if (has_whisper) return "whisper-api";
  if (has_gemini) return "gemini";
  return "pocketsphinx";
}

std::unique_ptr<speech::Transcriber> make_aligner(std::vector<speech::TextWord> words, const EngineOptions& options) {
  return std::make_unique<speech::AlignedTranscriber>(std::move(words), pocketsphinx_options(options));
}

std::unique_ptr<speech::Transcriber> make_transcriber(const EngineOptions& options) {
  if (!options.transcript_file.empty())
    return make_aligner(speech::read_transcript_file(options.transcript_file), options);
  auto gemini = llm::gemini_settings_from_env();
  const std::string chosen = resolve_transcriber(
      options.transcriber, env_set("WHISPER_BASE_URL") || env_set("WHISPER_API_KEY"), gemini.has_value());
  if (chosen == "gemini") {
    if (!gemini) throw std::invalid_argument("--transcriber gemini needs GEMINI_API_KEY");
    return std::make_unique<llm::GeminiTranscriber>(
        std::move(*gemini), llm::GeminiTranscriptionOptions{.aligner = pocketsphinx_options(options)},
        fallback_for_remote(options));
  }
  if (chosen != "whisper-api") return make_pocketsphinx(options);
  auto settings = speech::whisper_settings_from_env();
  if (!settings)
    throw std::invalid_argument(
        "--transcriber whisper-api needs WHISPER_API_KEY or WHISPER_BASE_URL (or OPENAI_API_KEY / OPENAI_BASE_URL)");
  settings->aligner = pocketsphinx_options(options);
  return std::make_unique<speech::WhisperApiTranscriber>(std::move(*settings), fallback_for_remote(options));
}

std::unique_ptr<analysis::Analyzer> make_analyzer(const EngineOptions& options) {
  auto gemini = llm::gemini_settings_from_env();
  auto openai = llm::openai_settings_from_env();
  const std::string chosen = resolve_analyzer(options.analyzer, gemini.has_value(), openai.has_value());
  if (chosen == "gemini") {
    if (!gemini) throw std::invalid_argument("--analyzer gemini needs GEMINI_API_KEY");
    return std::make_unique<llm::LlmAnalyzer>(std::make_unique<llm::GeminiClient>(std::move(*gemini)),
                                              llm::llm_options_from_env());
  }
  if (chosen == "openai") {
    if (!openai) throw std::invalid_argument("--analyzer openai needs OPENAI_BASE_URL or OPENAI_API_KEY");
    return std::make_unique<llm::LlmAnalyzer>(std::make_unique<llm::OpenAiClient>(std::move(*openai)),
                                              llm::llm_options_from_env());
  }
  return std::make_unique<analysis::HeuristicAnalyzer>();
}

}  // namespace clipgen::app
