#include "app/clip_report.h"

#include <cmath>
#include <fmt/format.h>

namespace clipgen::app {
namespace {

double round_ms(double seconds) { return std::round(seconds * 1000.0) / 1000.0; }

std::string shorten(const std::string& text, std::size_t width) {
  if (text.size() <= width) return text;
  std::size_t cut = width - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 safe
  return text.substr(0, cut) + "...";
}

std::string clock(double seconds) {
  const long total = std::lround(seconds);
  return fmt::format("{}:{:02}", total / 60, total % 60);
}

}  // namespace

nlohmann::json clips_json(const std::filesystem::path& input, const jobs::ClipSettings& settings,
                          const jobs::PipelineResult& result) {
  nlohmann::json clips = nlohmann::json::array();
  for (const auto& clip : result.clips) {
    const auto& h = clip.highlight;
    clips.push_back({
        {"number", clip.number},
        {"start", round_ms(h.start)},
        {"end", round_ms(h.end)},
        {"duration", round_ms(clip.duration)},
        {"title", h.title},
        {"score", h.score},
        {"reason", h.reason},
        {"hook", h.hook},
        {"hashtags", h.hashtags},
        {"text", h.text},
        {"file", clip.video.filename().string()},
        {"thumbnail", clip.thumbnail.filename().string()},
        {"subtitles", clip.subtitles.filename().string()},
        {"width", clip.width},
        {"height", clip.height},
        {"size_bytes", clip.size_bytes},
    });
  }
  return {
      {"source", input.filename().string()},
      {"settings",
       {{"clips", settings.num_clips},
        {"min_duration", settings.min_duration},
        {"max_duration", settings.max_duration},
        {"aspect", settings.aspect},
        {"layout", settings.layout},
        {"captions", settings.captions},
        {"caption_style", settings.caption_style},
        {"language", settings.language},
        {"prompt", settings.prompt}}},
      {"transcript", {{"engine", result.transcript.engine}, {"file", "transcript.json"}}},
      {"clips", clips},
      {"notes", result.notes},
  };
}

std::string clips_table(const jobs::PipelineResult& result) {
  std::string out = fmt::format("{:>2}  {:>5}  {:>11}  {:>5}  {}\n", "#", "score", "time", "secs", "title");
  for (const auto& clip : result.clips) {
    const auto& h = clip.highlight;
    out += fmt::format("{:>2}  {:>5}  {:>5}-{:<5}  {:>5.1f}  {}\n", clip.number, h.score, clock(h.start),
                       clock(h.end), clip.duration, shorten(h.title, 48));
    out += fmt::format("{:>32}{}\n", "", shorten(h.reason, 72));
  }
  for (const auto& note : result.notes) out += "note: " + note + "\n";
  return out;
}

}  // namespace clipgen::app
