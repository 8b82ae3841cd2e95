#include "captions/caption_style.h"

#include <algorithm>

namespace clipgen::captions {

const std::vector<CaptionStyle>& caption_styles() {
  static const std::vector<CaptionStyle> styles = [] {
    CaptionStyle bold{.name = "bold"};  // white, black outline, the spoken word yellow

    CaptionStyle boxed{.name = "boxed"};  // white on a translucent black box, the spoken word green
    boxed.boxed = true;
    boxed.outline = 0.18;
    boxed.outline_colour = "&H50000000";
    boxed.highlight_colour = "&H76E600";

    CaptionStyle pop{.name = "pop"};  // capitals, heavy outline, the spoken word bigger and orange
    pop.uppercase = true;
    pop.size = 0.09;
    pop.outline = 0.1;
    pop.shadow = 0.04;
    pop.highlight_colour = "&H00A5FF";
    pop.highlight_scale = 115;

    CaptionStyle minimal{.name = "minimal"};  // smaller and lighter, the spoken word sky blue
    minimal.bold = false;
    minimal.size = 0.065;
    minimal.outline = 0.06;
    minimal.shadow = 0.03;
    minimal.highlight_colour = "&HFFD080";
    // As bold, each speaker's words in their own colour (white, sky, mint, pink), so a
    // conversation's turns read at a glance; the spoken word yellow whoever says it.
    CaptionStyle speakers{.name = "speakers"};
    speakers.speaker_colours = {"&HFFFFFF", "&HFFE080", "&H90F090", "&HD0A0FF"};
    return std::vector{bold, boxed, pop, minimal, speakers};
  }();
  return styles;
}

const CaptionStyle* find_style(const std::string& name) {
  const auto& styles = caption_styles();
  const auto found = std::find_if(styles.begin(), styles.end(), [&](const CaptionStyle& s) { return s.name == name; });
  return found == styles.end() ? nullptr : &*found;
}

std::string style_names() {
  std::string names;
  for (const auto& style : caption_styles()) names += (names.empty() ? "" : ", ") + style.name;
  return names;
}

}  // namespace clipgen::captions
