#pragma once
// What every service command opens from its configuration: the database (migrated to this
// binary's schema) and the storage; and, for serve and worker, the pool of job workers.
#include <functional>
#include <memory>
#include <string>

#include "app/scratch_area.h"
#include "app/service_config.h"
#include "db/database.h"
#include "jobs/worker.h"
#include "storage/storage.h"

namespace clipgen::app {

// Opens the database named by the configuration; throws naming it when unreachable.
std::unique_ptr<db::Database> open_database(const ServiceConfig& config);

struct ServiceRuntime {
  explicit ServiceRuntime(const ServiceConfig& config);  // migrates the database

  std::unique_ptr<db::Database> db;
  std::unique_ptr<storage::Storage> storage;
  ScratchArea work_area;  // this process's folder for job work files; a dead one's is swept
};

// config.workers job threads over the runtime's database and storage (not started); stage
// durations go to on_stage_done when given.
std::unique_ptr<jobs::WorkerPool> make_worker_pool(
    ServiceRuntime& runtime, const ServiceConfig& config,
    std::function<void(const std::string& stage, double seconds)> on_stage_done = {});

}  // namespace clipgen::app
