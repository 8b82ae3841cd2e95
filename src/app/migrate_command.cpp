// `clipgen migrate`: brings the database to this binary's schema (serve and worker also do it
// at start; this is for deploy scripts that migrate first).
#include <iostream>

#include "app/commands.h"
#include "app/service_runtime.h"
#include "db/migrations.h"

namespace clipgen::app {

void add_migrate_command(CLI::App& app) {
  auto config = std::make_shared<ServiceConfig>();
  auto* cmd = app.add_subcommand("migrate", "Apply the database migrations this binary knows");
  add_data_options(*cmd, *config);
  cmd->callback([config] {
    const auto database = open_database(*config);
    const int applied = db::migrate(*database);
    std::cout << "applied " << applied << " migration(s); schema version " << db::schema_version(*database) << "\n";
  });
}

}  // namespace clipgen::app
