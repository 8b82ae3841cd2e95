#include "llm/highlight_prompt.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "text/json_text.h"

namespace clipgen::llm {

namespace {

std::string sentence_text(const speech::Transcript& transcript, const analysis::Sentence& sentence) {
  std::string text;
  for (std::size_t i = sentence.first; i <= sentence.last; ++i)
    text += (text.empty() ? "" : " ") + transcript.words[i].text;
  return text;
}

double number_field(const nlohmann::json& item, const char* name) {
  const auto it = item.find(name);
  if (it == item.end()) throw std::invalid_argument(fmt::format("a highlight has no \"{}\"", name));
  if (it->is_number()) return it->get<double>();
  // Some models quote numbers; accept "12.5" but nothing vaguer.
  if (it->is_string()) {
    std::size_t used = 0;
    const std::string text = it->get<std::string>();
    const double value = std::stod(text, &used);
    if (used == text.size()) return value;
  }
  throw std::invalid_argument(fmt::format("a highlight's \"{}\" is not a number: {}", name, text::to_json_text(*it)));
}

std::string string_field(const nlohmann::json& item, const char* name) {
  const auto it = item.find(name);
  return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Prompt highlight_prompt(const analysis::AnalysisRequest& request, const std::vector<analysis::Sentence>& sentences,
                        const PromptWindow& window) {
  Prompt prompt;
  prompt.system =
      "You are a video editor who finds the moments of a long talk that work as short vertical clips for "
      "TikTok, Reels and Shorts. A good clip opens with a hook, makes one complete point, and ends on a "
      "payoff. You only ever use the times given in the transcript.";
  std::string lines;
  for (std::size_t i = window.first; i <= window.last && i < sentences.size(); ++i)
    lines += fmt::format("[{:.2f}-{:.2f}] {}\n", sentences[i].start, sentences[i].end,
                         sentence_text(request.transcript, sentences[i]));
  prompt.user = fmt::format(
      "Find the {} best clips in this transcript. Each line is one sentence with its start and end in seconds.\n"
      "Rules:\n"
      "- start is the start time of a line and end is the end time of a later (or the same) line.\n"
      "- Every clip lasts between {:g} and {:g} seconds; clips do not overlap.\n"
      "- score is the virality from 1 (dull) to 10 (will go viral); reason names what drives it in one line.\n"
      "- title: at most 8 words; hook: the opening line that grabs attention; hashtags: 2 to 4, each starting "
      "with #.\n"
      "{}"
      "Best clip first.\n\nTranscript ({} language):\n{}",
      request.num_clips, request.min_duration, request.max_duration,
      request.prompt.empty() ? "" : fmt::format("- The viewer asked for: {}\n", request.prompt),
      request.transcript.language, lines);
  return prompt;
}

nlohmann::json highlight_schema() {
  const nlohmann::json string_type = {{"type", "string"}};
  nlohmann::json highlight = {
      {"type", "object"},
      {"properties",
       {{"start", {{"type", "number"}, {"description", "seconds from the start of the video"}}},
        {"end", {{"type", "number"}, {"description", "seconds from the start of the video"}}},
        {"title", string_type},
        {"hook", string_type},
        {"score", {{"type", "integer"}, {"description", "virality from 1 to 10"}}},
        {"reason", string_type},
        {"hashtags", {{"type", "array"}, {"items", string_type}}}}},
      {"required", {"start", "end", "title", "hook", "score", "reason", "hashtags"}},
      {"additionalProperties", false}};
  return {{"type", "object"},
          {"properties", {{"highlights", {{"type", "array"}, {"items", highlight}}}}},
          {"required", {"highlights"}},
          {"additionalProperties", false}};
}

std::vector<analysis::Highlight> parse_highlights(const std::string& answer) {
  std::string text = answer;
  // Models sometimes wrap JSON in a Markdown fence even when asked for JSON only.
  if (const auto fence = text.find("```"); fence != std::string::npos) {
    const auto open = text.find('\n', fence);
    const auto close = text.rfind("```");
    if (open != std::string::npos && close > open) text = text.substr(open + 1, close - open - 1);
  }
  const auto json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded()) throw std::invalid_argument("the answer is not valid JSON");
  const nlohmann::json* list = &json;
  if (json.is_object()) {
    const auto it = json.find("highlights");
    if (it == json.end()) throw std::invalid_argument("the answer has no \"highlights\"");
    list = &*it;
  }
  if (!list->is_array()) throw std::invalid_argument("\"highlights\" is not a list");
  std::vector<analysis::Highlight> highlights;
  for (const auto& item : *list) {
    if (!item.is_object()) throw std::invalid_argument("a highlight is not an object");
    analysis::Highlight h;
    h.start = number_field(item, "start");
    h.end = number_field(item, "end");
    const double score = item.contains("score") ? number_field(item, "score") : 1.0;
    h.score = std::isfinite(score) ? static_cast<int>(std::lround(std::clamp(score, -1e6, 1e6))) : 1;
    h.title = string_field(item, "title");
    h.hook = string_field(item, "hook");
    h.reason = string_field(item, "reason");
    if (const auto tags = item.find("hashtags"); tags != item.end() && tags->is_array())
      for (const auto& tag : *tags)
        if (tag.is_string()) h.hashtags.push_back(tag.get<std::string>());
    highlights.push_back(std::move(h));
  }
  return highlights;
}

}  // namespace clipgen::llm
