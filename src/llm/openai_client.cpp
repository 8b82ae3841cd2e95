#include "llm/openai_client.h"
#include "text/json_text.h"

#include <fmt/format.h>

namespace clipgen::llm {

namespace {

net::ApiError bad_answer(const std::string& why) {
  return net::ApiError(net::ApiError::Kind::bad_answer, "the OpenAI-compatible API gave an unusable answer: " + why);
}

}  // namespace

nlohmann::json openai_request_body(const std::string& model, const Prompt& prompt, const nlohmann::json& schema) {
  return {{"model", model},
          {"messages",
           {{{"role", "system"}, {"content", prompt.system}}, {{"role", "user"}, {"content", prompt.user}}}},
          {"response_format",
           {{"type", "json_schema"}, {"json_schema", {{"name", "highlights"}, {"strict", true}, {"schema", schema}}}}},
          {"temperature", 0.4}};
}

Completion read_openai_response(const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object()) throw bad_answer("the response is not JSON");
  Completion completion;
  if (const auto usage = json.find("usage"); usage != json.end() && usage->is_object()) {
    completion.input_tokens = usage->value("prompt_tokens", 0LL);
    completion.output_tokens = usage->value("completion_tokens", 0LL);
  }
  const auto choices = json.find("choices");
  if (choices == json.end() || !choices->is_array() || choices->empty()) throw bad_answer("no choices in the response");
  const auto& choice = choices->front();
  const auto message = choice.find("message");
  if (message == choice.end() || !message->is_object()) throw bad_answer("the choice has no message");
  if (const auto refusal = message->find("refusal"); refusal != message->end() && refusal->is_string())
    throw bad_answer("the model refused: " + refusal->get<std::string>());
  const auto content = message->find("content");
  if (content == message->end() || !content->is_string() || content->get<std::string>().empty())
    throw bad_answer(fmt::format("the message has no content (finish_reason {})",
                                 choice.contains("finish_reason") ? text::to_json_text(choice["finish_reason"]) : "unknown"));
  completion.text = content->get<std::string>();
  return completion;
}

OpenAiClient::OpenAiClient(OpenAiSettings settings) : settings_(std::move(settings)) {
  while (settings_.base_url.ends_with('/')) settings_.base_url.pop_back();
}

Completion OpenAiClient::complete(const Prompt& prompt, const nlohmann::json& schema) {
  const std::string body = text::to_json_text(openai_request_body(settings_.model, prompt, schema));
  net::HttpClient client;
  const auto response =
      net::call_api(client, settings_.retry, "the OpenAI-compatible API at " + settings_.base_url, [&] {
        net::HttpRequest request;
        request.method = "POST";
        request.url = settings_.base_url + "/chat/completions";
        request.headers = {{"content-type", "application/json"}};
        if (!settings_.api_key.empty()) request.headers.emplace_back("authorization", "Bearer " + settings_.api_key);
        request.body = body;
        request.timeout_seconds = settings_.timeout_seconds;
        return request;
      });
  return read_openai_response(response.body);
}

}  // namespace clipgen::llm
