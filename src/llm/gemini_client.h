#pragma once
// Google Gemini's generateContent with structured JSON output.
// https://ai.google.dev/api/generate-content
#include "llm/model_client.h"
#include "net/retry.h"

namespace clipgen::llm {

struct GeminiSettings {
  std::string api_key;
  std::string model = "gemini-2.5-flash-lite";
  std::string base_url = "https://generativelanguage.googleapis.com";
  net::RetryPolicy retry;
  long timeout_seconds = 180;
};

class GeminiClient final : public ModelClient {
 public:
  // `abort`, when given, stops requests in flight and retries when it turns true (net::Aborted).
  explicit GeminiClient(GeminiSettings settings, const std::atomic<bool>* abort = nullptr);
  Completion complete(const Prompt& prompt, const nlohmann::json& schema) override;
  // One generateContent call with `body` (the request as documented: contents, parts,
  // generationConfig), with the retries of net::call_api. Throws net::ApiError.
  Completion generate(const nlohmann::json& body);
  std::string provider() const override { return "gemini"; }
  std::string model() const override { return settings_.model; }

 private:
  GeminiSettings settings_;
  const std::atomic<bool>* abort_;
};

// The request body: system instruction, the user's turn, and generationConfig asking for JSON
// by `schema` (converted to Gemini's OpenAPI subset). Pure.
nlohmann::json gemini_request_body(const Prompt& prompt, const nlohmann::json& schema);
// A JSON Schema as Gemini's responseSchema takes it: no additionalProperties. Pure.
nlohmann::json gemini_schema(const nlohmann::json& schema);
// The answer text and token counts (audio input tokens among them, from
// usageMetadata.promptTokensDetails) of a generateContent response; throws net::ApiError
// (bad_answer) for a blocked prompt, a missing candidate or an unexpected shape. Pure.
Completion read_gemini_response(const std::string& body);

}  // namespace clipgen::llm
