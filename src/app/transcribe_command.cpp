// `clipgen transcribe INPUT`: the words of a recording with their times.
#include <stdlib.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/engines.h"
#include "app/progress_display.h"
#include "jobs/speech_track.h"
#include "media/audio_extract.h"
#include "media/media_error.h"
#include "media/probe.h"
#include "speech/transcript_format.h"
#include "text/json_text.h"

namespace fs = std::filesystem;

namespace clipgen::app {
namespace {

struct TranscribeOptions {
  fs::path input;
  std::string format = "json";
  std::string language = "en";
  int audio_track = 0;
  EngineOptions engines;
  bool quiet = false;
};

// A private folder for the decoded audio, removed with what is in it.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "clipgen-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
      throw std::runtime_error("cannot create a temporary folder in " + fs::temp_directory_path().string());
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;  // a leftover temp folder is not worth failing over
    fs::remove_all(path, ignored);
  }
};

void run_transcribe(const TranscribeOptions& opt) {
  const auto info = media::probe(opt.input);
  if (info.audio_tracks.empty()) throw media::MediaError(opt.input, "it has no audio stream");
  auto transcriber = make_transcriber(opt.engines);
  ProgressDisplay display(!opt.quiet);
  const TempDir work;
  const auto sound = jobs::extract_speech_track(opt.input, info, work.path, opt.audio_track,
                                                [&](double f) { display.update("audio", 10 * f); });
  const media::PcmFile audio(sound.pcm);
  auto transcript = transcriber->transcribe({audio.samples(), sound.speech}, opt.language,
                                            [&](double f) { display.update("transcribe", 10 + 90 * f); });
  transcript.audio_track = sound.track.number;
  display.finish();
  if (!sound.note.empty()) std::cerr << sound.note << "\n";
  if (opt.format == "srt") std::cout << speech::to_srt(transcript);
  else if (opt.format == "vtt") std::cout << speech::to_vtt(transcript);
  else std::cout << text::to_json_text(speech::to_json(transcript), 2) << "\n";
}

}  // namespace

void add_transcribe_command(CLI::App& app) {
  auto opt = std::make_shared<TranscribeOptions>();
  auto* cmd = app.add_subcommand("transcribe", "Print the words of a recording with their times");
  cmd->add_option("INPUT", opt->input, "The video or audio file")->required();
  cmd->add_option("--format", opt->format, "json (words with times), srt or vtt")
      ->check(CLI::IsMember({"json", "srt", "vtt"}))
      ->capture_default_str();
  cmd->add_option("--language", opt->language, "Spoken language code")->envname("CLIPGEN_LANGUAGE")->capture_default_str();
  cmd->add_option("--audio-track", opt->audio_track,
                  "Audio track to transcribe, 1-based as `clipgen probe` lists them (default: the one with the most speech)")
      ->envname("CLIPGEN_AUDIO_TRACK")->check(CLI::NonNegativeNumber);
  add_engine_options(*cmd, opt->engines);
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress on stderr");
  cmd->callback([opt] { run_transcribe(*opt); });
}

}  // namespace clipgen::app
