// GET /healthz (the process answers), GET /readyz (and reaches its database), GET /metrics
// (api/metrics_access.h says who may read it)
#include <spdlog/spdlog.h>

#include "api/job_counts.h"
#include "api/json_io.h"
#include "api/metrics_access.h"
#include "api/routes.h"

namespace clipgen::api {

void add_health_routes(Router& router, ApiContext& context) {
  // On the I/O thread: it answers as long as the server takes connections, however busy the
  // workers are.
  router.get_inline("/healthz", [](const http::Request&, http::Response& res) { send_json(res, 200, {{"status", "ok"}}); });

  router.get("/readyz", Access::anyone, [&context](const http::Request&, http::Response& res) {
    try {
      auto sql = context.db.session();
      int one = 0;
      sql << "select 1", soci::into(one);
      send_json(res, 200, {{"status", "ready"}});
    } catch (const std::exception& e) {
      spdlog::warn("readiness check failed: {}", e.what());
      throw HttpError(503, "not_ready", "the database is not reachable");
    }
  });

  router.get("/metrics", Access::anyone, [&context](const http::Request& req, http::Response& res) {
    switch (metrics_access(req.remote_address, req.header("Authorization"), context.metrics_token)) {
      case MetricsAccess::needs_token:
        res.headers.set("WWW-Authenticate", "Bearer");
        throw unauthorized("send \"Authorization: Bearer <CLIPGEN_METRICS_TOKEN>\" for /metrics");
      case MetricsAccess::forbidden:
        throw HttpError(403, "forbidden", "/metrics answers this machine only unless CLIPGEN_METRICS_TOKEN is set");
      case MetricsAccess::allowed: break;
    }
    res.set_content(context.metrics.render(count_jobs_by_status(context.db)), "text/plain; version=0.0.4");
  });
}

}  // namespace clipgen::api
