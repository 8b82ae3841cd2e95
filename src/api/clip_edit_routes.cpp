// PATCH /api/clips/{id} (trim, retitle, reframe: a render job re-renders that clip),
// POST /api/videos/{id}/clips (a clip picked by hand), DELETE /api/clips/{id}
#include <fmt/format.h>

#include "api/json_io.h"
#include "api/json_mapping.h"
#include "api/quotas.h"
#include "api/routes.h"
#include "analysis/pause_snap.h"
#include "analysis/window_description.h"
#include "db/clip_repository.h"
#include "db/ids.h"
#include "db/job_repository.h"
#include "db/transcript_repository.h"
#include "db/video_repository.h"
#include "jobs/settings_json.h"
#include "jobs/settings_validation.h"
#include "jobs/worker.h"
#include "text/display_text.h"

namespace clipgen::api {
namespace {

constexpr std::size_t kMaxTitleChars = 200;

db::Clip find_clip(ApiContext& context, const http::Request& req) {
  auto clip = db::ClipRepository(context.db).get(req.path_params[0], req.remote_user);
  if (!clip) throw not_found("clip");
  return *clip;
}

void check(const std::optional<jobs::SettingsError>& error) {
  if (error) throw invalid_field(error->field, error->message);
}

std::optional<std::string> read_title(const nlohmann::json& body) {
  const auto raw = optional_field<std::string>(body, "title");
  if (!raw) return std::nullopt;
  auto title = text::display_text(*raw, kMaxTitleChars);
  if (title.empty()) throw invalid_field("title", "must hold a visible character");
  return title;
}

// The framing in `body` over `framing` (the clip's, or the defaults), checked.
jobs::ClipSettings read_framing(const nlohmann::json& body, jobs::ClipSettings framing) {
  if (auto v = optional_field<std::string>(body, "aspect")) framing.aspect = *v;
  if (auto v = optional_field<std::string>(body, "layout")) framing.layout = *v;
  if (auto v = optional_field<bool>(body, "captions")) framing.captions = *v;
  if (auto v = optional_field<std::string>(body, "caption_style")) framing.caption_style = *v;
  check(jobs::validate_framing(framing));
  return framing;
}

// Bounds as asked are checked first (a time outside the video is the user's to fix, whatever
// snapping would make of it), then moved into pauses (unless "snap": false) and checked again.
std::pair<double, double> read_bounds(const nlohmann::json& body, double start, double end, bool start_given,
                                      bool end_given, const std::optional<speech::Transcript>& transcript,
                                      double duration) {
  check(jobs::validate_clip_bounds(start, end, duration));
  if (transcript && optional_field<bool>(body, "snap").value_or(true)) {
    if (start_given) start = analysis::snap_to_pause(*transcript, start, analysis::Boundary::start);
    if (end_given) end = analysis::snap_to_pause(*transcript, end, analysis::Boundary::end);
    end = std::min(end, duration);
    check(jobs::validate_clip_bounds(start, end, duration));
  }
  return {start, end};
}

db::Video find_video(ApiContext& context, const std::string& id, const std::string& user_id) {
  auto video = db::VideoRepository(context.db).get(id, user_id);
  if (!video) throw not_found("video");
  return *video;
}

// Queues the render; 409 when one of the clip is queued or running already.
db::Job queue_render(ApiContext& context, const std::string& clip_id, const db::Video& video,
                     const jobs::ClipEdit& edit, std::optional<db::Clip> new_clip = std::nullopt) {
  const auto admit = [&](const db::UserUsage& usage) {
    if (auto refusal = job_refusal(usage, context.limits.quotas)) throw *refusal;
  };
  auto job = db::JobRepository(context.db)
                 .queue_render(clip_id, video.id, video.user_id, jobs::to_json(edit), admit, std::move(new_clip));
  if (!job) throw HttpError(409, "render_pending", "this clip is being rendered; wait for that job or cancel it");
  return *job;
}

void send_clip_and_job(ApiContext& context, const std::string& clip_id, const std::string& user_id,
                       const db::Job& job, http::Response& res) {
  const auto clip = db::ClipRepository(context.db).get(clip_id, user_id);
  if (!clip) throw not_found("clip");  // deleted meanwhile
  send_json(res, 202, {{"clip", clip_json(context, *clip)}, {"job", job_json(job)}});
}

constexpr const char* kEditable[] = {"start", "end", "title", "aspect", "layout", "captions", "caption_style"};

void patch_clip(ApiContext& context, const http::Request& req, http::Response& res) {
  const auto body = read_json_body(req);
  const auto clip = find_clip(context, req);
  if (std::none_of(std::begin(kEditable), std::end(kEditable), [&](const char* f) { return body.contains(f); }))
    throw invalid_field("body", "give at least one of start, end, title, captions, caption_style, layout, aspect");
  for (const char* field : kEditable)
    if (const auto it = body.find(field); it != body.end() && it->is_null())
      throw invalid_field(field, "cannot be null: leave it out to keep the clip's value");
  const auto title = read_title(body);
  const bool title_only = title && std::all_of(std::begin(kEditable), std::end(kEditable), [&](const char* f) {
                            return std::string_view(f) == "title" || !body.contains(f);
                          });
  if (!clip.pending_job_id.empty())
    throw HttpError(409, "render_pending", "this clip is being rendered; wait for that job or cancel it");
  if (title_only) {
    // A title is in no file: it changes at once.
    if (!db::ClipRepository(context.db).set_title(clip.id, req.remote_user, *title)) throw not_found("clip");
    send_json(res, 200, {{"clip", clip_json(context, *db::ClipRepository(context.db).get(clip.id, req.remote_user))}});
    return;
  }
  const auto video = find_video(context, clip.video_id, req.remote_user);
  jobs::ClipSettings framing;
  framing.aspect = clip.aspect;
  framing.layout = clip.layout;
  framing.captions = clip.captions;
  framing.caption_style = clip.caption_style;
  const auto start = optional_field<double>(body, "start");
  const auto end = optional_field<double>(body, "end");
  const auto transcript = db::TranscriptRepository(context.db).latest(video.id, req.remote_user);
  const auto [from, to] = read_bounds(body, start.value_or(clip.start_s), end.value_or(clip.end_s), start.has_value(),
                                      end.has_value(), transcript, video.duration_s);
  const jobs::ClipEdit edit{.start = from, .end = to, .title = title, .framing = read_framing(body, framing)};
  send_clip_and_job(context, clip.id, req.remote_user, queue_render(context, clip.id, video, edit), res);
}

void make_clip(ApiContext& context, const http::Request& req, http::Response& res) {
  const auto body = read_json_body(req);
  const auto video = find_video(context, req.path_params[0], req.remote_user);
  const auto start = required_field<double>(body, "start");
  const auto end = required_field<double>(body, "end");
  const auto framing = read_framing(body, jobs::ClipSettings{});
  auto title = read_title(body);
  const auto transcript = db::TranscriptRepository(context.db).latest(video.id, req.remote_user);
  if (!transcript)
    throw HttpError(409, "no_transcript",
                    "this video has no transcript yet: run a job on it first (its words are the clip's captions, "
                    "title and score)");
  const auto [from, to] = read_bounds(body, start, end, true, true, transcript, video.duration_s);
  const auto described = analysis::describe_window(*transcript, from, to);

  db::Clip clip;
  clip.clip_number = 1;
  clip.start_s = from;
  clip.end_s = to;
  clip.title = title.value_or(described.title.empty()
                                  ? fmt::format("Clip at {}:{:02}", static_cast<int>(from) / 60, static_cast<int>(from) % 60)
                                  : described.title);
  clip.text = described.text;
  clip.virality_score = described.score;
  clip.reason = described.reason;
  clip.hashtags = described.hashtags;
  clip.version = 0;
  clip.origin = db::kManualClip;
  clip.aspect = framing.aspect;
  clip.layout = framing.layout;
  clip.captions = framing.captions;
  clip.caption_style = framing.caption_style;
  const std::string clip_id = db::new_id();
  const jobs::ClipEdit edit{.start = from, .end = to, .title = std::nullopt, .framing = framing};
  send_clip_and_job(context, clip_id, req.remote_user, queue_render(context, clip_id, video, edit, clip), res);
}

void delete_clip(ApiContext& context, const http::Request& req, http::Response& res) {
  const auto clip = db::ClipRepository(context.db).remove(req.path_params[0], req.remote_user);
  if (!clip) throw not_found("clip");
  for (const auto& key : db::clip_files(*clip)) context.storage.remove(key);
  // Earlier renders' leftovers, if a worker died between publishing and cleaning up.
  context.storage.remove_prefix(jobs::clip_prefix(req.remote_user, clip->id));
  res.status = 204;
}

}  // namespace

void add_clip_edit_routes(Router& router, ApiContext& context) {
  router.patch("/api/clips/{id}", Access::user,
               [&context](const http::Request& req, http::Response& res) { patch_clip(context, req, res); });
  router.post("/api/videos/{id}/clips", Access::user,
              [&context](const http::Request& req, http::Response& res) { make_clip(context, req, res); });
  router.del("/api/clips/{id}", Access::user,
             [&context](const http::Request& req, http::Response& res) { delete_clip(context, req, res); });
}

}  // namespace clipgen::api
