// POST /api/videos/{id}/jobs, GET /api/jobs/{id}, GET /api/jobs/{id}/events,
// POST /api/jobs/{id}/cancel, GET /api/jobs/{id}/clips
#include "api/job_events.h"
#include "api/json_io.h"
#include "api/json_mapping.h"
#include "api/routes.h"
#include "db/job_repository.h"
#include "db/video_repository.h"
#include "jobs/settings_json.h"
#include "jobs/settings_validation.h"

namespace clipgen::api {
namespace {

// The settings in a job request; 422 naming the first field that is wrong.
jobs::ClipSettings read_settings(const nlohmann::json& body) {
  jobs::ClipSettings settings;
  try {
    settings = jobs::settings_from_json(body);
  } catch (const std::invalid_argument& e) {
    // The message starts with the field's name ("num_clips has the wrong type").
    const std::string message = e.what();
    const auto name_end = message.find_first_not_of("abcdefghijklmnopqrstuvwxyz_");
    throw HttpError(422, "invalid_input", message, message.substr(0, name_end));
  }
  if (const auto error = jobs::validate_settings(settings)) throw invalid_field(error->field, error->message);
  return settings;
}

db::Job find_job(ApiContext& context, const std::string& id, const std::string& user_id) {
  auto job = db::JobRepository(context.db).get(id, user_id);
  if (!job) throw not_found("job");
  return *job;
}

}  // namespace

void add_job_routes(Router& router, ApiContext& context) {
  router.post("/api/videos/{id}/jobs", Access::user, [&context](const http::Request& req, http::Response& res) {
    const std::string& user_id = req.remote_user;
    const auto body = read_json_body(req);
    const auto video = db::VideoRepository(context.db).get(req.path_params[0], user_id);
    if (!video) throw not_found("video");
    const auto settings = read_settings(body);
    const auto admit = [&](const db::UserUsage& usage) {
      if (auto refusal = job_refusal(usage, context.limits.quotas)) throw *refusal;
    };
    const auto job = db::JobRepository(context.db).create(video->id, user_id, jobs::to_json(settings), admit);
    send_json(res, 202, {{"job", job_json(job)}});
  });

  router.get("/api/jobs/{id}", Access::user, [&context](const http::Request& req, http::Response& res) {
    send_json(res, 200, {{"job", job_json(find_job(context, req.path_params[0], req.remote_user))}});
  });

  // One database read per watched job and poll interval, however many streams watch it.
  auto snapshots = std::make_shared<JobSnapshots>(context.db);
  router.get("/api/jobs/{id}/events", Access::user_or_query_token,
             [&context, snapshots](const http::Request& req, http::Response& res) {
               const auto job = find_job(context, req.path_params[0], req.remote_user);
               stream_job_events(snapshots, job.id, req.remote_user, res);
             });

  router.post("/api/jobs/{id}/cancel", Access::user, [&context](const http::Request& req, http::Response& res) {
    const auto job = db::JobRepository(context.db).cancel(req.path_params[0], req.remote_user, db::now());
    if (!job) throw not_found("job");
    send_json(res, 200, {{"job", job_json(*job)}});
  });

  router.get("/api/jobs/{id}/clips", Access::user, [&context](const http::Request& req, http::Response& res) {
    const std::string& user_id = req.remote_user;
    const auto job = find_job(context, req.path_params[0], user_id);
    auto list = nlohmann::json::array();
    for (const auto& clip : db::ClipRepository(context.db).list_for_job(job.id, user_id))
      list.push_back(clip_json(context, clip));
    send_json(res, 200, {{"clips", list}, {"job", job_json(job)}});
  });
}

}  // namespace clipgen::api
