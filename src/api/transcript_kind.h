#pragma once
// Which kind of transcript a body sent to PUT /api/videos/{id}/transcript is. Pure.
//
// By Content-Type (parameters such as charset ignored): application/x-subrip, application/srt
// or text/srt: SubRip; text/vtt: WebVTT; application/json: clipgen's transcript JSON. A type
// that says no more than "text" or "bytes" (text/plain, application/octet-stream, or none) is
// sniffed from the content, after a UTF-8 byte order mark and blank space: "WEBVTT" starts
// WebVTT, '{' JSON, a cue timing line (a digit first, "-->" in it) among the first two lines
// SubRip; anything else is plain text.
#include <string_view>

#include "speech/transcript_file.h"

namespace clipgen::api {

// Throws HttpError: 415 for another Content-Type, 400 for an empty body or one that is not text
// (NUL or other control bytes, UTF-16).
speech::TranscriptKind transcript_kind(std::string_view content_type, std::string_view body);

}  // namespace clipgen::api
