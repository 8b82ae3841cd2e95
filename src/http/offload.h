#pragma once
// Runs a blocking function on the worker pool and resumes the calling coroutine on its own
// executor (the connection's strand) with the result, or the exception it threw. Internal to
// the server: this is how route code leaves the I/O threads.
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/execution/outstanding_work.hpp>
#include <boost/asio/prefer.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <optional>
#include <type_traits>
#include <variant>

namespace clipgen::http {

namespace detail {

template <typename Result, typename Function, typename Token>
auto async_run(boost::asio::thread_pool& pool, Function function, Token&& token) {
  namespace asio = boost::asio;
  return asio::async_initiate<Token, void(std::exception_ptr, std::optional<Result>)>(
      [&pool](auto handler, Function work) {
        // A tracked copy of the caller's executor: the I/O context keeps running while it waits.
        auto home = asio::prefer(asio::get_associated_executor(handler), asio::execution::outstanding_work.tracked);
        asio::post(pool, [handler = std::move(handler), work = std::move(work), home = std::move(home)]() mutable {
          std::exception_ptr error;
          std::optional<Result> result;
          try {
            result.emplace(work());
          } catch (...) {
            error = std::current_exception();
          }
          asio::post(home, [handler = std::move(handler), error, result = std::move(result)]() mutable {
            std::move(handler)(error, std::move(result));
          });
        });
      },
      token, std::move(function));
}

}  // namespace detail

// co_await offload(pool, [&] { return query(); });  The function runs while the coroutine is
// suspended, so it may capture the coroutine's locals by reference.
template <typename Function>
boost::asio::awaitable<std::invoke_result_t<Function&>> offload(boost::asio::thread_pool& pool, Function function) {
  using Result = std::invoke_result_t<Function&>;
  if constexpr (std::is_void_v<Result>) {
    co_await detail::async_run<std::monostate>(
        pool, [&function] { function(); return std::monostate{}; }, boost::asio::use_awaitable);
  } else {
    co_return std::move(*co_await detail::async_run<Result>(pool, [&function] { return function(); },
                                                            boost::asio::use_awaitable));
  }
}

}  // namespace clipgen::http
