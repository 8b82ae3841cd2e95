#pragma once
// Any OpenAI-compatible chat completions API (OpenAI, OpenRouter, Groq, vLLM, Ollama, ...)
// with response_format json_schema. https://platform.openai.com/docs/api-reference/chat
#include "llm/model_client.h"
#include "net/retry.h"

namespace clipgen::llm {

struct OpenAiSettings {
  std::string api_key;                           // may be empty for a local server
  std::string base_url = "https://api.openai.com/v1";  // up to and including /v1
  std::string model = "gpt-4o-mini";
  net::RetryPolicy retry;
  long timeout_seconds = 180;
};

class OpenAiClient final : public ModelClient {
 public:
  explicit OpenAiClient(OpenAiSettings settings);
  Completion complete(const Prompt& prompt, const nlohmann::json& schema) override;
  std::string provider() const override { return "openai"; }
  std::string model() const override { return settings_.model; }

 private:
  OpenAiSettings settings_;
};

// Pure halves of a call, for tests.
nlohmann::json openai_request_body(const std::string& model, const Prompt& prompt, const nlohmann::json& schema);
Completion read_openai_response(const std::string& body);

}  // namespace clipgen::llm
