#include "api/http_front.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <random>

#include "api/cors.h"
#include "api/http_error.h"
#include "api/json_io.h"
#include "api/security_headers.h"

namespace clipgen::api {
namespace {

// A client's own X-Request-Id is kept when it is short and plain; anything else is replaced.
bool usable_request_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 &&
         std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

void apply_cors(const std::vector<std::string>& origins, const http::Request& req, http::Response& res) {
  const auto origin = allowed_origin(origins, req.header("Origin"));
  if (!origin) return;
  res.headers.set("Access-Control-Allow-Origin", *origin);
  res.headers.set("Vary", "Origin");
  res.headers.set("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Content-Range");
  if (req.method == "OPTIONS") {
    res.headers.set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
    res.headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id, Range");
    res.headers.set("Access-Control-Max-Age", "600");
  }
}

void answer_failure(const http::Request& req, http::Response& res, std::exception_ptr failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const HttpError& e) {
    send_error(res, e);
  } catch (const http::Error& e) {
    send_error(res, HttpError(e.status, e.code, e.what()));
  } catch (const std::exception& e) {
    spdlog::error("{} {} {}: {}", req.id, req.method, req.path, e.what());
    send_error(res, HttpError(500, "internal", "internal error; request id " + req.id));
  }
}

}  // namespace

std::string make_request_id() {
  // An id only tells log lines apart: a generator per thread, no system call per request.
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return fmt::format("{:016x}", generator());
}

http::Hooks make_http_hooks(const std::vector<std::string>& cors_origins, const std::string& storage_origin,
                            Metrics& metrics) {
  return {
      .begin =
          [cors_origins](http::Request& req, http::Response& res) {
            const std::string given = req.header("X-Request-Id");
            req.id = usable_request_id(given) ? given : make_request_id();
            res.headers.set("X-Request-Id", req.id);
            apply_cors(cors_origins, req, res);
          },
      .error = answer_failure,
      .send =
          [storage_origin](const http::Request& req, http::Response& res) {
            for (auto& [name, value] : security_headers(response_kind(req, res), storage_origin))
              res.headers.set(name, std::move(value));
          },
      .finish =
          [&metrics](const http::Request& req, const http::Response& res) {
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - req.started).count();
            metrics.observe_request(req.method, req.route, res.status, seconds);
            spdlog::info("{} {} \"{} {}\" {} {:.1f}ms", req.id, req.remote_address, req.method, req.path, res.status,
                         seconds * 1000);
          },
  };
}

void add_preflight_route(http::Server& server) {
  const http::Handler no_content = [](const http::Request&, http::Response& res) { res.status = 204; };
  for (const char* pattern : {"/", "/*"}) {
    server.add({.method = "OPTIONS", .pattern = pattern, .label = "preflight", .handler = no_content, .blocking = false});
  }
}

}  // namespace clipgen::api
