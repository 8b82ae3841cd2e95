// multipart/form-data bodies as POST /api/videos reads them (http/multipart_reader.h), fed once
// whole and once in pieces whose sizes the input picks: the parts, their content and whether
// the body is refused must not depend on how the bytes arrived. Each file part's name is then
// made a stored name (the upload's file name on disk and the video's name as listed).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "api/upload_receiver.h"
#include "http/error.h"
#include "http/multipart_reader.h"
#include "text/display_text.h"
#include "text/utf8.h"

namespace {

using clipgen::http::MultipartReader;

struct Outcome {
  std::vector<MultipartReader::Part> parts;
  std::vector<std::string> contents;  // one per part
  bool refused = false;
  bool operator==(const Outcome& other) const {
    if (parts.size() != other.parts.size() || contents != other.contents || refused != other.refused) return false;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto& a = parts[i];
      const auto& b = other.parts[i];
      if (a.name != b.name || a.filename != b.filename || a.content_type != b.content_type) return false;
    }
    return true;
  }
};

// `piece_sizes` empty: the body in one piece.
Outcome read(std::string_view body, const std::vector<std::size_t>& piece_sizes) {
  Outcome outcome;
  MultipartReader reader("clipgenfuzz", {.begin_part =
                                             [&](const MultipartReader::Part& part) {
                                               outcome.parts.push_back(part);
                                               outcome.contents.emplace_back();
                                             },
                                         .content =
                                             [&](std::string_view bytes) {
                                               if (outcome.contents.empty()) std::abort();  // content outside a part
                                               outcome.contents.back().append(bytes);
                                             }});
  try {
    std::size_t at = 0;
    for (std::size_t i = 0; at < body.size(); ++i) {
      const std::size_t n = piece_sizes.empty() ? body.size() : piece_sizes[i % piece_sizes.size()];
      reader.feed(body.substr(at, n));
      at += n;
    }
    reader.finish();
  } catch (const clipgen::http::Error& e) {
    if (e.status != 400) std::abort();
    outcome.refused = true;
  }
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  // The first byte picks up to four piece sizes (1 to 4 bytes, or up to 64); the rest is the body.
  std::vector<std::size_t> pieces;
  for (int i = 0; i < 4; ++i) pieces.push_back(((data[0] >> (2 * i)) & 3) + 1);
  if (data[0] & 0x80) pieces = {std::size_t(data[0] & 0x3f) + 1};
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  const Outcome whole = read(body, {});
  if (!(read(body, pieces) == whole)) std::abort();
  for (const auto& part : whole.parts) {
    const auto on_disk = clipgen::api::safe_filename(part.filename);
    if (on_disk.empty() || on_disk.size() > 100 || on_disk.find('/') != std::string::npos || on_disk[0] == '.')
      std::abort();
    if (!clipgen::text::is_valid_utf8(clipgen::text::display_text(part.filename, 255))) std::abort();
  }
  return 0;
}
