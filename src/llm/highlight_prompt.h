#pragma once
// What an LLM is asked and what it must answer: the prompt (a transcript with times, the
// settings, the user's wish), the JSON Schema of the answer, and reading the answer back. Pure.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "analysis/highlight.h"
#include "analysis/sentences.h"

namespace clipgen::llm {

struct Prompt {
  std::string system;
  std::string user;
};

// The sentences [first, last] of the transcript, one line each with its start and end time.
struct PromptWindow {
  std::size_t first = 0;
  std::size_t last = 0;
};

Prompt highlight_prompt(const analysis::AnalysisRequest& request, const std::vector<analysis::Sentence>& sentences,
                        const PromptWindow& window);

// {"highlights": [{"start", "end", "title", "hook", "score", "reason", "hashtags"}]} as a
// standard JSON Schema (OpenAI's strict mode: every property required, no extras).
nlohmann::json highlight_schema();

// The highlights in a model's answer text. Throws std::invalid_argument saying what is wrong
// when it is not JSON or not the schema's shape (a fence around it is tolerated).
std::vector<analysis::Highlight> parse_highlights(const std::string& answer);

}  // namespace clipgen::llm
