#include "http/multipart_reader.h"

#include <gtest/gtest.h>

#include <random>

#include "http/error.h"

using clipgen::http::MultipartReader;

namespace {

struct Collected {
  std::vector<MultipartReader::Part> parts;
  std::vector<std::string> contents;
};

// Feeds `body` in pieces of `piece` bytes.
Collected read(const std::string& body, const std::string& boundary, std::size_t piece) {
  Collected collected;
  MultipartReader reader(boundary, {.begin_part =
                                        [&](const MultipartReader::Part& part) {
                                          collected.parts.push_back(part);
                                          collected.contents.emplace_back();
                                        },
                                    .content = [&](std::string_view bytes) { collected.contents.back().append(bytes); }});
  for (std::size_t at = 0; at < body.size(); at += piece) reader.feed(std::string_view(body).substr(at, piece));
  reader.finish();
  return collected;
}

// A file's bytes that hold near-misses of the delimiter: CRLF, "--", the boundary without its
// dashes, and every byte value.
std::string awkward_content(const std::string& boundary) {
  std::string content = "\r\n-\r\n--" + boundary.substr(0, boundary.size() - 1) + "\r\n" + boundary + "--\r";
  std::mt19937 random(7);
  for (int i = 0; i < 5000; ++i) content += static_cast<char>(random() & 0xff);
  return content + "\r\n--";
}

TEST(MultipartReader, ReadsTheBoundaryFromTheContentType) {
  EXPECT_EQ(MultipartReader::boundary_of("multipart/form-data; boundary=AaB03x"), "AaB03x");
  EXPECT_EQ(MultipartReader::boundary_of("Multipart/Form-Data;boundary=\"a b;c\""), "a b;c");
  EXPECT_EQ(MultipartReader::boundary_of("multipart/form-data; charset=utf-8; BOUNDARY=x"), "x");
  EXPECT_FALSE(MultipartReader::boundary_of("application/json"));
  EXPECT_FALSE(MultipartReader::boundary_of("multipart/form-data"));
  EXPECT_FALSE(MultipartReader::boundary_of("multipart/form-data; boundary="));
  EXPECT_FALSE(MultipartReader::boundary_of("multipart/form-data; boundary=" + std::string(71, 'x')));
}

TEST(MultipartReader, PartsAndTheirBytesArriveWhateverThePieceSize) {
  const std::string boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
  const std::string file = awkward_content(boundary);
  // As RFC 7578 and browsers frame it: a preamble, a plain field, a file, an epilogue.
  const std::string body = "preamble to ignore\r\n--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nMy talk\r\n--" + boundary +
                           "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\\\dir\\\\t\\\"a\\\"lk.mp4\"\r\n"
                           "Content-Type: video/mp4\r\n\r\n" +
                           file + "\r\n--" + boundary + "--\r\nepilogue";
  for (const std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{7}, boundary.size(), std::size_t{4096},
                                  body.size()}) {
    const auto got = read(body, boundary, piece);
    ASSERT_EQ(got.parts.size(), 2u) << piece;
    EXPECT_EQ(got.parts[0].name, "title");
    EXPECT_EQ(got.parts[0].filename, "");
    EXPECT_EQ(got.contents[0], "My talk");
    EXPECT_EQ(got.parts[1].name, "file");
    EXPECT_EQ(got.parts[1].filename, "C:\\dir\\t\"a\"lk.mp4");
    EXPECT_EQ(got.parts[1].content_type, "video/mp4");
    EXPECT_EQ(got.contents[1], file) << piece;
  }
}

TEST(MultipartReader, ABodyThatStartsWithItsDelimiterAndEmptyParts) {
  const std::string body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\r\n--b\r\n"
                           "Content-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\nxyz\r\n--b--";
  const auto got = read(body, "b", 3);
  ASSERT_EQ(got.parts.size(), 2u);
  EXPECT_EQ(got.contents[0], "");
  EXPECT_EQ(got.contents[1], "xyz");
}

TEST(MultipartReader, BrokenBodiesAreRefused) {
  const auto status_of = [](const std::string& body) {
    try {
      read(body, "b", 5);
    } catch (const clipgen::http::Error& e) {
      return e.status;
    }
    return 0;
  };
  // Cut before the closing delimiter.
  EXPECT_EQ(status_of("--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nabc"), 400);
  // No delimiter at all.
  EXPECT_EQ(status_of("just some bytes"), 400);
  // Text after a boundary on its line.
  EXPECT_EQ(status_of("--bX\r\n\r\n--b--"), 400);
  // A part that is not form-data.
  EXPECT_EQ(status_of("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--"), 400);
  // A part header that never ends.
  EXPECT_EQ(status_of("--b\r\nX-Long: " + std::string(20000, 'a')), 400);
}

// The 16 KiB limit on a part header holds the same whether the header arrives whole or a byte
// at a time (a header block one byte short of its end used to be counted with the empty line).
TEST(MultipartReader, APartHeaderAtTheLimitIsTakenWhateverThePieceSize) {
  const auto body_with_header_of = [](std::size_t bytes) {
    const std::string start = "Content-Disposition: form-data; name=\"file\"; filename=\"";
    return "--b\r\n" + start + std::string(bytes - start.size() - 1, 'a') + "\"\r\n\r\nxyz\r\n--b--";
  };
  for (const std::size_t piece : {std::size_t{1}, std::size_t{100000}}) {
    EXPECT_EQ(read(body_with_header_of(16 * 1024), "b", piece).contents.at(0), "xyz") << piece;
    EXPECT_THROW(read(body_with_header_of(16 * 1024 + 1), "b", piece), clipgen::http::Error) << piece;
  }
}

// A body cut off in a part's content: what was handed on before the refusal is everything but
// a tail one byte shorter than the delimiter, whether the bytes came whole or a few at a time
// (pieces that left exactly a delimiter's length held one byte more; found by fuzz_multipart).
TEST(MultipartReader, ContentHandedOnBeforeACutIsTheSameWhateverThePieceSize) {
  const std::string content = "not really a video, and no closing delimiter";
  const std::string body = "--b\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n" + content;
  for (const std::size_t piece : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, body.size()}) {
    std::string handed_on;
    MultipartReader reader("b", {.begin_part = [](const MultipartReader::Part&) {},
                                 .content = [&](std::string_view bytes) { handed_on.append(bytes); }});
    for (std::size_t at = 0; at < body.size(); at += piece) reader.feed(std::string_view(body).substr(at, piece));
    EXPECT_THROW(reader.finish(), clipgen::http::Error);
    EXPECT_EQ(handed_on, content.substr(0, content.size() - std::string("\r\n--b").size() + 1)) << piece;
  }
}

}  // namespace
