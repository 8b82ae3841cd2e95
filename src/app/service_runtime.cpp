#include "app/service_runtime.h"

#include <spdlog/spdlog.h>

#include "db/migrations.h"
#include "storage/open_storage.h"

namespace clipgen::app {

std::unique_ptr<db::Database> open_database(const ServiceConfig& config) {
  return std::make_unique<db::Database>(resolve_database_url(config), db::DatabaseOptions{.pool_size = config.db_pool_size});
}

ServiceRuntime::ServiceRuntime(const ServiceConfig& config)
    : db(open_database(config)), storage(storage::open_storage(config.data_dir)), work_area(config.data_dir / "work") {
  const int applied = db::migrate(*db);
  if (applied > 0) spdlog::info("database {}: applied {} migration(s)", db->display_name(), applied);
}

std::unique_ptr<jobs::WorkerPool> make_worker_pool(
    ServiceRuntime& runtime, const ServiceConfig& config,
    std::function<void(const std::string& stage, double seconds)> on_stage_done) {
  jobs::WorkerOptions options;
  options.on_stage_done = std::move(on_stage_done);
  options.threads = config.workers;
  options.render_threads = config.engines.threads;
  options.scratch_dir = runtime.work_area.path();
  options.poll_interval = std::chrono::milliseconds(250);
  options.queue.lease = std::chrono::seconds(config.job_lease_seconds);
  const EngineOptions engines = config.engines;
  return std::make_unique<jobs::WorkerPool>(
      *runtime.db, *runtime.storage,
      [engines] {
        return jobs::Engines{make_transcriber(engines), make_analyzer(engines), [engines](auto words) {
                               return make_aligner(std::move(words), engines);
                             }};
      },
      options);
}

}  // namespace clipgen::app
