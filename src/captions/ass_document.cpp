#include "captions/ass_document.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace clipgen::captions {
namespace {

// Braces open ASS override blocks and a backslash starts an escape: neither may reach libass
// from a transcript.
std::string plain_text(const std::string& word, bool uppercase) {
  std::string out;
  for (char c : word) {
    if (c == '{') c = '(';
    else if (c == '}') c = ')';
    else if (c == '\\') c = '/';
    else if (uppercase && static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(std::toupper(c));
    out += c;
  }
  return out;
}

std::string header(const CaptionStyle& style, const Frame& frame) {
  const SafeArea safe = safe_area(frame);
  const int size = font_pixels(style, frame);
  return fmt::format(
      "[Script Info]\n"
      "ScriptType: v4.00+\n"
      "PlayResX: {w}\n"
      "PlayResY: {h}\n"
      "WrapStyle: 0\n"
      "ScaledBorderAndShadow: yes\n"
      "\n"
      "[V4+ Styles]\n"
      "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, Bold, Italic, "
      "Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, Shadow, Alignment, MarginL, "
      "MarginR, MarginV, Encoding\n"
      "Style: Caption,{font},{size},{text},{text},{outline_colour},&H80000000,{bold},0,0,0,100,100,0,0,{border},"
      "{outline:.1f},{shadow:.1f},2,{sides},{sides},{bottom},1\n"
      "\n"
      "[Events]\n"
      "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n",
      fmt::arg("w", frame.width), fmt::arg("h", frame.height), fmt::arg("font", style.font), fmt::arg("size", size),
      fmt::arg("text", style.text_colour), fmt::arg("outline_colour", style.outline_colour),
      fmt::arg("bold", style.bold ? -1 : 0), fmt::arg("border", style.boxed ? 3 : 1),
      fmt::arg("outline", size * style.outline), fmt::arg("shadow", size * style.shadow),
      fmt::arg("sides", safe.sides), fmt::arg("bottom", safe.bottom));
}

}  // namespace

std::string ass_time(double seconds) {
  const long cs = std::lround(std::max(0.0, seconds) * 100);
  return fmt::format("{}:{:02}:{:02}.{:02}", cs / 360000, cs / 6000 % 60, cs / 100 % 60, cs % 100);
}

std::string cue_markup(const CaptionCue& cue, std::size_t spoken, const CaptionStyle& style) {
  std::string text;
  for (std::size_t i = 0; i < cue.words.size(); ++i) {
    if (i) text += ' ';
    const std::string word = plain_text(cue.words[i].text, style.uppercase);
    const int speaker = cue.words[i].speaker;
    if (i != spoken && speaker > 0 && !style.speaker_colours.empty()) {
      const auto& colour = style.speaker_colours[static_cast<std::size_t>(speaker - 1) % style.speaker_colours.size()];
      text += fmt::format("{{\\c{}&}}{}{{\\r}}", colour, word);
    } else if (i != spoken) {
      text += word;
    } else if (style.highlight_scale != 100) {
      text += fmt::format("{{\\c{0}&\\fscx{1}\\fscy{1}}}{2}{{\\r}}", style.highlight_colour, style.highlight_scale,
                          word);
    } else {
      text += fmt::format("{{\\c{}&}}{}{{\\r}}", style.highlight_colour, word);
    }
  }
  return text;
}

std::string ass_document(const std::vector<CaptionCue>& cues, const CaptionStyle& style, const Frame& frame,
                         const std::vector<Keepout>& keepouts) {
  std::string doc = header(style, frame);
  for (const auto& cue : cues) {
    std::string words;
    for (const auto& w : cue.words) words += (words.empty() ? "" : " ") + plain_text(w.text, style.uppercase);
    const Placement place =
        place_caption(cue.start(), cue.end(), caption_height(words, style, frame), frame, keepouts);
    const std::string anchor = place.anchor == Anchor::Top ? "{\\an8}" : "";
    // One event per word, from its start to the next word's: the cue stays up, the highlight moves.
    for (std::size_t i = 0; i < cue.words.size(); ++i) {
      const double from = cue.words[i].start;
      const double to = i + 1 < cue.words.size() ? cue.words[i + 1].start : cue.end();
      doc += fmt::format("Dialogue: 0,{},{},Caption,,0,0,{},,{}{}\n", ass_time(from), ass_time(to), place.margin,
                         anchor, cue_markup(cue, i, style));
    }
  }
  return doc;
}

}  // namespace clipgen::captions
