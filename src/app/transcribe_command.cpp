// `clipgen transcribe INPUT`: the words of a recording with their times.
#include <unistd.h>

#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.h"
#include "app/engines.h"
#include "app/progress_display.h"
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
  EngineOptions engines;
  bool quiet = false;
};

// The decoded audio lives in a temporary file for as long as the transcriber reads it.
struct TempFile {
  fs::path path;
  TempFile() {
    std::string pattern = (fs::temp_directory_path() / "clipgen-audio-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("cannot create a temporary file in " + fs::temp_directory_path().string());
    close(fd);
    path = pattern;
  }
  ~TempFile() {
    std::error_code ignored;  // a leftover temp file is not worth failing over
    fs::remove(path, ignored);
  }
};

void run_transcribe(const TranscribeOptions& opt) {
  const auto info = media::probe(opt.input);
  if (!info.has_audio) throw media::MediaError(opt.input, "it has no audio stream");
  auto transcriber = make_transcriber(opt.engines);
  ProgressDisplay display(!opt.quiet);
  TempFile pcm;
  media::extract_audio_pcm(opt.input, pcm.path, [&](double f) { display.update("audio", 10 * f); });
  const media::PcmFile audio(pcm.path);
  const auto transcript = transcriber->transcribe(audio.samples(), opt.language,
                                                  [&](double f) { display.update("transcribe", 10 + 90 * f); });
  display.finish();
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
  add_engine_options(*cmd, opt->engines);
  cmd->add_flag("-q,--quiet", opt->quiet, "No progress on stderr");
  cmd->callback([opt] { run_transcribe(*opt); });
}

}  // namespace clipgen::app
