#include "http/connection.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/chunk_encode.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/url/parse.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <random>
#include <string_view>

#include "http/byte_ranges.h"
#include "http/error.h"
#include "http/offload.h"
#include "http/request_parser.h"

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::ip::tcp;

namespace clipgen::http {
namespace {

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kChunkBytes = 64 * 1024;  // one piece of a file or an upload in flight
constexpr std::size_t kHeaderReadBytes = 4 * 1024;  // most request headers arrive in one read
// After refusing a request whose body was not read, keep reading (and dropping) what the client
// still sends for this long before closing: closing with unread data resets the connection, and
// the client would lose the answer (a browser shows "connection reset" instead of the 413).
constexpr auto kLingerTime = std::chrono::seconds(5);
constexpr std::size_t kLingerBufferBytes = 16 * 1024;

std::string_view text_of(const beast::flat_buffer& buffer) {
  return {static_cast<const char*>(buffer.data().data()), buffer.size()};
}

bool is_http_parse_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category() &&
         ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message;
}

// The path and query of an origin-form target ("/a/b?c=d"); 400 for anything else.
void decode_target(Request& req) {
  const auto url = boost::urls::parse_origin_form(req.target);
  if (!url) throw Error(400, "bad_request", "the request target is not a valid path");
  req.path = url->path();
  for (const auto& param : url->params()) req.query.emplace_back(param.key, param.value);
}

// The answer's status line and fields. Throws when a field could split the header (a route
// put a line break in a value): better a 500 than a forged header.
template <typename Body>
bhttp::response<Body> message_of(const Hooks& hooks, const Request& req, Response& res, bool keep_alive) {
  if (hooks.send) hooks.send(req, res);
  bhttp::response<Body> message;
  message.version(req.version == 10 ? 10 : 11);
  message.result(static_cast<unsigned>(res.status));
  for (const auto& [name, value] : res.headers) {
    if (name.find_first_of("\r\n:") != std::string::npos || value.find_first_of("\r\n") != std::string::npos)
      throw std::runtime_error("header field " + name + " holds a line break");
    message.insert(name, value);
  }
  message.keep_alive(keep_alive);
  return message;
}

bool has_no_body(const Request& req, int status) {
  return req.method == "HEAD" || status == 204 || status == 304 || (status >= 100 && status < 200);
}

std::string random_boundary() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return fmt::format("clipgen-{:016x}", generator());
}

}  // namespace

Connection::Connection(ServerCore& core, tcp::socket socket, std::string address, bool admitted)
    : core_(core), stream_(std::move(socket)), buffer_(core.limits.max_header_bytes + kChunkBytes),
      address_(std::move(address)), admitted_(admitted) {
  std::lock_guard lock(core_.registry_mutex);
  core_.registry.insert(this);
}

Connection::~Connection() {
  if (admitted_) core_.connections.release(address_);
  std::lock_guard lock(core_.registry_mutex);
  core_.registry.erase(this);
}

void Connection::stop_when_idle() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->state_ != State::busy) self->stream_.cancel();
  });
}

void Connection::close_now() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] { self->stream_.close(); });
}

asio::awaitable<void> Connection::run() {
  bool first = true;
  while (co_await wait_for_request(first)) {
    first = false;
    RequestParser parser(core_.limits);
    stream_.expires_after(core_.limits.header_timeout);
    const auto [ec, ignored] = co_await bhttp::async_read_header(stream_, buffer_, parser, kNoThrow);
    if (ec) {
      Request& partial = parser.request();
      if (parser.refusal() != 0) {
        const int status = parser.refusal();
        const char* code = status == 414 ? "uri_too_long" : status == 431 ? "header_too_large"
                           : status == 501                ? "not_implemented"
                                                          : "bad_request";
        co_await refuse(partial, status, code, parser.refusal_reason());
      } else if (ec == bhttp::error::header_limit || ec == bhttp::error::buffer_overflow) {
        // Still inside the request line, or already among the fields?
        if (text_of(buffer_).find("\r\n") == std::string_view::npos) {
          co_await refuse(partial, 414, "uri_too_long",
                          fmt::format("the request line is longer than {} bytes", core_.limits.max_request_line_bytes));
        } else {
          co_await refuse(partial, 431, "header_too_large",
                          fmt::format("the request header is larger than {} bytes", core_.limits.max_header_bytes));
        }
      } else if (is_http_parse_error(ec)) {
        co_await refuse(partial, 400, "bad_request", "the request could not be read: " + ec.message());
      }
      // Otherwise the header deadline passed, or the client left: there is no one to answer.
      break;
    }
    state_ = State::busy;
    if (!co_await serve(parser)) break;
  }
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.close();
}

