#include "api/transcript_kind.h"

#include <gtest/gtest.h>

#include <string>

#include "api/http_error.h"

namespace {

using clipgen::api::HttpError;
using clipgen::api::transcript_kind;
using clipgen::speech::TranscriptKind;

int refusal(std::string_view type, std::string_view body) {
  try {
    transcript_kind(type, body);
  } catch (const HttpError& e) {
    return e.status;
  }
  return 0;
}

const std::string kSrt = "1\n00:00:00,000 --> 00:00:02,500\nAnd so my fellow Americans,\n";

TEST(TranscriptKind, ANamedCaptionTypeIsTakenAtItsWord) {
  EXPECT_EQ(transcript_kind("application/x-subrip", "Hello"), TranscriptKind::srt);
  EXPECT_EQ(transcript_kind("text/srt; charset=utf-8", "Hello"), TranscriptKind::srt);
  EXPECT_EQ(transcript_kind("Text/VTT", "Hello"), TranscriptKind::vtt);
  EXPECT_EQ(transcript_kind("application/json", "Hello"), TranscriptKind::json);
}

TEST(TranscriptKind, PlainTextOrBytesIsSniffed) {
  EXPECT_EQ(transcript_kind("text/plain", kSrt), TranscriptKind::srt);
  // Without the cue number, and after a byte order mark and blank lines.
  EXPECT_EQ(transcript_kind("", "\xEF\xBB\xBF\n\n00:00:00.000 --> 00:00:02.500\nHello\n"), TranscriptKind::srt);
  EXPECT_EQ(transcript_kind("application/octet-stream", "\xEF\xBB\xBFWEBVTT\n\n00:00.000 --> 00:02.500\nHi\n"),
            TranscriptKind::vtt);
  EXPECT_EQ(transcript_kind("text/plain; charset=utf-8", "  {\"words\": []}"), TranscriptKind::json);
  EXPECT_EQ(transcript_kind("text/plain", "And so my fellow Americans --> ask not\n"), TranscriptKind::text);
  EXPECT_EQ(transcript_kind("text/plain", "1\n2\n3 --> 4\n"), TranscriptKind::text);  // a third line
  EXPECT_EQ(transcript_kind("", "Caf\xE9 au lait"), TranscriptKind::text);  // Latin-1: repaired when read
}

TEST(TranscriptKind, OtherTypesAreUnsupported) {
  EXPECT_EQ(refusal("video/mp4", kSrt), 415);
  EXPECT_EQ(refusal("multipart/form-data; boundary=x", kSrt), 415);
  EXPECT_EQ(refusal("text/html", kSrt), 415);
}

TEST(TranscriptKind, EmptyOrBinaryBodiesAreRefused) {
  EXPECT_EQ(refusal("text/plain", ""), 400);
  EXPECT_EQ(refusal("application/x-subrip", std::string("1\n\0\0\0", 5)), 400);
  EXPECT_EQ(refusal("", "\x89PNG\r\n\x1a\n"), 400);
  EXPECT_EQ(refusal("text/plain", "\xFF\xFEH\0i\0"), 400);  // UTF-16
  EXPECT_EQ(refusal("text/plain", std::string("Hi\x7f", 3)), 400);
}

}  // namespace
