#pragma once
// What the server knows about the request being handled on this thread: httplib runs one
// request from routing to the access log on one thread, and its handlers get a const Request,
// so the id, the start time and the matched route travel here.
#include <chrono>
#include <string>

namespace clipgen::api {

struct RequestContext {
  std::string id;                                  // X-Request-Id, echoed or generated
  std::chrono::steady_clock::time_point started;
  std::string route = "unmatched";                 // the route pattern's label, for metrics
};

RequestContext& current_request();

// A fresh request id: 16 random hex digits.
std::string make_request_id();

}  // namespace clipgen::api
