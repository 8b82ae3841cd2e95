// `clipgen serve`: the HTTP API (and the web UI) with job workers in the same process.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>
#include <thread>

#include "api/cors.h"
#include "api/http_front.h"
#include "api/routes.h"
#include "api/security_headers.h"
#include "api/web_ui.h"
#include "app/commands.h"
#include "app/scratch_area.h"
#include "app/service_runtime.h"
#include "app/shutdown_signal.h"
#include "http/server.h"

namespace fs = std::filesystem;

namespace clipgen::app {
namespace {

void run_serve(const ServiceConfig& config) {
  // Refuse to start before opening anything.
  const auto keys = auth::derive_service_keys(resolve_secret_key(config));
  const auth::PasswordPolicy passwords;
  spdlog::set_level(spdlog::level::info);
  ServiceRuntime runtime(config);
  const auth::TokenIssuer tokens(keys.tokens);
  auth::LoginThrottle throttle;
  auth::RateLimiter registrations(config.registrations_per_hour, std::chrono::hours(1));
  auth::HashingPool hashing(config.hash_threads > 0 ? config.hash_threads : std::max(1u, std::thread::hardware_concurrency()),
                            config.hash_queue);
  api::Metrics metrics;
  ScratchArea uploads(config.data_dir / "uploads");

  // Presigned URLs name the storage's origin; the page may load media from it and upload to it.
  const auto presigned = runtime.storage->presigned_get("origin-probe", std::chrono::seconds(60), "probe");
  http::Server server({.limits = config.http_limits, .worker_threads = config.http_threads},
                      api::make_http_hooks(api::parse_origins(config.cors_origins),
                                           api::origin_of(presigned.value_or("")), metrics));
  api::ApiContext context{.db = *runtime.db,
                          .storage = *runtime.storage,
                          .tokens = tokens,
                          .throttle = throttle,
                          .registrations = registrations,
                          .hashing = hashing,
                          .passwords = passwords,
                          .password_cost = auth::interactive_cost(),
                          .metrics = metrics,
                          .keys = keys,
                          .metrics_token = config.metrics_token,
                          .upload_dir = uploads.path(),
                          .limits = {.max_upload_bytes = config.max_upload_bytes, .quotas = config.quotas}};
  api::Router router(server, context, config.max_json_bytes);
  api::add_preflight_route(server);
  api::add_health_routes(router, context);
  api::add_auth_routes(router, context);
  api::add_video_routes(router, context);
  api::add_upload_routes(router, context);
  api::add_job_routes(router, context);
  api::add_clip_routes(router, context);
  api::add_clip_edit_routes(router, context);
  if (fs::is_regular_file(config.web_dir / "index.html")) {
    api::add_web_ui_routes(server, config.web_dir);
  } else {
    spdlog::info("no web UI at {}: serving the API only", config.web_dir.string());
  }

  const int port = server.bind(config.host, config.port);
  // Before any thread starts, so that every thread inherits the blocked signals.
  ShutdownSignal shutdown([&server] { server.stop(); });
  std::unique_ptr<jobs::WorkerPool> workers;
  if (config.workers > 0) {
    workers = make_worker_pool(runtime, config,
                               [&metrics](const std::string& stage, double seconds) { metrics.observe_stage(stage, seconds); });
    workers->start();
  }
  spdlog::info("clipgen serve: http://{}:{} ({} worker(s), database {}, listen backlog {})", config.host, port,
               config.workers, runtime.db->display_name(), server.stats().listen_backlog);
  server.run();
  // Running jobs go back to the queue at once rather than holding up a service manager's stop:
  // the next start (or another worker) picks them up.
  if (workers) workers->stop(jobs::StopMode::hand_back);
  spdlog::info("stopped");
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto config = std::make_shared<ServiceConfig>();
  auto* cmd = app.add_subcommand("serve", "Run the web service: HTTP API, web UI and job workers");
  add_data_options(*cmd, *config);
  add_http_options(*cmd, *config);
  add_worker_options(*cmd, *config);
  cmd->callback([config] { run_serve(*config); });
}

}  // namespace clipgen::app
