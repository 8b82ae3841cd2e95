#pragma once
// Streams the `file` part of a multipart upload to disk as it arrives, never holding the
// whole file in memory, and stops storing (but keeps draining, so the connection stays
// usable) once it passes the size limit.
#include <httplib.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace clipgen::api {

struct ReceivedUpload {
  std::filesystem::path path;  // inside the folder given to receive_upload
  std::string filename;        // as the client named it
  std::uint64_t size = 0;
};

// A file name safe to use on disk and in messages: letters, digits, '.', '-', '_' kept, other
// characters become '_', at most 100 characters; "upload" when nothing is left. Pure.
std::string safe_filename(const std::string& name);

// Receives the upload into `dir` (which must exist). Throws HttpError: 422 when the request
// is not multipart or has no non-empty `file` part, 413 past `limit` bytes (or when httplib
// refused a body over the server's limit: `res` then holds 413), 400 when the body ends early.
ReceivedUpload receive_upload(const httplib::Request& req, const httplib::Response& res,
                              const httplib::ContentReader& reader, const std::filesystem::path& dir,
                              std::uint64_t limit);

}  // namespace clipgen::api