asio::awaitable<bool> Connection::wait_for_request(bool first) {
  state_ = State::waiting;
  if (buffer_.size() == 0) {
    buffer_.shrink_to_fit();  // an idle connection holds no buffer
    if (core_.stopping) co_return false;
    stream_.expires_after(first ? core_.limits.header_timeout : core_.limits.keep_alive_timeout);
    const auto [ec, n] = co_await stream_.async_read_some(asio::buffer(&first_byte_, 1), kNoThrow);
    if (ec || n == 0) co_return false;
    buffer_.reserve(kHeaderReadBytes);  // Beast reads as much as the buffer has room for
    const auto space = buffer_.prepare(1);
    *static_cast<char*>(space.data()) = first_byte_;
    buffer_.commit(1);
  }
  state_ = State::reading_header;
  request_started_ = std::chrono::steady_clock::now();
  co_return true;
}

asio::awaitable<void> Connection::refuse(Request& req, int status, const std::string& code, const std::string& message) {
  req.remote_address = address_;
  req.started = request_started_;
  Response res;
  if (core_.hooks.begin) core_.hooks.begin(req, res);
  fail(req, res, std::make_exception_ptr(Error(status, code, message)));
  co_await write_text(req, res, false);
  if (core_.hooks.finish) core_.hooks.finish(req, res);
  co_await linger_and_close();
}

void Connection::fail(const Request& req, Response& res, std::exception_ptr error) const {
  if (core_.hooks.error) {
    core_.hooks.error(req, res, error);
    return;
  }
  try {
    std::rethrow_exception(error);
  } catch (const Error& e) {
    res.status = e.status;
    res.set_content(std::string(e.what()) + "\n", "text/plain; charset=utf-8");
  } catch (const std::exception& e) {
    res.status = 500;
    res.set_content("internal error\n", "text/plain; charset=utf-8");
  }
}

asio::awaitable<void> Connection::refuse_over_limit() {
  request_started_ = std::chrono::steady_clock::now();
  Request req;
  req.method = "-";
  Response res;
  res.headers.set("Retry-After", "1");
  co_await refuse(req, 503, "too_many_connections",
                  "the server has too many open connections from this address or in all; try again shortly");
}

asio::awaitable<bool> Connection::serve(RequestParser& parser) {
  Request& req = parser.request();
  req.remote_address = address_;
  req.started = request_started_;
  Response res;
  if (core_.hooks.begin) core_.hooks.begin(req, res);
  const auto announced = parser.content_length();
  const bool has_body = parser.chunked() || announced.value_or(0) > 0;
  bool body_read = !has_body;
  std::exception_ptr failure;
  const Route* route = nullptr;
  BodyReceiver receiver;
  try {
    decode_target(req);
    auto match = core_.routes.match(req.method, req.path);
    if (!match) throw Error(404, "not_found", "no such resource");
    route = match->route;
    req.route = route->label;
    req.path_params = std::move(match->params);
    if (has_body) {
      const std::uint64_t limit = route->max_body_bytes;
      if (limit == 0) throw Error(413, "too_large", "this request takes no body");
      if (announced && *announced > limit)
        throw Error(413, "too_large", fmt::format("the request body is larger than the limit of {} bytes", limit));
      parser.body_limit(limit);  // counts a chunked body as it arrives
    }
    if (!route->blocking) {
      route->handler(req, res);
    } else if (!has_body && route->handler) {
      co_await offload(*core_.workers, [&] {
        if (route->guard) route->guard(req);
        route->handler(req, res);
      });
    } else {
      if (route->guard) co_await offload(*core_.workers, [&] { route->guard(req); });
      if (route->stream) receiver = co_await offload(*core_.workers, [&] { return route->stream(req); });
      if (has_body) {
        if (req.version >= 11 && iequals(req.header("Expect"), "100-continue")) {
          if (!co_await write_all("HTTP/1.1 100 Continue\r\n\r\n")) co_return false;
        }
        const bool complete =
            co_await read_body(parser, route->stream ? &receiver : nullptr, req.body, route->max_body_bytes);
        if (!complete) co_return false;  // the client left or stalled: no one to answer
        body_read = true;
      }
      co_await offload(*core_.workers, [&] {
        if (route->stream) {
          receiver.finish(req, res);
          receiver = {};  // its files are removed here, off the I/O thread
        } else {
          route->handler(req, res);
        }
      });
    }
  } catch (...) {
    failure = std::current_exception();
  }
  if (failure) fail(req, res, failure);
  if (receiver.write) co_await offload(*core_.workers, [&] { receiver = {}; });
  // Requests whose body was not read end the connection; so does stopping.
  const bool keep_alive = body_read && !res.close && parser.keep_alive() && !core_.stopping;
  const bool sent = co_await respond(req, res, keep_alive);
  if (core_.hooks.finish) core_.hooks.finish(req, res);
  if (sent && !body_read) co_await linger_and_close();
  co_return sent && keep_alive;
}

