// `clipgen worker`: job workers only, for scale-out next to `clipgen serve --workers 0`.
#include <spdlog/spdlog.h>

#include "app/commands.h"
#include "app/service_runtime.h"
#include "app/shutdown_signal.h"

namespace clipgen::app {
namespace {

void run_worker(const ServiceConfig& config) {
  if (config.workers == 0) throw std::invalid_argument("--workers must be at least 1 for clipgen worker");
  spdlog::set_level(spdlog::level::info);
  ServiceRuntime runtime(config);
  auto workers = make_worker_pool(runtime, config);
  ShutdownSignal shutdown([] {});
  workers->start();
  spdlog::info("clipgen worker {}: {} thread(s), database {}", workers->worker_id(), config.workers,
               runtime.db->display_name());
  shutdown.wait();
  workers->stop(jobs::StopMode::hand_back);
  spdlog::info("stopped");
}

}  // namespace

void add_worker_command(CLI::App& app) {
  auto config = std::make_shared<ServiceConfig>();
  auto* cmd = app.add_subcommand("worker", "Run job workers only (scale-out: many workers, one database)");
  add_data_options(*cmd, *config);
  add_worker_options(*cmd, *config);
  cmd->callback([config] { run_worker(*config); });
}

}  // namespace clipgen::app
