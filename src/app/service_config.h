#pragma once
// The service's settings (`clipgen serve`, `worker`, `migrate`, `user`): flags, each with an
// environment fallback (the names users of the FastAPI original already have, plus CLIPGEN_*),
// and the rules that decide the secret key and the database.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <string>

#include "api/quotas.h"
#include "app/engines.h"
#include "http/server.h"

namespace clipgen::app {

struct ServiceConfig {
  std::filesystem::path data_dir = "data";  // SQLite file, local storage, uploads, scratch
  std::string database_url;                 // DATABASE_URL; empty: SQLite in the data dir
  std::size_t db_pool_size = 16;            // sessions shared by the HTTP threads and workers
  std::string secret_key;                   // SECRET_KEY: signs tokens and media links
  bool dev = false;                         // without SECRET_KEY: make one and keep it
  std::string host = "127.0.0.1";
  int port = 8080;
  unsigned workers = 1;                     // jobs run at once in this process; 0: API only
  std::uint64_t max_upload_bytes = 4ull << 30;
  std::string cors_origins;                 // comma-separated; "*" for any
  std::filesystem::path web_dir = "web/dist";
  unsigned http_threads = 16;               // run route handlers: database, storage (hashes: hash_threads)
  std::uint64_t max_json_bytes = 64 * 1024;
  http::Limits http_limits;                 // request line, header, timeouts, connections
  api::UserQuotas quotas;                   // per-user limits (CLIPGEN_MAX_*)
  int registrations_per_hour = 10;          // accounts made from one address
  unsigned hash_threads = 0;                // password hashes at once; 0: one per core
  std::size_t hash_queue = 32;              // hashes waiting beyond those; then 503
  std::string metrics_token;                // empty: /metrics for loopback clients only
  unsigned job_lease_seconds = 60;          // a killed worker's job returns to the queue after this
  EngineOptions engines;
};

// --data-dir, --database-url: every service command.
void add_data_options(CLI::App& command, ServiceConfig& config);
// The job runners' options: --workers, --job-lease, the engines.
void add_worker_options(CLI::App& command, ServiceConfig& config);
// The HTTP server's: --host, --port, --dev, limits, CORS, web UI folder.
void add_http_options(CLI::App& command, ServiceConfig& config);
// Its protocol limits and deadlines (part of add_http_options).
void add_http_limit_options(CLI::App& command, http::Limits& limits);

// SECRET_KEY when set and unpredictable enough (auth::secret_key_problem); with --dev, the key
// kept in <data_dir>/secret_key, made from random bytes on first start. Throws
// std::invalid_argument saying what to do otherwise.
std::string resolve_secret_key(const ServiceConfig& config);

// DATABASE_URL, or SQLite at <data_dir>/clipgen.db.
std::string resolve_database_url(const ServiceConfig& config);

}  // namespace clipgen::app