asio::awaitable<bool> Connection::read_body(RequestParser& parser, BodyReceiver* receiver, std::string& body,
                                            std::uint64_t limit) {
  std::string piece;
  parser.deliver_body_to(receiver ? &piece : &body);
  buffer_.reserve(kChunkBytes);  // reads of a chunk, not of what the header left room for
  parser.eager(true);
  while (!parser.is_done()) {
    stream_.expires_after(core_.limits.io_timeout);
    const auto [ec, n] = co_await bhttp::async_read_some(stream_, buffer_, parser, kNoThrow);
    if (ec == bhttp::error::body_limit)
      throw Error(413, "too_large", fmt::format("the request body is larger than the limit of {} bytes", limit));
    if (is_http_parse_error(ec)) throw Error(400, "bad_request", "the request body could not be read: " + ec.message());
    if (ec) co_return false;
    if (receiver && !piece.empty()) {
      co_await offload(*core_.workers, [&] { receiver->write(piece); });
      piece.clear();
    }
  }
  co_return true;
}

asio::awaitable<bool> Connection::respond(const Request& req, Response& res, bool keep_alive) {
  try {
    if (std::holds_alternative<FileBody>(res.body)) co_return co_await write_file(req, res, keep_alive);
    if (std::holds_alternative<StreamBody>(res.body)) co_return co_await write_stream(req, res, keep_alive);
    co_return co_await write_text(req, res, keep_alive);
  } catch (const std::exception& e) {
    spdlog::error("{} {} {}: the answer could not be sent: {}", req.id, req.method, req.path, e.what());
  }
  co_return false;
}

asio::awaitable<bool> Connection::write_text(const Request& req, Response& res, bool keep_alive) {
  auto message = message_of<bhttp::string_body>(core_.hooks, req, res, keep_alive);
  auto& text = std::get<std::string>(res.body);
  if (req.method == "HEAD") {
    message.content_length(text.size());
  } else if (!has_no_body(req, res.status)) {
    message.body() = std::move(text);
    message.prepare_payload();
  }
  stream_.expires_after(core_.limits.io_timeout);
  const auto [ec, n] = co_await bhttp::async_write(stream_, message, kNoThrow);
  co_return !ec;
}

asio::awaitable<bool> Connection::write_file(const Request& req, Response& res, bool keep_alive) {
  const FileBody file = std::move(std::get<FileBody>(res.body));
  const std::uint64_t size = file.size();
  res.headers.set("Accept-Ranges", "bytes");
  const RangePlan plan = res.status == 200 && (req.method == "GET" || req.method == "HEAD")
                             ? plan_ranges(req.header("Range"), size, core_.limits.max_ranges)
                             : RangePlan{};
  if (plan.kind == RangePlan::Kind::unsatisfiable) {
    res.headers.erase("Content-Type");
    fail(req, res, std::make_exception_ptr(Error(416, "range_not_satisfiable", "the requested range is outside the file")));
    res.headers.set("Content-Range", fmt::format("bytes */{}", size));
    co_return co_await write_text(req, res, keep_alive);
  }

  // Multiple ranges go as multipart/byteranges, unless that would be more bytes than the file.
  struct Part {
    ByteRange range;
    std::string head;  // the part's delimiter and header
  };
  std::vector<Part> parts;
  std::string closing;
  std::uint64_t length = size;
  if (plan.kind == RangePlan::Kind::partial && plan.ranges.size() > 1) {
    const std::string boundary = random_boundary();
    const std::string type = res.headers.get("Content-Type");
    closing = fmt::format("\r\n--{}--\r\n", boundary);
    length = closing.size();
    for (const auto& range : plan.ranges) {
      parts.push_back({range, fmt::format("\r\n--{}\r\nContent-Type: {}\r\nContent-Range: bytes {}-{}/{}\r\n\r\n",
                                          boundary, type, range.first, range.last, size)});
      length += parts.back().head.size() + range.length();
    }
    if (length >= size) {
      parts.clear();
      closing.clear();
      length = size;
    } else {
      res.status = 206;
      res.headers.set("Content-Type", "multipart/byteranges; boundary=" + boundary);
    }
  } else if (plan.kind == RangePlan::Kind::partial) {
    const ByteRange range = plan.ranges.front();
    res.status = 206;
    res.headers.set("Content-Range", fmt::format("bytes {}-{}/{}", range.first, range.last, size));
    parts.push_back({range, {}});
    length = range.length();
  }

  auto message = message_of<bhttp::empty_body>(core_.hooks, req, res, keep_alive);
  message.content_length(length);
  if (!co_await write_header(message)) co_return false;
  if (req.method == "HEAD") co_return true;
  std::string chunk(static_cast<std::size_t>(std::clamp<std::uint64_t>(length, 1, kChunkBytes)), '\0');
  if (parts.empty()) co_return co_await write_file_range(file.descriptor(), 0, size, chunk);
  for (const auto& part : parts) {
    if (!part.head.empty() && !co_await write_all(part.head)) co_return false;
    if (!co_await write_file_range(file.descriptor(), part.range.first, part.range.length(), chunk)) co_return false;
  }
  co_return closing.empty() || co_await write_all(closing);
}

