#pragma once
// The built web UI (web/dist) served at /: its files as they are, with long cache lifetimes for
// the content-hashed /assets/*, and index.html for any other path so client-side routes load.
#include <filesystem>
#include <optional>
#include <string>

#include "http/server.h"

namespace clipgen::api {

struct WebFile {
  std::filesystem::path path;
  std::string cache_control;
};

// The file to answer `url_path` with, or nullopt (404). Pure apart from checking which files
// exist; refuses anything that would leave `dist`.
std::optional<WebFile> resolve_web_file(const std::filesystem::path& dist, const std::string& url_path);

// A catch-all GET route, labelled "web"; register it after every other route.
void add_web_ui_routes(http::Server& server, const std::filesystem::path& dist);

}  // namespace clipgen::api
