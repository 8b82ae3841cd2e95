#include "net/retry.h"

#include <algorithm>
#include <charconv>
#include <thread>

namespace clipgen::net {

bool is_retryable_status(long status) { return status == 408 || status == 429 || status >= 500; }

std::chrono::milliseconds retry_delay(const RetryPolicy& policy, int retry,
                                      const std::optional<std::string>& retry_after) {
  if (retry_after) {
    long seconds = 0;
    const auto* end = retry_after->data() + retry_after->size();
    if (auto [ptr, ec] = std::from_chars(retry_after->data(), end, seconds); ec == std::errc() && ptr == end && seconds >= 0)
      return std::min<std::chrono::milliseconds>(std::chrono::seconds(seconds), policy.max_delay);
  }
  auto delay = policy.first_delay;
  for (int i = 1; i < retry && delay < policy.max_delay; ++i) delay *= 2;
  return std::min(delay, policy.max_delay);
}

namespace {

// Sleeps `delay`, in slices so that a request's abort flag ends the wait early (Aborted).
void wait_to_retry(std::chrono::milliseconds delay, const std::atomic<bool>* abort) {
  const auto until = std::chrono::steady_clock::now() + delay;
  for (auto now = std::chrono::steady_clock::now(); now < until; now = std::chrono::steady_clock::now()) {
    if (abort && abort->load()) throw Aborted("stopped while waiting to try again");
    std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(until - now, std::chrono::milliseconds(100)));
  }
}

}  // namespace

HttpResponse send_with_retries(HttpClient& client, const RetryPolicy& policy,
                               const std::function<HttpRequest()>& make_request) {
  for (int attempt = 1;; ++attempt) {
    const bool last = attempt >= policy.attempts;
    std::optional<std::string> retry_after;
    const HttpRequest request = make_request();
    try {
      HttpResponse response = client.send(request);
      if (last || !is_retryable_status(response.status)) return response;
      if (auto it = response.headers.find("retry-after"); it != response.headers.end()) retry_after = it->second;
    } catch (const TransportError&) {
      if (last) throw;
    }
    wait_to_retry(retry_delay(policy, attempt, retry_after), request.abort);
  }
}

}  // namespace clipgen::net
