#include "api/json_mapping.h"

#include <fmt/format.h>

#include "api/media_links.h"

namespace clipgen::api {
namespace {

nlohmann::json optional_time(const std::optional<db::Timestamp>& time) {
  return time ? nlohmann::json(db::to_iso8601(*time)) : nlohmann::json(nullptr);
}

// null for "".
nlohmann::json optional_text(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

}  // namespace

nlohmann::json user_json(const db::User& user) {
  return {{"id", user.id}, {"email", user.email}, {"created_at", db::to_iso8601(user.created_at)}};
}

nlohmann::json given_transcript_json(const db::GivenTranscriptInfo& given) {
  return {{"kind", given.kind}, {"words", given.word_count}, {"created_at", db::to_iso8601(given.created_at)}};
}

nlohmann::json video_json(const db::Video& video, const std::optional<db::GivenTranscriptInfo>& given) {
  return {{"id", video.id},
          {"filename", video.filename},
          {"content_type", video.content_type},
          {"size_bytes", video.size_bytes},
          {"duration", video.duration_s},
          {"width", video.width},
          {"height", video.height},
          {"has_audio", video.has_audio},
          {"status", video.status},
          {"given_transcript", given ? given_transcript_json(*given) : nlohmann::json(nullptr)},
          {"created_at", db::to_iso8601(video.created_at)}};
}

nlohmann::json job_json(const db::Job& job) {
  return {{"id", job.id},
          {"video_id", job.video_id},
          {"kind", job.kind},
          {"clip_id", optional_text(job.clip_id)},
          {"status", db::to_string(job.status)},
          {"stage", job.stage},
          {"progress", job.progress},
          {"error", optional_text(job.error)},
          {"notes", job.notes},
          {"attempts", job.attempts},
          {"settings", job.settings},
          {"transcript_engine", optional_text(job.transcript_engine)},
          {"llm_usage",
           {{"input_tokens", job.llm_input_tokens},
            {"output_tokens", job.llm_output_tokens},
            {"cost_usd", job.llm_cost_usd}}},
          {"created_at", db::to_iso8601(job.created_at)},
          {"started_at", optional_time(job.started_at)},
          {"finished_at", optional_time(job.finished_at)}};
}

nlohmann::json clip_json(ApiContext& context, const db::Clip& clip) {
  const std::string base = fmt::format("clip-{:02}", clip.clip_number);
  // A clip made by hand has no files until its first render.
  const auto link = [&](const std::string& key, const std::string& name) {
    return key.empty() ? std::optional<MediaLink>() : std::optional(media_link(context, key, name));
  };
  const auto video = link(clip.storage_key, base + ".mp4");
  const auto thumbnail = link(clip.thumbnail_key, base + ".jpg");
  return {{"id", clip.id},
          {"job_id", clip.job_id},
          {"video_id", clip.video_id},
          {"number", clip.clip_number},
          {"start", clip.start_s},
          {"end", clip.end_s},
          {"duration", clip.end_s - clip.start_s},
          {"title", clip.title},
          {"text", clip.text},
          {"score", clip.virality_score},
          {"reason", clip.reason},
          {"hashtags", clip.hashtags},
          {"width", clip.width},
          {"height", clip.height},
          {"size_bytes", clip.size_bytes},
          {"version", clip.version},
          {"origin", clip.origin},
          {"aspect", clip.aspect},
          {"layout", clip.layout},
          {"captions", clip.captions},
          {"caption_style", clip.caption_style},
          {"pending_job_id", optional_text(clip.pending_job_id)},
          {"download_url", video ? nlohmann::json(video->url) : nlohmann::json(nullptr)},
          {"thumbnail_url", thumbnail ? nlohmann::json(thumbnail->url) : nlohmann::json(nullptr)},
          {"links_expire_at", video ? nlohmann::json(video->expires) : nlohmann::json(nullptr)},
          {"created_at", db::to_iso8601(clip.created_at)}};
}

}  // namespace clipgen::api
