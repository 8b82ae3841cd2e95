#pragma once
// Writes the `file` part of a multipart/form-data upload to disk as the body arrives, piece by
// piece, never holding the file in memory; other fields are skipped.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "http/multipart_reader.h"

namespace clipgen::api {

struct ReceivedUpload {
  std::filesystem::path path;  // inside the folder given to the receiver
  std::string filename;        // as the client named it
  std::uint64_t size = 0;
};

// A file name safe to use on disk and in messages: letters, digits, '.', '-', '_' kept, other
// characters become '_', at most 100 characters; "upload" when nothing is left. Pure.
std::string safe_filename(const std::string& name);

class UploadReceiver {
 public:
  // Throws HttpError 422 when `content_type` is not multipart/form-data with a boundary. The
  // file goes into `dir`, which must exist before the first write.
  UploadReceiver(const std::string& content_type, std::filesystem::path dir, std::uint64_t limit);
  UploadReceiver(const UploadReceiver&) = delete;
  UploadReceiver& operator=(const UploadReceiver&) = delete;

  // Throws HttpError 413 once the file passes `limit` bytes, 400 for broken multipart framing,
  // std::runtime_error when the disk refuses the bytes.
  void write(std::string_view piece);
  // After the last piece. Throws HttpError 400 when the body ended before its closing boundary,
  // 422 when it had no non-empty `file` part.
  ReceivedUpload finish();

 private:
  std::filesystem::path dir_;
  std::uint64_t limit_;
  std::unique_ptr<http::MultipartReader> reader_;
  std::ofstream out_;
  bool in_file_part_ = false;
  bool seen_file_ = false;
  ReceivedUpload upload_;
};

}  // namespace clipgen::api
