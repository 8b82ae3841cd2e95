#pragma once
// A loopback fake of a paid API whose n-th request gets the n-th scripted reply (the last one
// once they run out): a status, a body in the API's documented shape, a Retry-After.
#include <atomic>
#include <chrono>
#include <string>
#include <vector>

#include "support/fake_http_server.h"

namespace clipgen::testing {

struct Reply {
  int status = 200;
  std::string body;
  std::string retry_after;
};

class ScriptedApi {
 public:
  ScriptedApi(const std::string& pattern, std::vector<Reply> replies) : replies_(std::move(replies)) {
    fake_.server().Post(pattern, [this](const httplib::Request& request, httplib::Response& response) {
      {
        std::lock_guard lock(mutex_);
        arrivals_.push_back(std::chrono::steady_clock::now());
      }
      fake_.record(request);
      const Reply& reply = replies_[std::min<std::size_t>(calls_++, replies_.size() - 1)];
      response.status = reply.status;
      if (!reply.retry_after.empty()) response.set_header("Retry-After", reply.retry_after);
      response.set_content(reply.body, "application/json");
    });
  }
  std::string url() const { return fake_.url(); }
  std::vector<httplib::Request> requests() { return fake_.requests(); }
  std::vector<std::string> seen() { return fake_.seen(); }
  // When each request arrived, in order.
  std::vector<std::chrono::steady_clock::time_point> arrivals() {
    std::lock_guard lock(mutex_);
    return arrivals_;
  }

 private:
  FakeHttpServer fake_;
  std::vector<Reply> replies_;
  std::atomic<std::size_t> calls_{0};
  std::mutex mutex_;
  std::vector<std::chrono::steady_clock::time_point> arrivals_;
};

}  // namespace clipgen::testing
