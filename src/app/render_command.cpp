// `clipgen render INPUT --start S --end E -o clip.mp4`: one clip made by hand, with the
// renderer, framing and captions `clipgen process` uses.
#include <csignal>
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/engines.h"
#include "app/framing_options.h"
#include "app/progress_display.h"
#include "app/staging_dir.h"
#include "jobs/scratch_file.h"
#include "jobs/settings_validation.h"
#include "jobs/single_clip.h"
#include "jobs/speech_track.h"
#include "media/audio_extract.h"
#include "media/media_error.h"
#include "media/probe.h"

namespace fs = std::filesystem;

namespace clipgen::app {
namespace {

std::atomic<bool> g_interrupted{false};

struct RenderOptions {
  fs::path input;
  fs::path output;
  jobs::ClipEdit edit;
  EngineOptions engines;
  bool quiet = false;
};

// Only the window's speech is transcribed: the engine decodes the speech spans it is given.
std::vector<speech::SpeechSpan> within(const std::vector<speech::SpeechSpan>& spans, double start, double end) {
  std::vector<speech::SpeechSpan> out;
  for (const auto& s : spans)
    if (s.end > start && s.start < end) out.push_back({std::max(s.start, start), std::min(s.end, end)});
  return out;
}

void run_render(const RenderOptions& opt) {
  if (!fs::is_regular_file(opt.input)) throw std::invalid_argument(opt.input.string() + ": no such file");
  if (opt.output.extension() != ".mp4") throw std::invalid_argument("-o: the clip is an mp4: name it FILE.mp4");
  for (const char* extension : {".mp4", ".jpg", ".srt", ".ass"}) {
    const fs::path file = fs::path(opt.output).replace_extension(extension);
    if (fs::exists(file) && !fs::is_regular_file(file))
      throw std::invalid_argument("-o: " + file.string() + " exists and is not a file (the clip's files go beside it)");
  }
  refuse_flag(jobs::validate_framing(opt.edit.framing));
  const auto info = media::probe(opt.input);
  media::require_audio_and_video(info, opt.input);
  const double usable = info.picture_end > 0 ? std::min(info.duration, info.picture_end) : info.duration;
  refuse_flag(jobs::validate_clip_bounds(opt.edit.start, opt.edit.end, usable));

  std::signal(SIGINT, [](int) { g_interrupted = true; });
  std::signal(SIGTERM, [](int) { g_interrupted = true; });
  auto transcriber = make_transcriber(opt.engines);
  const fs::path out_dir = opt.output.parent_path().empty() ? fs::path(".") : opt.output.parent_path();
  StagingDir staging(out_dir);
  ProgressDisplay display(!opt.quiet);
  // The decoded sound is needed only for the words; it goes before the staging folder is committed.
  std::string note;
  const auto transcript = [&] {
    const auto sound = jobs::extract_speech_track(opt.input, info, staging.path(), opt.edit.framing.audio_track,
                                                  [&](double f) { display.update("audio", 10 * f); });
    const jobs::ScratchFile pcm{sound.pcm};
    const media::PcmFile audio(pcm.path);
    note = sound.note;
    // Your own words are timed over the whole recording (as `process --transcript` does: where
    // they are said is what alignment finds); recognised words only inside the clip.
    const auto heard =
        opt.engines.transcript_file.empty() ? within(sound.speech, opt.edit.start, opt.edit.end) : sound.speech;
    auto words = transcriber->transcribe({audio.samples(), heard}, opt.edit.framing.language,
                                         [&](double f) { display.update("transcribe", 10 + 40 * f); });
    words.audio_track = sound.track.number;
    return words;
  }();
  const jobs::PipelineHooks hooks{
      .progress = [&](const std::string& stage, double percent) { display.update(stage, 50 + percent / 2); },
      .cancel = &g_interrupted,
  };
  const auto clip = jobs::render_single_clip(opt.input, transcript, opt.edit, staging.path(), opt.output.stem().string(),
                                             opt.engines.threads, hooks);
  display.finish();
  staging.commit();
  if (!note.empty()) std::cerr << note << "\n";
  std::cout << "wrote " << opt.output.string() << " (" << clip.width << "x" << clip.height << ", " << clip.duration
            << " s) with its .jpg thumbnail and .srt subtitles" << (clip.captions.empty() ? "" : " and .ass captions")
            << "\n";
}

}  // namespace

void add_render_command(CLI::App& app) {
  auto opt = std::make_shared<RenderOptions>();
  auto* cmd = app.add_subcommand("render", "Render one clip you pick by its start and end, framed and captioned as "
                                           "`process` frames its clips");
  cmd->add_option("INPUT", opt->input, "The video to cut the clip from; it needs a picture and sound")->required();
  cmd->add_option("--start", opt->edit.start, "Where the clip starts, seconds from the start of the video")->required();
  cmd->add_option("--end", opt->edit.end, "Where it ends, seconds; the clip lasts 5-180 s")->required();
  cmd->add_option("-o,--output", opt->output,
                  "The clip, FILE.mp4; FILE.jpg (thumbnail), FILE.srt (subtitles, clip times) and with captions "
                  "FILE.ass (the captions burned in) are written beside it, replacing files of those names")
      ->required();
  add_framing_options(*cmd, opt->edit.framing);
  add_engine_options(*cmd, opt->engines);
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress on stderr");
  cmd->callback([opt] { run_render(*opt); });
}

}  // namespace clipgen::app
