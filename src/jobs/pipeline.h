#pragma once
// One job from input video to finished clips: probe, audio, transcribe, find highlights,
// render. Shared by `clipgen process` (writes to a folder) and the service's workers (which
// then publish the files to storage and the database).
#include <atomic>
#include <cstdint>
#include <stdexcept>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "speech/pocketsphinx_transcriber.h"
#include "speech/transcriber.h"

namespace clipgen::jobs {

struct ClipSettings {
  int num_clips = 5;           // 1..20
  double min_duration = 20;    // seconds, 5..180, < max_duration
  double max_duration = 60;
  std::string aspect = "9:16"; // 9:16 | 1:1 | 16:9 | original
  std::string layout = "auto"; // auto | fill | split | fit
  bool captions = false;
  std::string caption_style = "bold";
  std::string language = "en";
  std::string prompt;          // optional wish for the analyzer
  int audio_track = 0;         // 1-based audio track to listen to; 0: the one with the most speech
};

struct ClipOutput {
  int number = 0;                      // 1-based, in rank order
  analysis::Highlight highlight;
  std::filesystem::path video;         // clip-NN.mp4
  std::filesystem::path thumbnail;     // clip-NN.jpg
  std::filesystem::path subtitles;     // clip-NN.srt, times relative to the clip
  std::filesystem::path captions;      // the .ass burned in, kept here when set (else scratch)
  int width = 0, height = 0;
  double duration = 0;                 // measured on the written file
  std::uint64_t size_bytes = 0;
  // The clip's words (times from its start), labelled with who says them when its picture shows
  // two or more people (reframe/active_speaker.h).
  std::vector<speech::Word> words;
};

// Copies the speaker labels of `clip`'s words onto the same words of `transcript` (the whole
// input's), so that the video's transcript shows the turns of every clip rendered from it.
void keep_speaker_labels(speech::Transcript& transcript, const ClipOutput& clip);

struct PipelineResult {
  speech::Transcript transcript;
  std::vector<ClipOutput> clips;
  std::vector<std::string> notes;      // e.g. "only 3 clips of 20-60 s fit this video"
  analysis::LlmUsage usage;
  bool transcribed = false;            // false: the cached transcript was used
};

// Stage names reported through progress, in order ("align": a render job timing fixed words).
inline constexpr const char* kStages[] = {"probe", "audio", "transcribe", "align", "analyze", "render"};

struct PipelineHooks {
  // (stage, percent 0..100 of the whole job). Called often; throttle at the receiver.
  std::function<void(const std::string& stage, double percent)> progress;
  // Polled between units of work; when it turns true the pipeline throws Canceled.
  const std::atomic<bool>* cancel = nullptr;
};

struct Canceled : std::runtime_error {
  Canceled() : std::runtime_error("canceled") {}
};

struct PipelineEngines {
  speech::Transcriber& transcriber;
  analysis::Analyzer& analyzer;
  unsigned threads = 0;  // CPU threads for rendering; 0: every core
  // Times the corrected words of a reused transcript (speech/correction_timing.h).
  speech::PocketsphinxOptions word_timing = speech::installed_pocketsphinx();
};

// Runs the whole job, writing clip files into `out_dir` (created if needed). When `cached`
// holds a transcript of the same audio track of this input, transcription is skipped (its
// corrected words are timed from the audio: result.transcript has those times). Throws media::MediaError for
// input the user must fix, Canceled, or std::runtime_error for everything else; on a throw
// no clip file is left half-written in out_dir.
PipelineResult run_pipeline(const std::filesystem::path& input, const std::filesystem::path& out_dir,
                            const ClipSettings& settings, PipelineEngines engines,
                            const std::optional<speech::Transcript>& cached, const PipelineHooks& hooks);

}  // namespace clipgen::jobs
