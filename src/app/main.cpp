// clipgen: turns long talking videos into short, ranked clips.
extern "C" {
#include <libavutil/log.h>
}
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "app/commands.h"
#include "app/dotenv.h"
#include "app/exit_codes.h"
#include "jobs/pipeline.h"
#include "media/media_error.h"

int main(int argc, char** argv) {
  using namespace clipgen::app;
  CLI::App app{"clipgen: turns a long talking video into short, ranked clips ready to post"};
  app.set_version_flag("--version", "clipgen " CLIPGEN_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  spdlog::set_level(spdlog::level::warn);
  // libav's own log lines repeat what our one-line errors already say; keep only its fatal ones.
  av_log_set_level(AV_LOG_FATAL);

  try {
    load_dotenv(".env");  // before parsing, so flags' environment fallbacks see it
  } catch (const std::invalid_argument& e) {
    std::cerr << "clipgen: " << e.what() << "\n";
    return kExitBadInput;
  }
  add_process_command(app);
  add_render_command(app);
  add_probe_command(app);
  add_transcribe_command(app);
  add_serve_command(app);
  add_worker_command(app);
  add_migrate_command(app);
  add_user_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints help/version with code 0 and usage errors with its own code; we use 2.
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitBadInput;
  } catch (const clipgen::media::MediaError& e) {
    std::cerr << "clipgen: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const clipgen::jobs::Canceled&) {
    std::cerr << "clipgen: canceled\n";
    return kExitCanceled;
  } catch (const std::invalid_argument& e) {
    std::cerr << "clipgen: " << e.what() << "\n";
    return kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "clipgen: error: " << e.what() << "\n";
    return kExitFailure;
  }
  return kExitOk;
}
