#pragma once
// The API's JSON shapes of users, videos, jobs and clips: what leaves the server, and only
// that (no password hashes, storage keys or lease owners).
#include <nlohmann/json.hpp>

#include "api/api_context.h"
#include "db/clip_repository.h"
#include "db/given_transcript_repository.h"
#include "db/job.h"
#include "db/user_repository.h"
#include "db/video_repository.h"

namespace clipgen::api {

nlohmann::json user_json(const db::User& user);
// With the transcript its user gave, when there is one ("given_transcript": null otherwise).
nlohmann::json video_json(const db::Video& video, const std::optional<db::GivenTranscriptInfo>& given = std::nullopt);
nlohmann::json given_transcript_json(const db::GivenTranscriptInfo& given);
nlohmann::json job_json(const db::Job& job);
// With fresh download and thumbnail links.
nlohmann::json clip_json(ApiContext& context, const db::Clip& clip);

}  // namespace clipgen::api
