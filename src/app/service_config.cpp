#include "app/service_config.h"

#include <sodium.h>
#include <sys/stat.h>

#include <array>
#include <fstream>
#include <stdexcept>

#include "auth/service_keys.h"
#include "db/database.h"

namespace fs = std::filesystem;

namespace clipgen::app {
namespace {

constexpr const char* kSecretFile = "secret_key";

std::string make_dev_secret(const fs::path& file) {
  std::array<unsigned char, 32> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, 2 * bytes.size() + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  fs::create_directories(file.parent_path());
  const fs::path temporary = file.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << hex.data() << "\n";
    if (!out.flush()) throw std::runtime_error("cannot write " + temporary.string());
  }
  ::chmod(temporary.c_str(), S_IRUSR | S_IWUSR);  // the key signs every token: owner only
  fs::rename(temporary, file);
  return hex.data();
}

}  // namespace

void add_data_options(CLI::App& command, ServiceConfig& config) {
  command.add_option("--data-dir", config.data_dir, "Folder for the SQLite database, stored files and scratch space")
      ->envname("CLIPGEN_DATA_DIR")
      ->capture_default_str();
  command.add_option("--database-url", config.database_url,
                     "postgresql://user:pass@host/db, or sqlite:///path.db (default: SQLite in the data dir)")
      ->envname("DATABASE_URL");
  command.add_option("--db-pool-size", config.db_pool_size, "Database sessions kept open")
      ->envname("CLIPGEN_DB_POOL_SIZE")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
}

void add_worker_options(CLI::App& command, ServiceConfig& config) {
  command.add_option("--workers", config.workers, "Jobs run at once by this process (0: none, API only)")
      ->envname("CLIPGEN_WORKERS")
      ->capture_default_str();
  command.add_option("--job-lease", config.job_lease_seconds,
                     "Seconds before the job of a worker that stopped answering goes back to the queue")
      ->envname("CLIPGEN_JOB_LEASE_SECONDS")
      ->check(CLI::Range(3u, 3600u))
      ->capture_default_str();
  add_engine_options(command, config.engines);
}

void add_http_options(CLI::App& command, ServiceConfig& config) {
  command.add_option("--host", config.host, "Address to listen on")->envname("CLIPGEN_HOST")->capture_default_str();
  command.add_option("--port", config.port, "Port to listen on")
      ->envname("CLIPGEN_PORT")
      ->check(CLI::Range(1, 65535))
      ->capture_default_str();
  command.add_flag("--dev", config.dev, "Development mode: without SECRET_KEY, make a key and keep it in the data dir")
      ->envname("CLIPGEN_DEV");
  command.add_option("--secret-key", config.secret_key, "Signs access tokens and media links (32+ characters)")
      ->envname("SECRET_KEY");
  command.add_option("--max-upload-bytes", config.max_upload_bytes, "Largest video upload accepted")
      ->envname("CLIPGEN_MAX_UPLOAD_BYTES")
      ->capture_default_str();
  command.add_option("--cors-origins", config.cors_origins, "Browser origins allowed to call the API, comma-separated")
      ->envname("CLIPGEN_CORS_ORIGINS");
  command.add_option("--web-dir", config.web_dir, "The built web UI, served at / when present")
      ->envname("CLIPGEN_WEB_DIR")
      ->capture_default_str();
  command.add_option("--max-json-bytes", config.max_json_bytes, "Largest JSON request body; refused before it is read")
      ->envname("CLIPGEN_MAX_JSON_BYTES")
      ->check(CLI::Range(std::uint64_t{1024}, std::uint64_t{16} << 20))
      ->capture_default_str();
  command.add_option("--http-threads", config.http_threads,
                     "Threads running route handlers (database queries, storage calls; hashes run on --hash-threads)")
      ->envname("CLIPGEN_HTTP_THREADS")
      ->check(CLI::Range(1u, 1024u))
      ->capture_default_str();
  command.add_option("--metrics-token", config.metrics_token,
                     "Bearer token /metrics asks for (unset: /metrics answers this machine only)")
      ->envname("CLIPGEN_METRICS_TOKEN");
  command.add_option("--registrations-per-hour", config.registrations_per_hour, "Accounts made from one address per hour")
      ->envname("CLIPGEN_REGISTRATIONS_PER_HOUR")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  command.add_option("--hash-threads", config.hash_threads, "Password hashes run at once, 64 MiB each (0: one per core)")
      ->envname("CLIPGEN_HASH_THREADS")
      ->check(CLI::Range(0u, 256u))
      ->capture_default_str();
  command.add_option("--hash-queue", config.hash_queue, "Password hashes that may wait; beyond them, 503")
      ->envname("CLIPGEN_HASH_QUEUE")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))
      ->capture_default_str();
  auto& quotas = config.quotas;
  command.add_option("--max-active-jobs", quotas.max_active_jobs, "Jobs one user may have queued or running")
      ->envname("CLIPGEN_MAX_ACTIVE_JOBS")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  command.add_option("--max-uploads-per-day", quotas.max_uploads_per_day, "Videos one user may upload in 24 hours")
      ->envname("CLIPGEN_MAX_UPLOADS_PER_DAY")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  command.add_option("--max-stored-bytes", quotas.max_stored_bytes, "Bytes of videos and clips one user may keep")
      ->envname("CLIPGEN_MAX_STORED_BYTES")
      ->capture_default_str();
  command.add_option("--max-video-seconds", quotas.max_video_seconds, "Longest video accepted, in seconds")
      ->envname("CLIPGEN_MAX_VIDEO_SECONDS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command.add_option("--max-video-pixels", quotas.max_video_pixels, "Largest picture accepted, width x height")
      ->envname("CLIPGEN_MAX_VIDEO_PIXELS")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  add_http_limit_options(command, config.http_limits);
}

