#pragma once
// Answers with a file from disk. The server streams it in pieces at the client's pace and
// answers Range requests (206, or 416 for a range past the end); see src/http/byte_ranges.h.
#include <filesystem>
#include <string>

#include "http/response.h"

namespace clipgen::api {

// A Content-Type for a file name: video/mp4, image/jpeg, text/html, ...; application/octet-stream
// when the extension is unknown.
std::string mime_type(const std::filesystem::path& file);

// Sets `res` to send `file`. Throws HttpError 404 when the file is missing.
void send_file(http::Response& res, const std::filesystem::path& file, const std::string& content_type);

}  // namespace clipgen::api
