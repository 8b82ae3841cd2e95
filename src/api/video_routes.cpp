// POST /api/videos (upload), GET /api/videos, GET/DELETE /api/videos/{id},
// GET /api/videos/{id}/transcript
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "api/authenticate.h"
#include "api/json_io.h"
#include "api/json_mapping.h"
#include "api/routes.h"
#include "api/scratch_folder.h"
#include "api/upload_receiver.h"
#include "api/video_intake.h"
#include "db/ids.h"
#include "db/job_repository.h"
#include "db/transcript_repository.h"
#include "db/video_repository.h"
#include "jobs/worker.h"
#include "speech/transcript_format.h"

namespace fs = std::filesystem;

namespace clipgen::api {
namespace {

db::Video find_video(ApiContext& context, const std::string& id, const std::string& user_id) {
  auto video = db::VideoRepository(context.db).get(id, user_id);
  if (!video) throw not_found("video");
  return *video;
}

void upload_video(ApiContext& context, const httplib::Request& req, httplib::Response& res,
                  const httplib::ContentReader& reader) {
  const std::string user_id = authenticate(req, context);
  // Refused before the body is read when the announced size already breaks a quota.
  check_upload_quota(context, user_id, req.get_header_value<std::uint64_t>("Content-Length"));
  const std::string video_id = db::new_id();
  ScratchFolder scratch(context.upload_dir / video_id);
  const auto upload = receive_upload(req, res, reader, scratch.path(), context.limits.max_upload_bytes);

  const std::string key = original_key(user_id, video_id, upload.filename);
  const auto video = probe_video(
      {.video_id = video_id, .user_id = user_id, .filename = upload.filename, .path = upload.path, .storage_key = key},
      context.limits.quotas);
  context.storage.put_file(key, upload.path, video.content_type);
  send_json(res, 201, {{"video", video_json(save_video(context, video))}});
}

void delete_video(ApiContext& context, const std::string& id, const std::string& user_id) {
  // The jobs' own folders hold more than the rows list (subtitles): remove them whole.
  const auto jobs = db::JobRepository(context.db).list(user_id, id);
  const auto keys = db::VideoRepository(context.db).remove(id, user_id);
  if (!keys) throw not_found("video");
  for (const auto& key : *keys) context.storage.remove(key);
  for (const auto& job : jobs) context.storage.remove_prefix(jobs::job_prefix(user_id, job.id));
  context.storage.remove_prefix(fmt::format("users/{}/videos/{}/", user_id, id));
}

}  // namespace

void add_video_routes(Router& router, ApiContext& context) {
  router.post("/api/videos", [&context](const auto& req, auto& res, const auto& reader) {
    upload_video(context, req, res, reader);
  });

  router.get("/api/videos", [&context](const auto& req, auto& res) {
    const auto videos = db::VideoRepository(context.db).list(authenticate(req, context));
    auto list = nlohmann::json::array();
    for (const auto& video : videos) list.push_back(video_json(video));
    send_json(res, 200, {{"videos", list}});
  });

  router.get("/api/videos/{id}", [&context](const auto& req, auto& res) {
    const auto video = find_video(context, req.matches[1].str(), authenticate(req, context));
    send_json(res, 200, {{"video", video_json(video)}});
  });

  router.del("/api/videos/{id}", [&context](const auto& req, auto& res) {
    delete_video(context, req.matches[1].str(), authenticate(req, context));
    res.status = 204;
  });

  router.get("/api/videos/{id}/jobs", [&context](const auto& req, auto& res) {
    const std::string user_id = authenticate(req, context);
    const auto video = find_video(context, req.matches[1].str(), user_id);
    auto list = nlohmann::json::array();
    for (const auto& job : db::JobRepository(context.db).list(user_id, video.id)) list.push_back(job_json(job));
    send_json(res, 200, {{"jobs", list}});
  });

  router.get("/api/videos/{id}/transcript", [&context](const auto& req, auto& res) {
    const std::string user_id = authenticate(req, context);
    const auto video = find_video(context, req.matches[1].str(), user_id);
    const std::string format = req.has_param("format") ? req.get_param_value("format") : "json";
    if (format != "json" && format != "srt" && format != "vtt") throw invalid_field("format", "must be json, srt or vtt");
    const auto transcript = db::TranscriptRepository(context.db).latest(video.id, user_id);
    if (!transcript) throw HttpError(404, "not_found", "no transcript yet: it is made by the video's first job");
    if (format == "json") {
      send_json(res, 200, speech::to_json(*transcript));
    } else if (format == "srt") {
      res.set_content(speech::to_srt(*transcript), "application/x-subrip; charset=utf-8");
    } else {
      res.set_content(speech::to_vtt(*transcript), "text/vtt; charset=utf-8");
    }
  });
}

}  // namespace clipgen::api
