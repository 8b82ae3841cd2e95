#include "api/file_response.h"

#include <fstream>
#include <map>
#include <memory>
#include <vector>

#include "api/byte_ranges.h"
#include "api/http_error.h"

namespace fs = std::filesystem;

namespace clipgen::api {
namespace {

constexpr std::size_t kChunkBytes = 256 * 1024;

}  // namespace

std::string mime_type(const fs::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".mp4", "video/mp4"},         {".m4v", "video/mp4"},       {".mov", "video/quicktime"},
      {".webm", "video/webm"},       {".mkv", "video/x-matroska"}, {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},       {".png", "image/png"},        {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},      {".webp", "image/webp"},      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript"},    {".mjs", "text/javascript"},  {".css", "text/css"},
      {".json", "application/json"}, {".map", "application/json"}, {".srt", "application/x-subrip"},
      {".vtt", "text/vtt"},          {".txt", "text/plain; charset=utf-8"}, {".woff2", "font/woff2"},
      {".woff", "font/woff"},        {".wasm", "application/wasm"}};
  const auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

void send_file(const httplib::Request& req, httplib::Response& res, const fs::path& file,
               const std::string& content_type) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec || !fs::is_regular_file(file)) throw not_found("file");
  if (!ranges_satisfiable(req.ranges, size)) {
    res.status = 416;
    res.set_header("Content-Range", "bytes */" + std::to_string(size));
    return;
  }
  auto stream = std::make_shared<std::ifstream>(file, std::ios::binary);
  if (!*stream) throw not_found("file");
  res.set_header("Accept-Ranges", "bytes");
  res.set_content_provider(
      size, content_type,
      [stream, buffer = std::make_shared<std::vector<char>>(kChunkBytes)](std::size_t offset, std::size_t length,
                                                                          httplib::DataSink& sink) {
        stream->clear();
        stream->seekg(static_cast<std::streamoff>(offset));
        stream->read(buffer->data(), static_cast<std::streamsize>(std::min(length, buffer->size())));
        const auto got = stream->gcount();
        if (got <= 0) return false;  // the file shrank under us: end the response
        return sink.write(buffer->data(), static_cast<std::size_t>(got));
      });
}

}  // namespace clipgen::api
