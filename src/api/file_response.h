#pragma once
// Answers with a file streamed from disk in pieces (never read whole into memory, unlike
// httplib's mount points), with byte-range support for video players.
#include <httplib.h>

#include <filesystem>
#include <string>

namespace clipgen::api {

// A Content-Type for a file name: video/mp4, image/jpeg, text/html, ...; application/octet-stream
// when the extension is unknown.
std::string mime_type(const std::filesystem::path& file);

// Sets `res` to stream `file` (200, or 206 for a Range request; 416 for a range past the end).
// Throws HttpError 404 when the file is missing.
void send_file(const httplib::Request& req, httplib::Response& res, const std::filesystem::path& file,
               const std::string& content_type);

}  // namespace clipgen::api
