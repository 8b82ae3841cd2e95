#pragma once
// Beast's HTTP/1 parser turned into a Request (internal to the server): it enforces the request
// line and header field limits while parsing, refuses the framing RFC 9112 calls ambiguous, and
// hands body bytes to a string the connection chooses, so nothing is held beyond the limits.
#include <boost/beast/http/basic_parser.hpp>

#include <string>

#include "http/request.h"
#include "http/server.h"

namespace clipgen::http {

class RequestParser : public boost::beast::http::basic_parser<true> {
 public:
  explicit RequestParser(const Limits& limits);

  Request& request() { return request_; }
  // The status to refuse the request with when parsing failed because of something this parser
  // checks (414, 431, 400, 501), or 0.
  int refusal() const { return refusal_; }
  const std::string& refusal_reason() const { return refusal_reason_; }

  // Where body bytes go from now on: appended to `sink`.
  void deliver_body_to(std::string* sink) { sink_ = sink; }

 private:
  using error_code = boost::beast::error_code;
  using string_view = boost::beast::string_view;

  void refuse(int status, std::string reason, error_code& ec);

  void on_request_impl(boost::beast::http::verb, string_view method, string_view target, int version,
                       error_code& ec) override;
  void on_response_impl(int, string_view, int, error_code&) override {}
  void on_field_impl(boost::beast::http::field name, string_view name_string, string_view value,
                     error_code& ec) override;
  void on_header_impl(error_code&) override {}
  void on_body_init_impl(const boost::optional<std::uint64_t>&, error_code&) override {}
  std::size_t on_body_impl(string_view body, error_code& ec) override;
  void on_chunk_header_impl(std::uint64_t, string_view, error_code&) override {}
  std::size_t on_chunk_body_impl(std::uint64_t, string_view body, error_code& ec) override;
  void on_finish_impl(error_code&) override {}

  const Limits& limits_;
  Request request_;
  std::string* sink_ = nullptr;
  int refusal_ = 0;
  std::string refusal_reason_;
};

}  // namespace clipgen::http
