#pragma once
// The caption looks a user picks from (`--caption-style`): all large, with an outline or a
// box, the spoken word highlighted; one colours each speaker's words.
#include <string>
#include <vector>

namespace clipgen::captions {

struct CaptionStyle {
  std::string name;
  std::string font = "DejaVu Sans";  // fonts-dejavu-core, found by libass through fontconfig
  bool bold = true;
  bool uppercase = false;
  double size = 0.085;         // font size, as a share of the frame's shorter side
  double outline = 0.07;       // outline (or box padding), as a share of the font size
  double shadow = 0;           // as a share of the font size
  bool boxed = false;          // an opaque box behind the words instead of an outline
  // Colours as ASS styles write them: &HAABBGGRR (alpha 00 is opaque).
  std::string text_colour = "&H00FFFFFF";
  std::string outline_colour = "&H00000000";  // the box's colour when boxed
  std::string highlight_colour = "&H00FFFF";  // as an override tag writes it: &HBBGGRR
  int highlight_scale = 100;   // percent size of the word being spoken
  // The words of speaker N (speech::Word::speaker) in colour N-1, cycling, as an override tag
  // writes it; empty, or a word of nobody known: text_colour.
  std::vector<std::string> speaker_colours;
};

// Every style, the default ("bold") first.
const std::vector<CaptionStyle>& caption_styles();

// The style called `name`, or nullptr.
const CaptionStyle* find_style(const std::string& name);

// "bold, boxed, pop, minimal, speakers": for help texts and error messages.
std::string style_names();

}  // namespace clipgen::captions
