#include "api/file_response.h"

#include <map>

#include "api/http_error.h"

namespace fs = std::filesystem;

namespace clipgen::api {

std::string mime_type(const fs::path& file) {
  static const std::map<std::string, std::string> kTypes = {
      {".mp4", "video/mp4"},         {".m4v", "video/mp4"},       {".mov", "video/quicktime"},
      {".webm", "video/webm"},       {".mkv", "video/x-matroska"}, {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},       {".png", "image/png"},        {".svg", "image/svg+xml"},
      {".ico", "image/x-icon"},      {".webp", "image/webp"},      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript"},    {".mjs", "text/javascript"},  {".css", "text/css"},
      {".json", "application/json"}, {".map", "application/json"}, {".srt", "application/x-subrip; charset=utf-8"},
      {".ass", "text/x-ssa; charset=utf-8"},
      {".vtt", "text/vtt; charset=utf-8"},          {".txt", "text/plain; charset=utf-8"}, {".woff2", "font/woff2"},
      {".woff", "font/woff"},        {".wasm", "application/wasm"}};
  const auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

void send_file(http::Response& res, const fs::path& file, const std::string& content_type) {
  auto body = http::FileBody::open(file);
  if (!body) throw not_found("file");
  res.set_file(std::move(*body), content_type);
}

}  // namespace clipgen::api
