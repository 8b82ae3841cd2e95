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

constexpr const char* kColumns =
    "id, job_id, video_id, user_id, clip_number, start_s, end_s, title, text, virality_score, reason, hashtags, "
    "storage_key, thumbnail_key, width, height, size_bytes, created_at";

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
  c.width = static_cast<int>(r.integer());
  c.height = static_cast<int>(r.integer());
  c.size_bytes = static_cast<std::uint64_t>(r.integer());
  c.created_at = r.time();
  return c;
}

void insert_clip(soci::session& sql, const Clip& c) {
  const std::string hashtags = text::to_json_text(nlohmann::json(c.hashtags));
  const long long size = static_cast<long long>(c.size_bytes);
  const long long created = to_millis(c.created_at);
  sql << "INSERT INTO clips (" << kColumns
      << ") VALUES (:id, :job, :video, :user, :number, :start, :end, :title, :text, :score, :reason, :hashtags, "
         ":key, :thumb, :width, :height, :size, :created)",
      soci::use(c.id), soci::use(c.job_id), soci::use(c.video_id), soci::use(c.user_id), soci::use(c.clip_number),
      soci::use(c.start_s), soci::use(c.end_s), soci::use(c.title), soci::use(c.text), soci::use(c.virality_score),
      soci::use(c.reason), soci::use(hashtags), soci::use(c.storage_key), soci::use(c.thumbnail_key),
      soci::use(c.width), soci::use(c.height), soci::use(size), soci::use(created);
}

}  // namespace

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
  return find_owned(sql, "clips", kColumns, id, user_id, read_clip);
}

}  // namespace clipgen::db
