#include "llm/llm_config.h"

#include <fmt/format.h>

#include <cstdlib>
#include <stdexcept>

namespace clipgen::llm {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

}  // namespace

std::optional<GeminiSettings> gemini_settings_from_env() {
  GeminiSettings settings;
  settings.api_key = env("GEMINI_API_KEY");
  if (settings.api_key.empty()) return std::nullopt;
  if (auto model = env("GEMINI_MODEL"); !model.empty()) settings.model = model;
  if (auto base = env("GEMINI_BASE_URL"); !base.empty()) settings.base_url = base;
  return settings;
}

std::optional<OpenAiSettings> openai_settings_from_env() {
  OpenAiSettings settings;
  settings.api_key = env("OPENAI_API_KEY");
  const std::string base = env("OPENAI_BASE_URL");
  if (settings.api_key.empty() && base.empty()) return std::nullopt;
  if (!base.empty()) settings.base_url = base;
  if (auto model = env("LLM_MODEL"); !model.empty()) settings.model = model;
  return settings;
}

LlmOptions llm_options_from_env() {
  LlmOptions options;
  const std::string fallback = env("CLIPGEN_LLM_FALLBACK");
  if (fallback.empty() || fallback == "heuristic")
    options.fallback = Fallback::heuristic;
  else if (fallback == "fail")
    options.fallback = Fallback::fail;
  else
    throw std::invalid_argument(
        fmt::format("CLIPGEN_LLM_FALLBACK is '{}': use 'heuristic' (the built-in scorer takes over) or 'fail'", fallback));
  return options;
}

}  // namespace clipgen::llm
