#pragma once
// Bounded retries with exponential backoff for outbound calls: transport failures (refused,
// timed out), 408, 429 (honouring Retry-After) and 5xx are tried again; anything else is the
// caller's to judge.
#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "net/http_client.h"

namespace clipgen::net {

struct RetryPolicy {
  int attempts = 4;  // tries in all, the first included
  std::chrono::milliseconds first_delay{500};
  std::chrono::milliseconds max_delay{20000};
};

bool is_retryable_status(long status);

// The wait before retry number `retry` (1 = the first retry): first_delay doubled each time,
// or the server's Retry-After (seconds) when it names one; never above max_delay. Pure.
std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int retry, const std::optional<std::string>& retry_after);

// Sends `request` until it gets a response that is not retryable or the tries run out, then
// returns the last response; rethrows the last TransportError when no try got a response.
// `make_request` builds each try afresh (a fresh signature, a rewound body). A request's
// `abort` flag also ends the wait between tries (Aborted).
HttpResponse send_with_retries(HttpClient& client, const RetryPolicy& policy,
                               const std::function<HttpRequest()>& make_request);

}  // namespace clipgen::net
