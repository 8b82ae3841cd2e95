#include "api/upload_receiver.h"

#include <fmt/format.h>

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

UploadReceiver::UploadReceiver(const std::string& content_type, fs::path dir, std::uint64_t limit)
    : dir_(std::move(dir)), limit_(limit) {
  const auto boundary = http::MultipartReader::boundary_of(content_type);
  if (!boundary) throw invalid_field(kFileField, "send the video as multipart/form-data in a field named \"file\"");
  reader_ = std::make_unique<http::MultipartReader>(
      *boundary,
      http::MultipartReader::Callbacks{
          .begin_part =
              [this](const http::MultipartReader::Part& part) {
                if (out_.is_open()) out_.close();
                in_file_part_ = part.name == kFileField && !seen_file_;
                if (!in_file_part_) return;
                seen_file_ = true;
                upload_.filename = part.filename;
                upload_.path = dir_ / safe_filename(part.filename);
                out_.open(upload_.path, std::ios::binary | std::ios::trunc);
                if (!out_) throw std::runtime_error("cannot create " + upload_.path.string());
              },
          .content =
              [this](std::string_view bytes) {
                if (!in_file_part_) return;  // other fields are skipped
                if (upload_.size + bytes.size() > limit_)
                  throw too_large(fmt::format("the file is larger than the limit of {} bytes", limit_));
                out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
                if (!out_) throw std::runtime_error("cannot write " + upload_.path.string() + " (disk full?)");
                upload_.size += bytes.size();
              },
      });
}

void UploadReceiver::write(std::string_view piece) { reader_->feed(piece); }

ReceivedUpload UploadReceiver::finish() {
  reader_->finish();
  if (out_.is_open()) {
    out_.close();
    if (!out_) throw std::runtime_error("cannot write " + upload_.path.string() + " (disk full?)");
  }
  if (!seen_file_) throw invalid_field(kFileField, "no part named \"file\" in the form");
  if (upload_.size == 0) throw invalid_field(kFileField, "the file is empty");
  return upload_;
}

}  // namespace clipgen::api
