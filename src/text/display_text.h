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

}  // namespace clipgen::text
