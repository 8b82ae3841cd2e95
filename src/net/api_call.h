#pragma once
// Calling a paid JSON API (Gemini, OpenAI, a Whisper server): bounded retries on 408, 429
// (Retry-After honoured), 5xx and transport failures, then an ApiError whose kind says whether
// trying again later could help and whose message carries the service's own explanation.
#include <functional>
#include <stdexcept>
#include <string>

#include "net/retry.h"

namespace clipgen::net {

struct ApiError : std::runtime_error {
  enum class Kind {
    auth,         // 401/403: the key is wrong or lacks access; retrying cannot help
    rejected,     // another 4xx: the request itself is wrong
    unavailable,  // 429/5xx/timeouts that outlasted the retries
    bad_answer,   // a 2xx whose body is not what the API documents
  };
  ApiError(Kind kind_, const std::string& message) : std::runtime_error(message), kind(kind_) {}
  Kind kind;
};

// The 2xx response of the request `make_request` builds, sent with `policy`. `service` names
// the API in messages ("Gemini", "OpenAI-compatible API at https://...").
HttpResponse call_api(HttpClient& client, const RetryPolicy& policy, const std::string& service,
                      const std::function<HttpRequest()>& make_request);

// The human part of an error body: {"error": {"message": ...}} (Google and OpenAI both use
// it), else the body cut to a readable length. Pure.
std::string error_message(const std::string& body);

}  // namespace clipgen::net
