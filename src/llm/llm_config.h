#pragma once
// The LLM settings a user of the FastAPI original already has in the environment:
// GEMINI_API_KEY, GEMINI_MODEL, GEMINI_BASE_URL; OPENAI_API_KEY, OPENAI_BASE_URL, LLM_MODEL;
// CLIPGEN_LLM_FALLBACK=heuristic|fail.
#include <optional>

#include "llm/gemini_client.h"
#include "llm/llm_analyzer.h"
#include "llm/openai_client.h"

namespace clipgen::llm {

// Set when GEMINI_API_KEY is.
std::optional<GeminiSettings> gemini_settings_from_env();
// Set when OPENAI_BASE_URL or OPENAI_API_KEY is.
std::optional<OpenAiSettings> openai_settings_from_env();
// Throws std::invalid_argument for an unknown CLIPGEN_LLM_FALLBACK.
LlmOptions llm_options_from_env();

}  // namespace clipgen::llm