asio::awaitable<bool> Connection::write_header(bhttp::response<bhttp::empty_body>& message) {
  bhttp::response_serializer<bhttp::empty_body> serializer(message);
  stream_.expires_after(core_.limits.io_timeout);
  const auto [ec, n] = co_await bhttp::async_write_header(stream_, serializer, kNoThrow);
  co_return !ec;
}

asio::awaitable<bool> Connection::write_all(std::string_view bytes) {
  stream_.expires_after(core_.limits.io_timeout);
  const auto [ec, n] = co_await asio::async_write(stream_, asio::buffer(bytes), kNoThrow);
  co_return !ec;
}

asio::awaitable<bool> Connection::write_file_range(int fd, std::uint64_t first, std::uint64_t length, std::string& chunk) {
  std::uint64_t offset = first;
  const std::uint64_t end = first + length;
  while (offset < end) {
    const auto want = static_cast<std::size_t>(std::min<std::uint64_t>(chunk.size(), end - offset));
    const ssize_t got = ::pread(fd, chunk.data(), want, static_cast<off_t>(offset));
    if (got <= 0) {  // the file shrank under us: the announced length cannot be kept
      spdlog::warn("a file being sent ended early at byte {} of {}", offset, end);
      co_return false;
    }
    if (!co_await write_all(std::string_view(chunk.data(), static_cast<std::size_t>(got)))) co_return false;
    offset += static_cast<std::uint64_t>(got);
  }
  co_return true;
}

asio::awaitable<bool> Connection::write_stream(const Request& req, Response& res, bool keep_alive) {
  const StreamBody body = std::move(std::get<StreamBody>(res.body));
  const bool chunked = req.version >= 11;  // HTTP/1.0: the stream ends with the connection
  auto message = message_of<bhttp::empty_body>(core_.hooks, req, res, keep_alive && chunked);
  message.chunked(chunked);
  if (!co_await write_header(message)) co_return false;
  if (req.method == "HEAD") co_return chunked;
  asio::steady_timer timer(stream_.get_executor());
  while (!core_.stopping) {
    std::optional<std::string> piece;
    try {
      piece = co_await offload(*core_.workers, [&] { return body.next(); });
    } catch (const std::exception& e) {
      spdlog::warn("{} {}: the stream ended early: {}", req.id, req.path, e.what());
      co_return false;
    }
    if (!piece) break;
    if (piece->empty()) {
      timer.expires_after(body.poll_interval);
      co_await timer.async_wait(kNoThrow);
      continue;
    }
    if (chunked) {
      stream_.expires_after(core_.limits.io_timeout);
      const auto [write_error, written] =
          co_await asio::async_write(stream_, bhttp::make_chunk(asio::buffer(*piece)), kNoThrow);
      if (write_error) co_return false;
    } else if (!co_await write_all(*piece)) {
      co_return false;
    }
  }
  if (!chunked) co_return false;
  stream_.expires_after(core_.limits.io_timeout);
  const auto [last_error, last] = co_await asio::async_write(stream_, bhttp::make_chunk_last(), kNoThrow);
  co_return !last_error && keep_alive;
}

asio::awaitable<void> Connection::linger_and_close() {
  beast::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  buffer_.consume(buffer_.size());
  std::string sink(kLingerBufferBytes, '\0');
  stream_.expires_after(kLingerTime);
  while (true) {
    const auto [ec, n] = co_await stream_.async_read_some(asio::buffer(sink), kNoThrow);
    if (ec) break;
  }
  stream_.close();
}

}  // namespace clipgen::http
