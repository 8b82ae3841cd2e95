#include "db/clip_repository.h"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "db/clip_rows.h"
#include "db/ids.h"
#include "db/row_queries.h"
#include "db/row_reader.h"
#include "db/write_transaction.h"
#include "text/json_text.h"

namespace clipgen::db {
namespace {

constexpr const char* kStoredColumns =
    "id, job_id, video_id, user_id, clip_number, start_s, end_s, title, text, virality_score, reason, hashtags, "
    "storage_key, thumbnail_key, subtitles_key, captions_key, width, height, size_bytes, version, origin, aspect, "
    "layout, captions, caption_style, created_at";
// As stored, and the render job waiting or running for the clip (at most one: JobRepository::queue_render).
const std::string kColumns = fmt::format(
    "{}, (SELECT j.id FROM jobs j WHERE j.clip_id = clips.id AND j.status IN ('queued', 'running') LIMIT 1)",
    kStoredColumns);

Clip read_clip(const soci::row& row) {
  RowReader r(row);
  Clip c;
  c.id = r.text();
  c.job_id = r.text();
  c.video_id = r.text();
  c.user_id = r.text();
  c.clip_number = static_cast<int>(r.integer());
  c.start_s = r.real();
  c.end_s = r.real();
  c.title = r.text();
  c.text = r.text();
  c.virality_score = static_cast<int>(r.integer());
  c.reason = r.text();
  c.hashtags = nlohmann::json::parse(r.text()).get<std::vector<std::string>>();
  c.storage_key = r.text();
  c.thumbnail_key = r.text();
  c.subtitles_key = r.text();
  c.captions_key = r.text();
  c.width = static_cast<int>(r.integer());
  c.height = static_cast<int>(r.integer());
  c.size_bytes = static_cast<std::uint64_t>(r.integer());
  c.version = static_cast<int>(r.integer());
  c.origin = r.text();
  c.aspect = r.text();
  c.layout = r.text();
  c.captions = r.flag();
  c.caption_style = r.text();
  c.created_at = r.time();
  c.pending_job_id = r.optional_text().value_or("");
  return c;
}

}  // namespace

void insert_clip(soci::session& sql, const Clip& c) {
  const std::string hashtags = text::to_json_text(nlohmann::json(c.hashtags));
  const long long size = static_cast<long long>(c.size_bytes);
  const long long created = to_millis(c.created_at);
  const int captions = c.captions ? 1 : 0;
  sql << "INSERT INTO clips (" << kStoredColumns
      << ") VALUES (:id, :job, :video, :user, :number, :start, :end, :title, :text, :score, :reason, :hashtags, "
         ":key, :thumb, :subtitles, :ass, :width, :height, :size, :version, :origin, :aspect, :layout, :captions, "
         ":style, :created)",
      soci::use(c.id), soci::use(c.job_id), soci::use(c.video_id), soci::use(c.user_id), soci::use(c.clip_number),
      soci::use(c.start_s), soci::use(c.end_s), soci::use(c.title), soci::use(c.text), soci::use(c.virality_score),
      soci::use(c.reason), soci::use(hashtags), soci::use(c.storage_key), soci::use(c.thumbnail_key),
      soci::use(c.subtitles_key), soci::use(c.captions_key), soci::use(c.width), soci::use(c.height), soci::use(size),
      soci::use(c.version), soci::use(c.origin), soci::use(c.aspect), soci::use(c.layout), soci::use(captions),
      soci::use(c.caption_style), soci::use(created);
}

std::optional<Clip> select_clip(Session& sql, const std::string& id, const std::string& user_id) {
  return find_owned(sql, "clips", kColumns, id, user_id, read_clip);
}

std::vector<std::string> clip_files(const Clip& clip) {
  std::vector<std::string> keys;
  for (const auto* key : {&clip.storage_key, &clip.thumbnail_key, &clip.subtitles_key, &clip.captions_key})
    if (!key->empty()) keys.push_back(*key);
  return keys;
}

std::vector<Clip> write_job_clips(soci::session& sql, const std::string& job_id, const std::string& user_id,
                                  std::vector<Clip> clips) {
  const Timestamp created = now();
  for (auto& clip : clips) {
    if (clip.job_id != job_id || clip.user_id != user_id)
      throw std::invalid_argument("a clip of job " + job_id + " names another job or user");
    if (clip.id.empty()) clip.id = new_id();
    clip.created_at = created;
  }
  sql << "DELETE FROM clips WHERE job_id = :j AND user_id = :u", soci::use(job_id), soci::use(user_id);
  for (const auto& clip : clips) insert_clip(sql, clip);
  return clips;
}

std::vector<Clip> ClipRepository::replace_for_job(const std::string& job_id, const std::string& user_id,
                                                  std::vector<Clip> clips) {
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  auto stored = write_job_clips(sql, job_id, user_id, std::move(clips));
  tx.commit();
  return stored;
}

std::vector<Clip> ClipRepository::list_for_job(const std::string& job_id, const std::string& user_id) {
  auto sql = db_.session();
  return all_rows(sql, fmt::format("SELECT {} FROM clips WHERE job_id = :j AND user_id = :u ORDER BY clip_number", kColumns),
                  read_clip, job_id, user_id);
}

std::optional<Clip> ClipRepository::get(const std::string& id, const std::string& user_id) {
  auto sql = db_.session();
  return select_clip(sql, id, user_id);
}

bool ClipRepository::set_title(const std::string& id, const std::string& user_id, const std::string& title) {
  auto sql = db_.session();
  return affected(sql, "UPDATE clips SET title = :t WHERE id = :id AND user_id = :u", soci::use(title), soci::use(id),
                  soci::use(user_id)) == 1;
}

std::optional<Clip> ClipRepository::remove(const std::string& id, const std::string& user_id) {
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  auto clip = select_clip(sql, id, user_id);
  if (!clip) return std::nullopt;
  const long long at = to_millis(now());
  // Its worker notices at the next lease renewal or progress write, and its files are never published.
  sql << "UPDATE jobs SET status = 'canceled', finished_at = :at, lease_owner = '', lease_expires_at = NULL "
         "WHERE clip_id = :c AND user_id = :u AND status IN ('queued', 'running')",
      soci::use(at), soci::use(id), soci::use(user_id);
  sql << "DELETE FROM clips WHERE id = :id AND user_id = :u", soci::use(id), soci::use(user_id);
  tx.commit();
  return clip;
}

}  // namespace clipgen::db
