#include "api/quotas.h"

#include <fmt/format.h>

namespace clipgen::api {

std::optional<HttpError> upload_refusal(const db::UserUsage& usage, std::uint64_t incoming_bytes,
                                        const UserQuotas& quotas) {
  if (usage.uploads_last_day >= quotas.max_uploads_per_day)
    return HttpError(429, "quota_uploads",
                     fmt::format("you have uploaded {} videos in the last 24 hours, the most allowed "
                                 "(CLIPGEN_MAX_UPLOADS_PER_DAY); try again later",
                                 usage.uploads_last_day));
  if (incoming_bytes > quotas.max_stored_bytes || usage.stored_bytes > quotas.max_stored_bytes - incoming_bytes)
    return HttpError(413, "quota_storage",
                     fmt::format("this upload would take your stored videos and clips to {} bytes, over the "
                                 "limit of {} bytes (CLIPGEN_MAX_STORED_BYTES); delete some videos first",
                                 usage.stored_bytes + incoming_bytes, quotas.max_stored_bytes));
  return std::nullopt;
}

std::optional<HttpError> job_refusal(const db::UserUsage& usage, const UserQuotas& quotas) {
  if (usage.active_jobs < quotas.max_active_jobs) return std::nullopt;
  return HttpError(429, "quota_jobs",
                   fmt::format("you have {} jobs queued or running, the most allowed (CLIPGEN_MAX_ACTIVE_JOBS); "
                               "wait for one to finish or cancel one",
                               usage.active_jobs));
}

std::optional<HttpError> video_refusal(double duration_seconds, int width, int height, const UserQuotas& quotas) {
  if (duration_seconds > quotas.max_video_seconds)
    return HttpError(422, "video_too_long",
                     fmt::format("the video lasts {:.0f} s, longer than the limit of {:.0f} s "
                                 "(CLIPGEN_MAX_VIDEO_SECONDS)",
                                 duration_seconds, quotas.max_video_seconds),
                     "file");
  if (static_cast<std::int64_t>(width) * height > quotas.max_video_pixels)
    return HttpError(422, "video_too_large",
                     fmt::format("the picture is {}x{} pixels, more than the limit of {} pixels "
                                 "(CLIPGEN_MAX_VIDEO_PIXELS; 4096x2160 by default)",
                                 width, height, quotas.max_video_pixels),
                     "file");
  return std::nullopt;
}

}  // namespace clipgen::api
