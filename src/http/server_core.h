#pragma once
// What the acceptor and every connection share (internal to the server).
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <mutex>
#include <unordered_set>

#include "http/connection_table.h"
#include "http/route_table.h"
#include "http/server.h"

namespace clipgen::http {

class Connection;

struct ServerCore {
  ServerCore(const Limits& server_limits, Hooks server_hooks)
      : limits(server_limits),
        hooks(std::move(server_hooks)),
        connections(server_limits.max_connections, server_limits.max_connections_per_client) {}

  const Limits limits;
  const Hooks hooks;
  RouteTable routes;
  ConnectionTable connections;
  boost::asio::thread_pool* workers = nullptr;  // set while the server runs
  std::atomic<bool> stopping{false};

  // Live connections, so that stop() can reach them.
  std::mutex registry_mutex;
  std::unordered_set<Connection*> registry;
};

}  // namespace clipgen::http
