#include "speech/transcript_format.h"

#include <fmt/format.h>

#include <cmath>
#include <stdexcept>
#include <string>

namespace clipgen::speech {
namespace {

constexpr std::size_t kCueChars = 42;
constexpr double kCueSeconds = 5.0;
constexpr double kCuePause = 0.6;  // a pause this long starts a new cue

// "HH:MM:SS<sep>mmm"
std::string timestamp(double seconds, char separator) {
  const long long ms = std::llround(std::max(0.0, seconds) * 1000.0);
  return fmt::format("{:02}:{:02}:{:02}{}{:03}", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, separator, ms % 1000);
}

// A word's speaker label: a whole number from 1 (0 or absent: unknown).
int speaker_of(const nlohmann::json& word) {
  constexpr int kMostSpeakers = 1000;  // far beyond any picture's people
  const auto it = word.find("speaker");
  if (it == word.end()) return 0;
  if (!it->is_number_integer() || *it < 0 || *it > kMostSpeakers)
    throw std::invalid_argument("a word's speaker must be a whole number from 0 to " + std::to_string(kMostSpeakers) +
                                ", not " + it->dump());
  return it->get<int>();
}

}  // namespace

nlohmann::json to_json(const Transcript& t) {
  nlohmann::json words = nlohmann::json::array();
  for (const auto& w : t.words) {
    words.push_back({{"text", w.text}, {"start", w.start}, {"end", w.end}, {"confidence", w.confidence}});
    if (w.estimated) words.back()["estimated"] = true;
    if (w.speaker > 0) words.back()["speaker"] = w.speaker;
  }
  return {{"engine", t.engine}, {"language", t.language}, {"duration", t.duration}, {"audio_track", t.audio_track},
          {"words", words}};
}

Transcript transcript_from_json(const nlohmann::json& json) {
  try {
    Transcript t;
    t.engine = json.at("engine").get<std::string>();
    t.language = json.at("language").get<std::string>();
    t.duration = json.at("duration").get<double>();
    t.audio_track = json.value("audio_track", 1);
    for (const auto& w : json.at("words"))
      t.words.push_back({w.at("text").get<std::string>(), w.at("start").get<double>(), w.at("end").get<double>(),
                         w.value("confidence", 1.0), w.value("estimated", false), speaker_of(w)});
    return t;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("not a clipgen transcript: ") + e.what());
  }
}

std::vector<Cue> make_cues(const std::vector<Word>& words) {
  std::vector<Cue> cues;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    const bool fresh = cues.empty() || w.start - words[i - 1].end >= kCuePause || w.speaker != cues.back().speaker ||
                       cues.back().text.size() + 1 + w.text.size() > kCueChars || w.end - cues.back().start > kCueSeconds;
    if (fresh) {
      cues.push_back({w.start, w.end, w.text, w.speaker});
    } else {
      cues.back().text += " " + w.text;
      cues.back().end = w.end;
    }
  }
  return cues;
}

std::string to_srt(const Transcript& t) {
  std::string out;
  int n = 0, speaker = 0;
  for (const auto& cue : make_cues(t.words)) {
    // A turn starts with its speaker's name, the way subtitles of a dialogue mark a new voice
    // (again after words of nobody known).
    const std::string name = cue.speaker > 0 && cue.speaker != speaker ? fmt::format("Speaker {}: ", cue.speaker) : "";
    speaker = cue.speaker;
    out += fmt::format("{}\n{} --> {}\n{}{}\n\n", ++n, timestamp(cue.start, ','), timestamp(cue.end, ','), name,
                       cue.text);
  }
  return out;
}

std::string to_vtt(const Transcript& t) {
  std::string out = "WEBVTT\n\n";
  for (const auto& cue : make_cues(t.words)) {
    // WebVTT's voice span names the speaker of every cue.
    const std::string voice = cue.speaker > 0 ? fmt::format("<v Speaker {}>", cue.speaker) : "";
    out += fmt::format("{} --> {}\n{}{}\n\n", timestamp(cue.start, '.'), timestamp(cue.end, '.'), voice, cue.text);
  }
  return out;
}

Transcript clip_transcript(const Transcript& t, double start, double end) {
  Transcript clip;
  clip.engine = t.engine;
  clip.language = t.language;
  clip.duration = end - start;
  for (const auto& w : t.words)
    if (w.start >= start && w.end <= end) {
      clip.words.push_back(w);
      clip.words.back().start -= start;
      clip.words.back().end -= start;
    }
  return clip;
}

}  // namespace clipgen::speech
