#pragma once
// What the routes work with: the database, the stored files, token issuing and login
// throttling, metrics, and the limits and secrets from the configuration. Owned by the
// command that runs the server.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "api/metrics.h"
#include "auth/login_throttle.h"
#include "auth/password.h"
#include "auth/token.h"
#include "db/database.h"
#include "storage/storage.h"

namespace clipgen::api {

struct ApiLimits {
  std::uint64_t max_upload_bytes = 4ull << 30;
  std::chrono::seconds link_lifetime{60 * 60};  // signed and presigned media URLs
};

struct ApiContext {
  db::Database& db;
  storage::Storage& storage;
  const auth::TokenIssuer& tokens;
  auth::LoginThrottle& throttle;
  auth::HashCost password_cost;
  Metrics& metrics;
  std::string secret_key;              // signs local media URLs
  std::filesystem::path upload_dir;    // uploads land here while they are checked
  ApiLimits limits;
};

}  // namespace clipgen::api
