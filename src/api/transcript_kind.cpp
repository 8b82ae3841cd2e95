#include "api/transcript_kind.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "api/http_error.h"

namespace clipgen::api {
namespace {

using speech::TranscriptKind;

std::string media_type(std::string_view content_type) {
  std::string type(content_type.substr(0, content_type.find(';')));
  std::erase_if(type, [](unsigned char c) { return std::isspace(c); });
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::tolower(c); });
  return type;
}

// Control bytes other than tab, line feed, form feed and carriage return do not occur in text.
bool has_control_bytes(std::string_view body) {
  return std::any_of(body.begin(), body.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\f' && byte != '\r') || byte == 0x7f;
  });
}

// The first two non-blank lines.
std::array<std::string_view, 2> first_lines(std::string_view text) {
  std::array<std::string_view, 2> lines;
  std::size_t found = 0;
  while (!text.empty() && found < lines.size()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) lines[found++] = line;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

TranscriptKind sniffed(std::string_view body) {
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  const auto start = body.find_first_not_of(" \t\r\n\f");
  if (start == std::string_view::npos) return TranscriptKind::text;
  body.remove_prefix(start);
  if (body.starts_with("WEBVTT")) return TranscriptKind::vtt;
  if (body.starts_with("{")) return TranscriptKind::json;
  for (const auto line : first_lines(body))
    if (!line.empty() && std::isdigit(static_cast<unsigned char>(line.front())) &&
        line.find("-->") != std::string_view::npos)
      return TranscriptKind::srt;
  return TranscriptKind::text;
}

}  // namespace

TranscriptKind transcript_kind(std::string_view content_type, std::string_view body) {
  const std::string type = media_type(content_type);
  const bool srt = type == "application/x-subrip" || type == "application/srt" || type == "text/srt";
  const bool vtt = type == "text/vtt";
  const bool json = type == "application/json";
  const bool sniff = type.empty() || type == "text/plain" || type == "application/octet-stream";
  if (!srt && !vtt && !json && !sniff)
    throw HttpError(415, "unsupported_media_type",
                    "a transcript is SubRip (application/x-subrip), WebVTT (text/vtt), clipgen's transcript JSON "
                    "(application/json) or plain text (text/plain), not " + type);
  if (body.empty()) throw bad_request("the transcript is empty");
  if (body.starts_with("\xFF\xFE") || body.starts_with("\xFE\xFF"))
    throw bad_request("the transcript is UTF-16 text: save it as UTF-8");
  if (has_control_bytes(body))
    throw bad_request("the transcript is not text (it holds control bytes): send UTF-8 text");
  if (srt) return TranscriptKind::srt;
  if (vtt) return TranscriptKind::vtt;
  if (json) return TranscriptKind::json;
  return sniffed(body);
}

}  // namespace clipgen::api
