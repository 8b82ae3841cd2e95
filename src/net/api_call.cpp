#include "net/api_call.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace clipgen::net {

std::string error_message(const std::string& body) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (json.is_object()) {
    const auto error = json.find("error");
    if (error != json.end() && error->is_object() && error->contains("message") && (*error)["message"].is_string())
      return (*error)["message"].get<std::string>();
    if (error != json.end() && error->is_string()) return error->get<std::string>();
  }
  constexpr std::size_t kMax = 300;
  return body.size() > kMax ? body.substr(0, kMax) + "..." : body;
}

HttpResponse call_api(HttpClient& client, const RetryPolicy& policy, const std::string& service,
                      const std::function<HttpRequest()>& make_request) {
  HttpResponse response;
  try {
    response = send_with_retries(client, policy, make_request);
  } catch (const TransportError& e) {
    throw ApiError(ApiError::Kind::unavailable,
                   fmt::format("{} did not answer after {} tries: {}", service, policy.attempts, e.what()));
  }
  if (response.status >= 200 && response.status < 300) return response;
  const std::string why = error_message(response.body);
  if (response.status == 401 || response.status == 403)
    throw ApiError(ApiError::Kind::auth,
                   fmt::format("{} refused the API key (HTTP {}): {}", service, response.status, why));
  if (is_retryable_status(response.status))
    throw ApiError(ApiError::Kind::unavailable, fmt::format("{} is unavailable (HTTP {} after {} tries): {}", service,
                                                            response.status, policy.attempts, why));
  throw ApiError(ApiError::Kind::rejected,
                 fmt::format("{} rejected the request (HTTP {}): {}", service, response.status, why));
}

}  // namespace clipgen::net
