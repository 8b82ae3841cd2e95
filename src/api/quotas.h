#pragma once
// Per-user limits, so that one account cannot take the service from everyone else: jobs queued
// and running, uploads a day, bytes stored, and the size of a video's picture and its length
// (a job's memory and time grow with both). Each is a setting (README, "The web service");
// the decisions here are pure and name the limit that was hit.
#include <cstdint>
#include <optional>

#include "api/http_error.h"
#include "db/user_usage.h"

namespace clipgen::api {

struct UserQuotas {
  int max_active_jobs = 5;                        // CLIPGEN_MAX_ACTIVE_JOBS
  int max_uploads_per_day = 50;                   // CLIPGEN_MAX_UPLOADS_PER_DAY (rolling 24 h)
  std::uint64_t max_stored_bytes = 20ull << 30;   // CLIPGEN_MAX_STORED_BYTES (originals + clips)
  double max_video_seconds = 4 * 3600;            // CLIPGEN_MAX_VIDEO_SECONDS
  std::int64_t max_video_pixels = 4096LL * 2160;  // CLIPGEN_MAX_VIDEO_PIXELS (width x height)
};

// 429 quota_uploads when a day's uploads are used up; 413 quota_storage when `incoming_bytes`
// more would pass the stored-bytes limit. nullopt: the upload may go ahead.
std::optional<HttpError> upload_refusal(const db::UserUsage& usage, std::uint64_t incoming_bytes,
                                        const UserQuotas& quotas);

// 429 quota_jobs when the user already has the most jobs queued or running.
std::optional<HttpError> job_refusal(const db::UserUsage& usage, const UserQuotas& quotas);

// 422 (field "file") video_too_long or video_too_large for a probed video over the limits.
std::optional<HttpError> video_refusal(double duration_seconds, int width, int height, const UserQuotas& quotas);

}  // namespace clipgen::api
