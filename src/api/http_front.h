#pragma once
// What the API adds to every HTTP exchange, whatever route answers it (or none): a request id
// (X-Request-Id, the client's own when short and plain), CORS headers for allowed origins and
// the preflight answer, errors as `{"error": {"code", "message"[, "field"]}}` (a 500 logged with
// the request id, its cause never sent), the security headers of api/security_headers.h on every
// answer as it is sent (whatever made it: a route, an error, the server's own refusal), and the
// access log and request metrics.
#include <string>
#include <vector>

#include "api/metrics.h"
#include "http/server.h"

namespace clipgen::api {

// `storage_origin`: where presigned media URLs point, for the page's Content-Security-Policy
// (empty for local storage).
http::Hooks make_http_hooks(const std::vector<std::string>& cors_origins, const std::string& storage_origin,
                            Metrics& metrics);

// OPTIONS on any path: 204, with the CORS headers the begin hook adds for allowed origins.
void add_preflight_route(http::Server& server);

// A fresh request id: 16 hex digits, random but not secret.
std::string make_request_id();

}  // namespace clipgen::api
