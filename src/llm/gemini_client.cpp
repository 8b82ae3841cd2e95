#include "llm/gemini_client.h"
#include "text/json_text.h"

#include <fmt/format.h>

namespace clipgen::llm {

namespace {

net::ApiError bad_answer(const std::string& why) {
  return net::ApiError(net::ApiError::Kind::bad_answer, "Gemini gave an unusable answer: " + why);
}

}  // namespace

nlohmann::json gemini_schema(const nlohmann::json& schema) {
  if (schema.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : schema) out.push_back(gemini_schema(item));
    return out;
  }
  if (!schema.is_object()) return schema;
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : schema.items())
    if (name != "additionalProperties") out[name] = gemini_schema(value);
  return out;
}

nlohmann::json gemini_request_body(const Prompt& prompt, const nlohmann::json& schema) {
  return {{"systemInstruction", {{"parts", {{{"text", prompt.system}}}}}},
          {"contents", {{{"role", "user"}, {"parts", {{{"text", prompt.user}}}}}}},
          {"generationConfig",
           {{"responseMimeType", "application/json"}, {"responseSchema", gemini_schema(schema)}, {"temperature", 0.4}}}};
}

Completion read_gemini_response(const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object()) throw bad_answer("the response is not JSON");
  Completion completion;
  if (const auto usage = json.find("usageMetadata"); usage != json.end() && usage->is_object()) {
    completion.input_tokens = usage->value("promptTokenCount", 0LL);
    completion.output_tokens = usage->value("candidatesTokenCount", 0LL) + usage->value("thoughtsTokenCount", 0LL);
    if (const auto details = usage->find("promptTokensDetails"); details != usage->end() && details->is_array())
      for (const auto& modality : *details)
        if (modality.is_object() && modality.value("modality", "") == "AUDIO")
          completion.audio_tokens += modality.value("tokenCount", 0LL);
  }
  const auto candidates = json.find("candidates");
  if (candidates == json.end() || !candidates->is_array() || candidates->empty()) {
    const auto feedback = json.find("promptFeedback");
    if (feedback != json.end() && feedback->contains("blockReason"))
      throw bad_answer(fmt::format("the prompt was blocked ({})", text::to_json_text((*feedback)["blockReason"])));
    throw bad_answer("no candidates in the response");
  }
  const auto& candidate = candidates->front();
  const auto content = candidate.find("content");
  if (content != candidate.end() && content->is_object() && content->contains("parts") && (*content)["parts"].is_array())
    for (const auto& part : (*content)["parts"])
      if (part.is_object() && part.contains("text") && part["text"].is_string()) completion.text += part["text"].get<std::string>();
  if (completion.text.empty())
    throw bad_answer(fmt::format("the candidate has no text (finishReason {})", candidate.value("finishReason", "unknown")));
  return completion;
}

GeminiClient::GeminiClient(GeminiSettings settings, const std::atomic<bool>* abort)
    : settings_(std::move(settings)), abort_(abort) {
  while (settings_.base_url.ends_with('/')) settings_.base_url.pop_back();
}

Completion GeminiClient::complete(const Prompt& prompt, const nlohmann::json& schema) {
  return generate(gemini_request_body(prompt, schema));
}

Completion GeminiClient::generate(const nlohmann::json& request_body) {
  const std::string body = text::to_json_text(request_body);
  net::HttpClient client;
  const auto response = net::call_api(client, settings_.retry, "Gemini", [&] {
    net::HttpRequest request;
    request.method = "POST";
    request.url = fmt::format("{}/v1beta/models/{}:generateContent", settings_.base_url, settings_.model);
    request.headers = {{"content-type", "application/json"}, {"x-goog-api-key", settings_.api_key}};
    request.body = body;
    request.timeout_seconds = settings_.timeout_seconds;
    request.abort = abort_;
    return request;
  });
  return read_gemini_response(response.body);
}

}  // namespace clipgen::llm
