#include "api/upload_receiver.h"

#include <fmt/format.h>

#include <fstream>

#include "api/http_error.h"

namespace fs = std::filesystem;

namespace clipgen::api {
namespace {

constexpr const char* kFileField = "file";
constexpr std::size_t kMaxNameLength = 100;

}  // namespace

std::string safe_filename(const std::string& name) {
  // Only the last path component: a browser on Windows may send "C:\dir\talk.mp4".
  const auto slash = name.find_last_of("/\\");
  const std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
  std::string safe;
  for (char c : base) {
    if (safe.size() == kMaxNameLength) break;
    const bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
    safe += plain ? c : '_';
  }
  const auto first = safe.find_first_not_of('.');  // no hidden files, no "." or ".."
  safe = first == std::string::npos ? "" : safe.substr(first);
  return safe.empty() ? "upload" : safe;
}

ReceivedUpload receive_upload(const httplib::Request& req, const httplib::Response& res,
                              const httplib::ContentReader& reader, const fs::path& dir, std::uint64_t limit) {
  if (!req.is_multipart_form_data())
    throw invalid_field(kFileField, "send the video as multipart/form-data in a field named \"file\"");
  ReceivedUpload upload;
  std::ofstream out;
  bool in_file_part = false;
  bool seen_file = false;
  bool over_limit = false;
  bool write_failed = false;
  const bool complete = reader(
      [&](const httplib::MultipartFormData& part) {
        in_file_part = part.name == kFileField && !seen_file;
        if (in_file_part) {
          seen_file = true;
          upload.filename = part.filename;
          upload.path = dir / safe_filename(part.filename);
          out.open(upload.path, std::ios::binary | std::ios::trunc);
          if (!out) throw std::runtime_error("cannot create " + upload.path.string());
        } else if (out.is_open()) {
          out.close();
        }
        return true;
      },
      [&](const char* data, std::size_t length) {
        if (!in_file_part || over_limit) return true;  // other fields and excess bytes are drained
        if (upload.size + length > limit) {
          over_limit = true;
          out.close();
          fs::remove(upload.path);
          return true;
        }
        out.write(data, static_cast<std::streamsize>(length));
        upload.size += length;
        write_failed = !out;
        return !write_failed;
      });
  if (out.is_open()) out.close();
  if (write_failed) throw std::runtime_error("cannot write " + upload.path.string() + " (disk full?)");
  if (over_limit || res.status == 413) throw too_large(fmt::format("the file is larger than the limit of {} bytes", limit));
  if (!complete) throw bad_request("the upload ended before the whole body arrived");
  if (!seen_file) throw invalid_field(kFileField, "no part named \"file\" in the form");
  if (upload.size == 0) throw invalid_field(kFileField, "the file is empty");
  return upload;
}

}  // namespace clipgen::api
