#pragma once
// One client connection as a coroutine (internal to the server): requests read under the
// limits and deadlines, routed, handed to the worker pool, answered, repeated while the client
// keeps the connection alive.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>

#include <chrono>
#include <memory>
#include <string_view>
#include <string>

#include "http/server_core.h"

namespace clipgen::http {

class RequestParser;
struct BodyReceiver;

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  // The socket must be on a strand of its own. `admitted`: its place in core.connections is
  // taken (and given back when the connection goes); otherwise it is only to be refused.
  Connection(ServerCore& core, boost::asio::ip::tcp::socket socket, std::string address, bool admitted);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  boost::asio::any_io_executor executor() { return stream_.get_executor(); }
  boost::asio::awaitable<void> run();
  // For stop(), from any thread: close at once if between requests, else after the answer.
  void stop_when_idle();
  // For the end of the drain, from any thread.
  void close_now();

  // Answers 503 (a connection over a limit) and closes.
  boost::asio::awaitable<void> refuse_over_limit();

 private:
  enum class State { waiting, reading_header, busy };

  boost::asio::awaitable<bool> wait_for_request(bool first);
  boost::asio::awaitable<bool> serve(RequestParser& parser);
  boost::asio::awaitable<void> refuse(Request& req, int status, const std::string& code, const std::string& message);
  // False when the client left or stalled; throws Error 413 past `limit`, 400 for bad chunking.
  boost::asio::awaitable<bool> read_body(RequestParser& parser, BodyReceiver* receiver, std::string& body,
                                         std::uint64_t limit);
  void fail(const Request& req, Response& res, std::exception_ptr error) const;
  boost::asio::awaitable<bool> respond(const Request& req, Response& res, bool keep_alive);
  boost::asio::awaitable<bool> write_text(const Request& req, Response& res, bool keep_alive);
  boost::asio::awaitable<bool> write_file(const Request& req, Response& res, bool keep_alive);
  boost::asio::awaitable<bool> write_stream(const Request& req, Response& res, bool keep_alive);
  boost::asio::awaitable<bool> write_file_range(int fd, std::uint64_t first, std::uint64_t length,
                                                std::string& chunk);
  boost::asio::awaitable<bool> write_header(
      boost::beast::http::response<boost::beast::http::empty_body>& message);
  boost::asio::awaitable<bool> write_all(std::string_view bytes);
  boost::asio::awaitable<void> linger_and_close();

  ServerCore& core_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::string address_;
  bool admitted_;
  char first_byte_ = 0;  // an idle connection reads its next request's first byte here: no buffer
  State state_ = State::waiting;
  std::chrono::steady_clock::time_point request_started_;
};

}  // namespace clipgen::http
