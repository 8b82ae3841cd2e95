#include "api/video_intake.h"

#include <fmt/format.h>

#include <optional>

#include "api/http_error.h"
#include "api/upload_receiver.h"
#include "db/user_repository.h"
#include "media/media_error.h"
#include "media/probe.h"
#include "text/display_text.h"

namespace fs = std::filesystem;

namespace clipgen::api {
namespace {

constexpr std::size_t kMaxExtensionLength = 6;  // ".mp4", ".webm"; longer is no extension
constexpr std::size_t kMaxFilenameCodePoints = 255;

// The type from what the file holds, never from what the client claimed.
std::string content_type_of(const media::MediaInfo& info) {
  const auto is = [&](const char* name) { return info.format.find(name) != std::string::npos; };
  if (is("mp4")) return "video/mp4";
  if (is("matroska")) {  // WebM is the Matroska that holds only VP8, VP9 or AV1 (and Opus or Vorbis)
    const auto& v = info.video_codec;
    return v == "vp8" || v == "vp9" || v == "av1" ? "video/webm" : "video/x-matroska";
  }
  if (is("mpegts")) return "video/mp2t";
  if (is("avi")) return "video/x-msvideo";
  if (is("flv")) return "video/x-flv";
  return "application/octet-stream";
}

// The name shown for the video: what the client sent, made valid UTF-8 without control or
// invisible characters (it is listed as JSON for as long as the video exists).
std::string stored_filename(const IntakeFile& file) {
  const auto name = text::display_text(file.filename.empty() ? file.path.filename().string() : file.filename,
                                       kMaxFilenameCodePoints);
  return name.empty() ? "upload" : name;
}

}  // namespace

std::string original_key(const std::string& user_id, const std::string& video_id, const std::string& filename) {
  const std::string extension = fs::path(safe_filename(filename)).extension().string();
  return fmt::format("users/{}/videos/{}/original{}", user_id, video_id,
                     extension.size() <= kMaxExtensionLength ? extension : "");
}

db::Video probe_video(const IntakeFile& file, const UserQuotas& quotas) {
  media::MediaInfo info;
  try {
    info = media::probe(file.path);
    media::require_audio_and_video(info, file.path);
  } catch (const media::MediaError& e) {
    throw HttpError(422, "unusable_media", e.what(), "file");
  }
  if (auto refusal = video_refusal(info.duration, info.width, info.height, quotas)) throw *refusal;
  db::Video video;
  video.id = file.video_id;
  video.user_id = file.user_id;
  video.filename = stored_filename(file);
  video.content_type = content_type_of(info);
  video.size_bytes = fs::file_size(file.path);
  video.duration_s = info.duration;
  video.width = info.width;
  video.height = info.height;
  video.has_audio = info.has_audio;
  video.storage_key = file.storage_key;
  video.status = "ready";
  return video;
}

void check_upload_quota(ApiContext& context, const std::string& user_id, std::uint64_t incoming_bytes) {
  if (auto refusal = upload_refusal(db::UserRepository(context.db).usage(user_id, db::now()), incoming_bytes,
                                    context.limits.quotas))
    throw *refusal;
}

db::Video save_video(ApiContext& context, const db::Video& video) {
  db::VideoRepository videos(context.db);
  const auto admit = [&](const db::UserUsage& usage) {
    if (auto refusal = upload_refusal(usage, video.size_bytes, context.limits.quotas)) throw *refusal;
  };
  try {
    return videos.create(video, admit);
  } catch (const HttpError&) {
    context.storage.remove(video.storage_key);  // refused by a quota: nothing of it stays
    throw;
  } catch (...) {
    std::optional<db::Video> existing;
    try {
      existing = videos.get(video.id, video.user_id);
    } catch (...) {
      // The database is failing: the insert's own error is the one to report.
    }
    if (existing) return *existing;
    context.storage.remove(video.storage_key);
    throw;
  }
}

}  // namespace clipgen::api
