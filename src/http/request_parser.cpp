#include "http/request_parser.h"

#include <boost/beast/http/error.hpp>

#include "http/headers.h"

namespace beast = boost::beast;

namespace clipgen::http {

RequestParser::RequestParser(const Limits& limits) : limits_(limits) {
  header_limit(static_cast<std::uint32_t>(limits.max_header_bytes));
  body_limit(boost::none);  // each route sets its own once the request is routed
  eager(true);
}

void RequestParser::refuse(int status, std::string reason, error_code& ec) {
  refusal_ = status;
  refusal_reason_ = std::move(reason);
  ec = beast::http::error::bad_value;
}

void RequestParser::on_request_impl(beast::http::verb, string_view method, string_view target, int version,
                                    error_code& ec) {
  request_.method = std::string(method);
  request_.version = version;
  if (method.size() + target.size() + sizeof(" HTTP/1.1") > limits_.max_request_line_bytes) {
    refuse(414, "the request line is longer than " + std::to_string(limits_.max_request_line_bytes) + " bytes", ec);
    return;
  }
  request_.target = std::string(target);
}

void RequestParser::on_field_impl(beast::http::field, string_view name, string_view value, error_code& ec) {
  if (request_.headers.size() == limits_.max_header_count) {
    refuse(431, "the request has more than " + std::to_string(limits_.max_header_count) + " header fields", ec);
    return;
  }
  // Beast already refuses Content-Length values that disagree and Content-Length beside
  // chunked; a repeated field is refused too, even with the same value: intermediaries disagree
  // on which one counts, and that disagreement is how requests are smuggled.
  if (iequals(name, "Content-Length") && request_.headers.has("Content-Length")) {
    refuse(400, "the request has more than one Content-Length field", ec);
    return;
  }
  if (iequals(name, "Transfer-Encoding")) {
    if (request_.headers.has("Transfer-Encoding")) {
      refuse(400, "the request has more than one Transfer-Encoding field", ec);
      return;
    }
    if (request_.version < 11) {
      refuse(400, "HTTP/1.0 requests cannot use Transfer-Encoding", ec);
      return;
    }
    if (!iequals(value, "chunked")) {
      refuse(501, "only the chunked transfer coding is accepted", ec);
      return;
    }
  }
  request_.headers.add(std::string(name), std::string(value));
}

std::size_t RequestParser::on_body_impl(string_view body, error_code& ec) {
  if (!sink_) {
    ec = beast::http::error::need_buffer;  // the connection reads bodies only once it chose a sink
    return 0;
  }
  sink_->append(body.data(), body.size());
  return body.size();
}

std::size_t RequestParser::on_chunk_body_impl(std::uint64_t, string_view body, error_code& ec) {
  return on_body_impl(body, ec);
}

}  // namespace clipgen::http
