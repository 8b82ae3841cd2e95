#pragma once
// Each `clipgen` subcommand registers itself on the CLI11 app; its callback runs the command.
#include <CLI/CLI.hpp>

namespace clipgen::app {

void add_process_command(CLI::App& app);
void add_render_command(CLI::App& app);
void add_probe_command(CLI::App& app);
void add_transcribe_command(CLI::App& app);
void add_serve_command(CLI::App& app);
void add_worker_command(CLI::App& app);
void add_migrate_command(CLI::App& app);
void add_user_command(CLI::App& app);

}  // namespace clipgen::app
