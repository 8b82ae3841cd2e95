// `clipgen process INPUT`: the whole job on one machine, results in a folder.
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <iostream>
#include <memory>

#include "app/clip_report.h"
#include "app/commands.h"
#include "app/engines.h"
#include "app/framing_options.h"
#include "app/progress_display.h"
#include "app/staging_dir.h"
#include "jobs/pipeline.h"
#include "jobs/settings_validation.h"
#include "speech/transcript_format.h"
#include "text/json_text.h"

namespace fs = std::filesystem;

namespace clipgen::app {
namespace {

std::atomic<bool> g_interrupted{false};

void write_text(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

struct ProcessOptions {
  fs::path input;
  fs::path out_dir;
  jobs::ClipSettings settings;
  EngineOptions engines;
  bool json = false;
  bool quiet = false;
};

void run_process(const ProcessOptions& opt) {
  if (!fs::is_regular_file(opt.input))
    throw std::invalid_argument(opt.input.string() + ": no such file");
  refuse_flag(jobs::validate_settings(opt.settings));
  const fs::path out_dir = opt.out_dir.empty() ? fs::path(opt.input.stem().string() + "-clips") : opt.out_dir;

  // Ctrl-C or a service manager's SIGTERM cancels cleanly: no partial output stays behind.
  std::signal(SIGINT, [](int) { g_interrupted = true; });
  std::signal(SIGTERM, [](int) { g_interrupted = true; });
  auto transcriber = make_transcriber(opt.engines);
  auto analyzer = make_analyzer(opt.engines);

  StagingDir staging(out_dir);
  ProgressDisplay display(!opt.quiet);
  jobs::PipelineHooks hooks{
      .progress = [&](const std::string& stage, double percent) { display.update(stage, percent); },
      .cancel = &g_interrupted,
  };
  const auto result = jobs::run_pipeline(opt.input, staging.path(), opt.settings, {*transcriber, *analyzer, opt.engines.threads},
                                         std::nullopt, hooks);
  display.finish();

  write_text(staging.path() / "transcript.json", text::to_json_text(speech::to_json(result.transcript), 2));
  write_text(staging.path() / "transcript.srt", speech::to_srt(result.transcript));
  write_text(staging.path() / "transcript.vtt", speech::to_vtt(result.transcript));
  const auto report = clips_json(opt.input, opt.settings, result);
  write_text(staging.path() / "clips.json", text::to_json_text(report, 2));
  staging.commit();

  if (opt.json) {
    std::cout << text::to_json_text(report, 2) << "\n";
  } else {
    std::cout << clips_table(result) << "wrote " << result.clips.size() << " clip(s) to " << out_dir.string() << "\n";
  }
}

}  // namespace

void add_process_command(CLI::App& app) {
  auto opt = std::make_shared<ProcessOptions>();
  auto* cmd = app.add_subcommand("process", "Find the best moments of a video and render them as clips");
  cmd->add_option("INPUT", opt->input,
                  "The video to cut clips from (mp4, mov, mkv, webm, ts, avi, flv); it needs a picture and sound")
      ->required();
  cmd->add_option("-o,--output", opt->out_dir,
                  "Folder for clip-NN.mp4, clip-NN.jpg, transcript.* and clips.json (default: INPUT-clips)")
      ->envname("CLIPGEN_OUTPUT");
  cmd->add_option("--clips", opt->settings.num_clips, "How many clips to make, 1-20")
      ->envname("CLIPGEN_CLIPS")->capture_default_str();
  cmd->add_option("--min-duration", opt->settings.min_duration, "Shortest clip, seconds (5-180)")
      ->envname("CLIPGEN_MIN_DURATION")->capture_default_str();
  cmd->add_option("--max-duration", opt->settings.max_duration, "Longest clip, seconds (5-180)")
      ->envname("CLIPGEN_MAX_DURATION")->capture_default_str();
  add_framing_options(*cmd, opt->settings);
  cmd->add_option("--prompt", opt->settings.prompt, "What to look for, e.g. \"the funniest moments\"");
  add_engine_options(*cmd, opt->engines);
  cmd->add_flag("--json", opt->json, "Print clips.json instead of a table");
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress on stderr");
  cmd->callback([opt] { run_process(*opt); });
}

}  // namespace clipgen::app
