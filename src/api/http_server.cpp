#include "api/http_server.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <stdexcept>

#include "api/cors.h"
#include "api/http_error.h"
#include "api/json_io.h"
#include "api/request_context.h"

namespace clipgen::api {
namespace {

constexpr std::size_t kKeepAliveRequests = 100000;

// A client's own X-Request-Id is kept when it is short and plain; anything else is replaced.
bool usable_request_id(const std::string& id) {
  return !id.empty() && id.size() <= 64 &&
         std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

std::string error_code_for(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 404: return "not_found";
    case 413: return "too_large";
    case 414: return "uri_too_long";
    case 416: return "range_not_satisfiable";
    default: return status >= 500 ? "internal" : "error";
  }
}

std::string message_for(int status) {
  switch (status) {
    case 400: return "the request could not be read";
    case 404: return "no such resource";
    case 413: return "the request body is too large";
    case 414: return "the URL is too long";
    case 416: return "the requested range is outside the file";
    default: return fmt::format("the request failed with status {}", status);
  }
}

}  // namespace

HttpServer::HttpServer(const HttpOptions& options, Metrics& metrics) : options_(options), metrics_(metrics) {
  const std::size_t threads = options_.threads;
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_.set_tcp_nodelay(true);
  http_.set_keep_alive_max_count(kKeepAliveRequests);
  http_.set_payload_max_length(options_.max_request_bytes);

  // A client that announces a body over the limit is told before it sends it.
  http_.set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
    begin_request(req, res);
    if (req.get_header_value<std::uint64_t>("Content-Length") > options_.max_request_bytes) {
      send_error(res, too_large(fmt::format("the request body is larger than {} bytes", options_.max_request_bytes)));
      return 413;
    }
    return 100;
  });
  http_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    begin_request(req, res);
    if (req.method == "OPTIONS") {  // a CORS preflight; allowed origins got their headers above
      res.status = 204;
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
    try {
      std::rethrow_exception(error);
    } catch (const HttpError& e) {
      send_error(res, e);
    } catch (const std::exception& e) {
      spdlog::error("{} {} {}: {}", current_request().id, req.method, req.path, e.what());
      send_error(res, HttpError(500, "internal", "internal error; request id " + current_request().id));
    }
  });
  // Failures httplib answers itself (no route, body too large, bad request line) get our shape.
  http_.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty() || res.content_length_ > 0) return httplib::Server::HandlerResponse::Unhandled;
    send_error(res, HttpError(res.status, error_code_for(res.status), message_for(res.status)));
    return httplib::Server::HandlerResponse::Handled;
  }));
  http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) { finish_request(req, res); });
}

void HttpServer::begin_request(const httplib::Request& req, httplib::Response& res) {
  auto& context = current_request();
  const std::string given = req.get_header_value("X-Request-Id");
  context.id = usable_request_id(given) ? given : make_request_id();
  context.started = std::chrono::steady_clock::now();
  context.route = "unmatched";
  res.set_header("X-Request-Id", context.id);
  apply_cors(req, res);
}

void HttpServer::apply_cors(const httplib::Request& req, httplib::Response& res) const {
  const auto origin = allowed_origin(options_.cors_origins, req.get_header_value("Origin"));
  if (!origin) return;
  res.set_header("Access-Control-Allow-Origin", *origin);
  res.set_header("Vary", "Origin");
  res.set_header("Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Content-Range");
  if (req.method == "OPTIONS") {
    res.set_header("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
    res.set_header("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Request-Id, Range");
    res.set_header("Access-Control-Max-Age", "600");
  }
}

void HttpServer::finish_request(const httplib::Request& req, const httplib::Response& res) {
  const auto& context = current_request();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - context.started).count();
  metrics_.observe_request(req.method, context.route, res.status, seconds);
  spdlog::info("{} {} \"{} {}\" {} {:.1f}ms", context.id, req.remote_addr, req.method, req.path, res.status,
               seconds * 1000);
}

int HttpServer::bind(const std::string& host, int port) {
  if (port == 0) {
    const int bound = http_.bind_to_any_port(host);
    if (bound <= 0) throw std::runtime_error(fmt::format("cannot listen on {}: no free port", host));
    return bound;
  }
  if (!http_.bind_to_port(host, port))
    throw std::runtime_error(fmt::format("cannot listen on {}:{} (in use, or not an address of this machine?)", host, port));
  return port;
}

void HttpServer::run() {
  if (!stopping_) http_.listen_after_bind();
}

void HttpServer::stop() {
  stopping_ = true;
  http_.stop();
}

}  // namespace clipgen::api
