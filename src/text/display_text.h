#pragma once
// Names a client sends that are kept and shown again (an upload's file name): made valid UTF-8,
// normalised to NFC, without control or invisible format characters, and bounded. Pure.
#include <cstddef>
#include <string>
#include <string_view>

namespace clipgen::text {

// `raw` made fit to store and show: ill-formed UTF-8 becomes U+FFFD, the text is NFC,
// control characters (C0, C1) and format characters (category Cf: zero-width and bidi controls)
// are dropped, surrounding white space trimmed, and at most `max_code_points` kept. Empty
// when nothing is left.
std::string display_text(std::string_view raw, std::size_t max_code_points);

// Words as a caption shows them: `text` (UTF-8) with every white space character (Unicode
// White_Space: no-break, ideographic, ... spaces) made one ASCII space between words, and the
// words that show nothing dropped: those made only of default-ignorable code points (the Hangul
// fillers, variation selectors) and combining marks with no letter to sit on. Pure.
std::string visible_words(std::string_view text);

}  // namespace clipgen::text
