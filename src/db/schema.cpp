#include "db/schema.h"

#include <nlohmann/json.hpp>

#include <string>
#include <tuple>
#include <vector>

namespace clipgen::db {
namespace {

// Clips made before the editor: their framing is the settings of the job that made them.
void clip_framing_from_jobs(soci::session& sql) {
  std::vector<std::tuple<std::string, std::string, std::string, int, std::string>> framings;
  const soci::rowset<soci::row> rows = (sql.prepare << "SELECT c.id, j.settings FROM clips c JOIN jobs j ON j.id = c.job_id");
  for (const auto& row : rows) {
    const auto settings = nlohmann::json::parse(row.get<std::string>(1), nullptr, false);
    if (!settings.is_object()) continue;  // the column defaults (the job defaults) stand
    framings.emplace_back(row.get<std::string>(0), settings.value("aspect", "9:16"), settings.value("layout", "auto"),
                          settings.value("captions", false) ? 1 : 0, settings.value("caption_style", "bold"));
  }
  for (auto& [id, aspect, layout, captions, style] : framings)
    sql << "UPDATE clips SET aspect = :a, layout = :l, captions = :c, caption_style = :s WHERE id = :id",
        soci::use(aspect), soci::use(layout), soci::use(captions), soci::use(style), soci::use(id);
}

}  // namespace

// Portable SQL for SQLite and PostgreSQL alike: TEXT ids (UUIDs), BIGINT milliseconds since
// the epoch for times, INTEGER 0/1 for flags, JSON kept as TEXT.
const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1,
       "initial schema",
       {
           R"(CREATE TABLE users (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL))",
           R"(CREATE TABLE videos (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id),
                filename TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size_bytes BIGINT NOT NULL,
                duration_s DOUBLE PRECISION NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                has_audio INTEGER NOT NULL,
                storage_key TEXT NOT NULL,
                status TEXT NOT NULL,
                created_at BIGINT NOT NULL))",
           "CREATE INDEX videos_by_user ON videos (user_id, created_at)",
           R"(CREATE TABLE transcripts (
                video_id TEXT NOT NULL REFERENCES videos(id),
                user_id TEXT NOT NULL REFERENCES users(id),
                engine TEXT NOT NULL,
                language TEXT NOT NULL,
                words TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (video_id, engine, language)))",
           R"(CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                video_id TEXT NOT NULL REFERENCES videos(id),
                user_id TEXT NOT NULL REFERENCES users(id),
                settings TEXT NOT NULL,
                status TEXT NOT NULL
                  CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'canceled')),
                stage TEXT NOT NULL DEFAULT '',
                progress DOUBLE PRECISION NOT NULL DEFAULT 0,
                error TEXT NOT NULL DEFAULT '',
                notes TEXT NOT NULL DEFAULT '[]',
                attempts INTEGER NOT NULL DEFAULT 0,
                lease_owner TEXT NOT NULL DEFAULT '',
                lease_expires_at BIGINT,
                llm_input_tokens BIGINT NOT NULL DEFAULT 0,
                llm_output_tokens BIGINT NOT NULL DEFAULT 0,
                llm_cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                started_at BIGINT,
                finished_at BIGINT))",
           "CREATE INDEX jobs_by_status ON jobs (status, created_at)",
           "CREATE INDEX jobs_by_user ON jobs (user_id, created_at)",
           "CREATE INDEX jobs_by_video ON jobs (video_id)",
           R"(CREATE TABLE clips (
                id TEXT PRIMARY KEY,
                job_id TEXT NOT NULL REFERENCES jobs(id),
                video_id TEXT NOT NULL REFERENCES videos(id),
                user_id TEXT NOT NULL REFERENCES users(id),
                clip_number INTEGER NOT NULL,
                start_s DOUBLE PRECISION NOT NULL,
                end_s DOUBLE PRECISION NOT NULL,
                title TEXT NOT NULL,
                text TEXT NOT NULL,
                virality_score INTEGER NOT NULL CHECK (virality_score BETWEEN 1 AND 10),
                reason TEXT NOT NULL,
                hashtags TEXT NOT NULL,
                storage_key TEXT NOT NULL,
                thumbnail_key TEXT NOT NULL,
                width INTEGER NOT NULL,
                height INTEGER NOT NULL,
                size_bytes BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (job_id, clip_number)))",
           "CREATE INDEX clips_by_video ON clips (video_id)",
       }},
      {2,
       "forget transcripts timed before pauses were counted",
       {
           // pocketsphinx's own silence removal shifted every word after a pause earlier; the
           // transcripts are a cache, so later jobs transcribe again with the right times.
           "DELETE FROM transcripts",
       }},
      {3,
       "sessions and the fair queue",
       {
           // A token names its session; deleting the row revokes the token (logout, password
           // change, account deletion).
           R"(CREATE TABLE sessions (
                id TEXT PRIMARY KEY,
                user_id TEXT NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL))",
           "CREATE INDEX sessions_by_user ON sessions (user_id)",
           "CREATE INDEX sessions_by_expiry ON sessions (expires_at)",
           // The fair queue: queued jobs grouped by user in age order, and when each user last
           // had a job started.
           "CREATE INDEX jobs_queue ON jobs (status, user_id, created_at)",
           "CREATE INDEX jobs_by_user_started ON jobs (user_id, started_at)",
           "CREATE INDEX videos_by_user_size ON videos (user_id, size_bytes)",
       },
       // Number 2 on the abuse branch, which databases ran before main's 2 was merged in.
       2},
      {4,
       "the engine that made a job's words",
       {
           // "gemini:gemini-2.5-flash-lite", "pocketsphinx" after a fallback, ...: what the user
           // is told about the words' source; '' for jobs that ran before.
           "ALTER TABLE jobs ADD COLUMN transcript_engine TEXT NOT NULL DEFAULT ''",
       }},
      {5,
       "transcripts users give",
       {
           // A user's own words for a video (captions or a transcript), one per video: later
           // jobs time these instead of recognising words. `revision` changes with every upload,
           // so a transcript cached from an earlier one is never reused.
           R"(CREATE TABLE given_transcripts (
                video_id TEXT PRIMARY KEY REFERENCES videos(id),
                user_id TEXT NOT NULL REFERENCES users(id),
                revision TEXT NOT NULL,
                kind TEXT NOT NULL,
                word_count INTEGER NOT NULL,
                words TEXT NOT NULL,
                created_at BIGINT NOT NULL))",
           "CREATE INDEX given_transcripts_by_user ON given_transcripts (user_id)",
       }},
      {6,
       "the clip editor",
       {
           // A clip is re-rendered by a job of its own (kind 'render', naming the clip); its
           // framing is kept with it, since an edit may change it from its job's settings.
           "ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'process'",
           "ALTER TABLE jobs ADD COLUMN clip_id TEXT",
           "CREATE INDEX jobs_by_clip ON jobs (clip_id, status)",
           // version: 1 as a job made it, +1 per re-render (0: made by hand, not rendered yet).
           "ALTER TABLE clips ADD COLUMN version INTEGER NOT NULL DEFAULT 1",
           "ALTER TABLE clips ADD COLUMN origin TEXT NOT NULL DEFAULT 'job'",
           "ALTER TABLE clips ADD COLUMN aspect TEXT NOT NULL DEFAULT '9:16'",
           "ALTER TABLE clips ADD COLUMN layout TEXT NOT NULL DEFAULT 'auto'",
           "ALTER TABLE clips ADD COLUMN captions INTEGER NOT NULL DEFAULT 0",
           "ALTER TABLE clips ADD COLUMN caption_style TEXT NOT NULL DEFAULT 'bold'",
           // The clip's .srt and the .ass burned into it ('' when none was kept).
           "ALTER TABLE clips ADD COLUMN subtitles_key TEXT NOT NULL DEFAULT ''",
           "ALTER TABLE clips ADD COLUMN captions_key TEXT NOT NULL DEFAULT ''",
       },
       0,
       clip_framing_from_jobs},
  };
  return all;
}

}  // namespace clipgen::db
