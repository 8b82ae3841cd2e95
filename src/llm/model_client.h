#pragma once
// The seam between the highlight finder and one LLM provider: a single structured-output call.
// Gemini and OpenAI-compatible chat completions implement it; the user picks one.
#include <nlohmann/json.hpp>
#include <string>

#include "llm/highlight_prompt.h"
#include "net/api_call.h"

namespace clipgen::llm {

struct Completion {
  std::string text;  // the model's answer, JSON by the schema when all went well
  long long input_tokens = 0;
  long long audio_tokens = 0;  // of input_tokens, those of audio (priced apart by some providers)
  long long output_tokens = 0;
};

class ModelClient {
 public:
  virtual ~ModelClient() = default;
  // Asks for an answer shaped by the JSON Schema `schema`. Throws net::ApiError.
  virtual Completion complete(const Prompt& prompt, const nlohmann::json& schema) = 0;
  virtual std::string provider() const = 0;  // "gemini", "openai"
  virtual std::string model() const = 0;
};

}  // namespace clipgen::llm
