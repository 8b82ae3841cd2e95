#include "api/web_ui.h"

#include "api/file_response.h"
#include "api/http_error.h"
#include "api/json_io.h"
#include "api/request_context.h"

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

void add_web_ui_routes(httplib::Server& server, const fs::path& dist, const std::string& storage_origin) {
  server.Get(".*", [dist, storage_origin](const httplib::Request& req, httplib::Response& res) {
    current_request().route = "web";
    const auto file = resolve_web_file(dist, req.path);
    if (!file) throw not_found("page");
    const bool page = file->path.extension() == ".html";
    add_headers(res, security_headers(page ? ResponseKind::page : ResponseKind::asset, storage_origin));
    res.set_header("Cache-Control", file->cache_control);
    send_file(req, res, file->path, mime_type(file->path));
  });
}

}  // namespace clipgen::api
