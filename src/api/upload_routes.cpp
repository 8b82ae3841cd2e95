// POST /api/uploads, POST /api/uploads/{id}/complete: uploads that go straight from the browser
// to the bucket through a presigned PUT URL, so a large file never passes through the API
// server; completion then registers the object as a video the way POST /api/videos does.
#include <fmt/format.h>

#include <chrono>

#include "api/json_io.h"
#include "api/json_mapping.h"
#include "api/routes.h"
#include "api/scratch_folder.h"
#include "api/upload_receiver.h"
#include "api/upload_token.h"
#include "api/video_intake.h"
#include "db/ids.h"

namespace fs = std::filesystem;

namespace clipgen::api {
namespace {

constexpr std::size_t kMaxFilenameLength = 255;
constexpr const char* kDefaultContentType = "application/octet-stream";
// How long after the URL was handed out the upload may still be completed: the PUT only has to
// start within the URL's lifetime, and a large file on a slow line takes hours.
constexpr std::chrono::hours kCompletionWindow{24};

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void start_upload(ApiContext& context, const http::Request& req, http::Response& res) {
  const std::string& user_id = req.remote_user;
  const auto body = read_json_body(req);
  const auto filename = required_field<std::string>(body, "filename");
  if (filename.empty() || filename.size() > kMaxFilenameLength)
    throw invalid_field("filename", fmt::format("must have 1 to {} characters", kMaxFilenameLength));
  const auto content_type = optional_field<std::string>(body, "content_type").value_or(kDefaultContentType);
  // Signed into the URL, so it must be a plain header value.
  if (content_type.empty() || content_type.size() > 200 ||
      content_type.find_first_of("\r\n") != std::string::npos)
    throw invalid_field("content_type", "must be a media type such as video/mp4");
  const auto size = required_field<std::int64_t>(body, "size_bytes");
  if (size <= 0) throw invalid_field("size_bytes", "must be a positive number of bytes");
  if (static_cast<std::uint64_t>(size) > context.limits.max_upload_bytes)
    throw too_large(fmt::format("the file is larger than the limit of {} bytes", context.limits.max_upload_bytes));
  check_upload_quota(context, user_id, static_cast<std::uint64_t>(size));

  const std::string video_id = db::new_id();
  const std::string key = original_key(user_id, video_id, filename);
  // The length is signed into the URL: the bucket refuses a larger body (or a later PUT of
  // another size over the completed original), not only the completion call.
  const auto url = context.storage.presigned_put(key, context.limits.link_lifetime, content_type,
                                                 static_cast<std::uint64_t>(size));
  // 404 is what the web app takes as "send it to POST /api/videos instead".
  if (!url) throw HttpError(404, "not_found", "direct uploads need S3 storage: send the file to POST /api/videos");
  const UploadTicket ticket{.user_id = user_id, .video_id = video_id, .storage_key = key, .filename = filename,
                            .expires = unix_now() + std::chrono::seconds(kCompletionWindow).count()};
  send_json(res, 201,
            {{"upload",
              {{"id", issue_upload_token(ticket, context.keys.uploads)},
               {"url", *url},
               {"method", "PUT"},
               {"headers", {{"Content-Type", content_type}}}}}});
}

// Removes the uploaded object and answers with `error`: nothing the API refused stays stored.
[[noreturn]] void refuse(ApiContext& context, const UploadTicket& ticket, const HttpError& error) {
  context.storage.remove(ticket.storage_key);
  throw error;
}

void complete_upload(ApiContext& context, const http::Request& req, http::Response& res) {
  const std::string& user_id = req.remote_user;
  const auto ticket = read_upload_token(req.path_params[0], unix_now(), context.keys.uploads);
  // Another user's upload is as unknown as a forged or expired one.
  if (!ticket || ticket->user_id != user_id) throw not_found("upload");

  // Completing again (a retry after a lost answer) gives the video the first call made.
  if (const auto done = db::VideoRepository(context.db).get(ticket->video_id, user_id)) {
    send_json(res, 200, {{"video", video_json(*done)}});
    return;
  }
  const auto stored_size = context.storage.size(ticket->storage_key);
  if (!stored_size)
    throw HttpError(409, "upload_missing", "nothing has been uploaded yet: PUT the file to the upload's URL first");
  const auto too_big = too_large(fmt::format("the file is larger than the limit of {} bytes", context.limits.max_upload_bytes));
  if (*stored_size > context.limits.max_upload_bytes) refuse(context, *ticket, too_big);
  if (*stored_size == 0) refuse(context, *ticket, invalid_field("file", "the file is empty"));

  // A folder of its own per request, not per upload: two concurrent completions of one upload
  // must not remove each other's copy (and then refuse, and delete, a good object).
  ScratchFolder scratch(context.upload_dir / db::new_id());
  const fs::path local = scratch.path() / safe_filename(ticket->filename);
  context.storage.get_file(ticket->storage_key, local);
  // The object may have been replaced since it was measured: the copy is what gets probed.
  if (fs::file_size(local) > context.limits.max_upload_bytes) refuse(context, *ticket, too_big);
  db::Video video;
  try {
    video = probe_video({.video_id = ticket->video_id, .user_id = user_id, .filename = ticket->filename,
                         .path = local, .storage_key = ticket->storage_key},
                        context.limits.quotas);
  } catch (const HttpError& e) {
    refuse(context, *ticket, e);
  }
  send_json(res, 201, {{"video", video_json(save_video(context, video))}});
}

}  // namespace

void add_upload_routes(Router& router, ApiContext& context) {
  router.post("/api/uploads", Access::user,
              [&context](const http::Request& req, http::Response& res) { start_upload(context, req, res); });
  router.post("/api/uploads/{token}/complete", Access::user,
              [&context](const http::Request& req, http::Response& res) { complete_upload(context, req, res); });
}

}  // namespace clipgen::api
