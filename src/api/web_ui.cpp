#include "api/web_ui.h"

#include "api/file_response.h"
#include "api/http_error.h"

namespace fs = std::filesystem;

namespace clipgen::api {
namespace {

constexpr const char* kImmutable = "public, max-age=31536000, immutable";
constexpr const char* kRevalidate = "no-cache";

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

std::optional<WebFile> resolve_web_file(const fs::path& dist, const std::string& url_path) {
  // API and file URLs never fall back to the UI: a wrong API path must answer 404.
  if (starts_with(url_path, "/api/") || url_path == "/api" || starts_with(url_path, "/files/")) return std::nullopt;
  const fs::path relative = fs::path(url_path).relative_path().lexically_normal();
  for (const auto& part : relative) {
    if (part == "..") return std::nullopt;
  }
  const std::string cache = starts_with(url_path, "/assets/") ? kImmutable : kRevalidate;
  if (!relative.empty() && relative != ".") {
    const fs::path file = dist / relative;
    if (fs::is_regular_file(file)) return WebFile{file, cache};
    // A missing asset is a 404; only extension-less paths are the app's own routes.
    if (relative.has_extension() || starts_with(url_path, "/assets/")) return std::nullopt;
  }
  const fs::path index = dist / "index.html";
  if (!fs::is_regular_file(index)) return std::nullopt;
  return WebFile{index, kRevalidate};
}

void add_web_ui_routes(http::Server& server, const fs::path& dist) {
  const http::Handler serve = [dist](const http::Request& req, http::Response& res) {
    const auto file = resolve_web_file(dist, req.path);
    if (!file) throw not_found("page");
    res.headers.set("Cache-Control", file->cache_control);
    send_file(res, file->path, mime_type(file->path));
  };
  // "/*" needs a character after the slash: the root is a pattern of its own.
  for (const char* pattern : {"/", "/*"}) server.add({.method = "GET", .pattern = pattern, .label = "web", .handler = serve});
}

}  // namespace clipgen::api
