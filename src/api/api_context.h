#pragma once
// What the routes work with: the database, the stored files, token issuing, sign-in
// throttling and password hashing, metrics, and the limits and keys from the configuration.
// Owned by the command that runs the server.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>

#include "api/metrics.h"
#include "api/quotas.h"
#include "auth/attempt_limits.h"
#include "auth/hashing_pool.h"
#include "auth/login_throttle.h"
#include "auth/password.h"
#include "auth/password_policy.h"
#include "auth/service_keys.h"
#include "auth/token.h"
#include "db/database.h"
#include "storage/storage.h"

namespace clipgen::api {

struct ApiLimits {
  std::uint64_t max_upload_bytes = 4ull << 30;
  std::chrono::seconds link_lifetime{60 * 60};  // signed and presigned media URLs
  UserQuotas quotas;
};

struct ApiContext {
  db::Database& db;
  storage::Storage& storage;
  const auth::TokenIssuer& tokens;     // signs with keys.tokens
  auth::LoginThrottle& throttle;
  auth::RateLimiter& registrations;    // per address
  auth::HashingPool& hashing;          // every Argon2id hash and check runs here
  const auth::PasswordPolicy& passwords;
  auth::HashCost password_cost;
  Metrics& metrics;
  auth::ServiceKeys keys;              // links: local media URLs; uploads: direct-upload ids
  std::string metrics_token;           // empty: /metrics answers loopback clients only
  std::filesystem::path upload_dir;    // uploads land here while they are checked
  ApiLimits limits;
};

}  // namespace clipgen::api
