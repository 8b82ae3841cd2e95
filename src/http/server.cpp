#include "http/server.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <fstream>
#include <thread>
#include <vector>

#include "http/connection.h"
#include "http/server_core.h"

namespace asio = boost::asio;
using asio::ip::tcp;

namespace clipgen::http {
namespace {

constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
// File descriptors kept for everything but client connections: database sessions, files being
// sent or received, the log.
constexpr std::size_t kReservedDescriptors = 256;
// After accept() fails for lack of descriptors or memory, wait before trying again.
constexpr auto kAcceptBackoff = std::chrono::milliseconds(50);
constexpr auto kDrainPoll = std::chrono::milliseconds(50);

// The kernel caps every listen backlog at net.core.somaxconn: ask for exactly that.
int os_listen_backlog() {
  std::ifstream in("/proc/sys/net/core/somaxconn");
  int value = 0;
  if (in >> value && value > 0) return value;
  return asio::socket_base::max_listen_connections;
}

// Raises the soft open-file limit to the hard one; returns the limit in force.
std::size_t raise_open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  return static_cast<std::size_t>(limit.rlim_cur);
}

std::size_t io_thread_count(std::size_t asked) {
  if (asked > 0) return asked;
  return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
}

void log_failure(std::exception_ptr error) {
  if (!error) return;
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    spdlog::error("http: a connection failed: {}", e.what());
  }
}

}  // namespace

struct Server::Impl {
  Impl(ServerOptions server_options, Hooks hooks)
      : options(std::move(server_options)),
        core(options.limits, std::move(hooks)),
        io(static_cast<int>(io_thread_count(options.io_threads))),
        accept_strand(asio::make_strand(io)),
        acceptor(accept_strand) {}

  asio::awaitable<void> accept_loop();
  asio::awaitable<void> drain();
  template <typename Function>
  void for_each_connection(Function function);

  ServerOptions options;
  ServerCore core;
  asio::io_context io;
  asio::strand<asio::io_context::executor_type> accept_strand;
  tcp::acceptor acceptor;
  int backlog = 0;
};

// Calls `function` outside the registry lock: a connection whose coroutine ends meanwhile is
// destroyed when the last pointer here goes, and its destructor takes that lock (holding it
// here deadlocked a SIGTERM that came as a connection closed).
template <typename Function>
void Server::Impl::for_each_connection(Function function) {
  std::vector<std::shared_ptr<Connection>> alive;
  {
    std::lock_guard lock(core.registry_mutex);
    alive.reserve(core.registry.size());
    for (Connection* connection : core.registry)
      if (auto pointer = connection->weak_from_this().lock()) alive.push_back(std::move(pointer));
  }
  for (const auto& connection : alive) function(*connection);
}

asio::awaitable<void> Server::Impl::accept_loop() {
  asio::steady_timer backoff(accept_strand);
  while (!core.stopping && acceptor.is_open()) {
    auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), kNoThrow);
    if (ec) {
      if (core.stopping || ec == asio::error::operation_aborted) break;
      spdlog::warn("http: accept failed: {}", ec.message());  // out of descriptors or memory
      backoff.expires_after(kAcceptBackoff);
      co_await backoff.async_wait(kNoThrow);
      continue;
    }
    boost::system::error_code ignored;
    const auto remote = socket.remote_endpoint(ignored);
    if (ignored) continue;  // the client left already
    socket.set_option(tcp::no_delay(true), ignored);
    std::string address = remote.address().to_string();
    const bool admitted = core.connections.admit(address);
    auto connection = std::make_shared<Connection>(core, std::move(socket), std::move(address), admitted);
    auto executor = connection->executor();
    if (admitted) {
      asio::co_spawn(executor, [connection]() { return connection->run(); }, log_failure);
    } else {
      asio::co_spawn(executor, [connection]() { return connection->refuse_over_limit(); }, log_failure);
    }
  }
}

asio::awaitable<void> Server::Impl::drain() {
  const auto deadline = std::chrono::steady_clock::now() + options.drain_timeout;
  asio::steady_timer timer(co_await asio::this_coro::executor);
  bool forced = false;
  while (true) {
    {
      std::lock_guard lock(core.registry_mutex);
      if (core.registry.empty()) break;
    }
    if (!forced && std::chrono::steady_clock::now() >= deadline) {
      spdlog::warn("http: closing the connections still open {} s after the stop", options.drain_timeout.count());
      for_each_connection([](Connection& connection) { connection.close_now(); });
      forced = true;
    }
    timer.expires_after(kDrainPoll);
    co_await timer.async_wait(kNoThrow);
  }
}

Server::Server(ServerOptions options, Hooks hooks) : impl_(std::make_unique<Impl>(std::move(options), std::move(hooks))) {}

Server::~Server() = default;

void Server::add(Route route) { impl_->core.routes.add(std::move(route)); }

int Server::bind(const std::string& host, int port) {
  boost::system::error_code ec;
  tcp::resolver resolver(impl_->io);
  const auto endpoints = resolver.resolve(host, std::to_string(port), tcp::resolver::passive, ec);
  if (ec || endpoints.empty())
    throw std::runtime_error(fmt::format("cannot listen on {}:{}: {}", host, port, ec ? ec.message() : "no such address"));
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  auto& acceptor = impl_->acceptor;
  impl_->backlog = os_listen_backlog();
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(impl_->backlog, ec);
  if (ec) {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    throw std::runtime_error(fmt::format("cannot listen on {}:{} ({}; in use, or not an address of this machine?)",
                                         host, port, ec.message()));
  }
  return acceptor.local_endpoint().port();
}

void Server::run() {
  auto& core = impl_->core;
  const std::size_t descriptors = raise_open_file_limit();
  const std::size_t room = descriptors > 2 * kReservedDescriptors ? descriptors - kReservedDescriptors : descriptors / 2;
  if (core.limits.max_connections > room) {
    spdlog::warn("http: at most {} connections: the open-file limit is {}", room, descriptors);
    core.connections.set_max_total(room);
  }
  asio::thread_pool workers(impl_->options.worker_threads);
  core.workers = &workers;
  asio::co_spawn(impl_->accept_strand, impl_->accept_loop(), log_failure);
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < io_thread_count(impl_->options.io_threads); ++i) {
    threads.emplace_back([this] { impl_->io.run(); });
  }
  impl_->io.run();
  for (auto& thread : threads) thread.join();
  workers.join();
  core.workers = nullptr;
}

void Server::stop() {
  if (impl_->core.stopping.exchange(true)) return;
  asio::post(impl_->accept_strand, [impl = impl_.get()] {
    boost::system::error_code ignored;
    impl->acceptor.close(ignored);
  });
  impl_->for_each_connection([](Connection& connection) { connection.stop_when_idle(); });
  asio::co_spawn(impl_->io, impl_->drain(), log_failure);
}

bool Server::stopping() const { return impl_->core.stopping; }

Server::Stats Server::stats() const {
  return {impl_->core.connections.open(), impl_->core.connections.refused(), impl_->backlog};
}

}  // namespace clipgen::http