void add_http_limit_options(CLI::App& command, http::Limits& limits) {
  command.add_option("--max-request-line-bytes", limits.max_request_line_bytes, "Longest request line (414 past it)")
      ->envname("CLIPGEN_MAX_REQUEST_LINE_BYTES")
      ->check(CLI::Range(std::size_t{256}, std::size_t{1} << 20))
      ->capture_default_str();
  command.add_option("--max-header-bytes", limits.max_header_bytes,
                     "Largest request header, request line included (431 past it)")
      ->envname("CLIPGEN_MAX_HEADER_BYTES")
      ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 20))
      ->capture_default_str();
  command.add_option("--max-headers", limits.max_header_count, "Most header fields in a request (431 past it)")
      ->envname("CLIPGEN_MAX_HEADERS")
      ->check(CLI::Range(std::size_t{8}, std::size_t{10000}))
      ->capture_default_str();
  const struct {
    const char* flag;
    std::chrono::seconds& value;
    const char* help;
    const char* env;
  } timeouts[] = {
      {"--header-timeout", limits.header_timeout, "Seconds a client has to send a whole request header, from its first byte",
       "CLIPGEN_HEADER_TIMEOUT_SECONDS"},
      {"--keep-alive-timeout", limits.keep_alive_timeout, "Seconds an idle connection stays open between requests",
       "CLIPGEN_KEEP_ALIVE_TIMEOUT_SECONDS"},
      {"--io-timeout", limits.io_timeout, "Seconds a client may stall while sending a body or taking an answer",
       "CLIPGEN_IO_TIMEOUT_SECONDS"},
  };
  for (const auto& timeout : timeouts) {
    command.add_option_function<long>(timeout.flag, [&value = timeout.value](long count) { value = std::chrono::seconds(count); },
                                      timeout.help)
        ->envname(timeout.env)
        ->check(CLI::Range(1L, 3600L))
        ->default_str(std::to_string(timeout.value.count()));
  }
  command.add_option("--max-connections", limits.max_connections, "Open connections in all (503 past it)")
      ->envname("CLIPGEN_MAX_CONNECTIONS")
      ->check(CLI::Range(std::size_t{16}, std::size_t{1000000}))
      ->capture_default_str();
  command.add_option("--max-connections-per-client", limits.max_connections_per_client,
                     "Open connections from one client address (503 past it)")
      ->envname("CLIPGEN_MAX_CONNECTIONS_PER_CLIENT")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}))
      ->capture_default_str();
}

std::string resolve_secret_key(const ServiceConfig& config) {
  if (!config.secret_key.empty()) {
    if (const auto problem = auth::secret_key_problem(config.secret_key)) throw std::invalid_argument(*problem);
    return config.secret_key;
  }
  if (!config.dev)
    throw std::invalid_argument(
        "SECRET_KEY is not set: set it (e.g. SECRET_KEY=$(openssl rand -hex 32)) in the environment or .env, "
        "or run with --dev to use a generated key kept in the data dir");
  const fs::path file = config.data_dir / kSecretFile;
  std::ifstream in(file);
  std::string kept;
  if (in >> kept && !auth::secret_key_problem(kept)) return kept;
  return make_dev_secret(file);
}

std::string resolve_database_url(const ServiceConfig& config) {
  return config.database_url.empty() ? db::default_sqlite_url(config.data_dir) : config.database_url;
}

}  // namespace clipgen::app
