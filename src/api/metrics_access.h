#pragma once
// Who may read /metrics: with CLIPGEN_METRICS_TOKEN set, whoever sends it as a bearer token
// (from anywhere: a Prometheus on another machine); without it, loopback clients only (a
// scraper on the same machine, or behind a proxy that adds nothing). Pure.
#include <string>
#include <string_view>

namespace clipgen::api {

enum class MetricsAccess { allowed, needs_token, forbidden };

// `remote_address` as the socket reports it ("127.0.0.1", "::1", "::ffff:127.0.0.1");
// `authorization` the header's value (may be empty); `token` the configured one (may be empty).
MetricsAccess metrics_access(std::string_view remote_address, std::string_view authorization,
                             std::string_view token);

bool is_loopback(std::string_view address);

}  // namespace clipgen::api
