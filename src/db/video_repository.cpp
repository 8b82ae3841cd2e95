#include "db/video_repository.h"

#include <stdexcept>

#include "db/row_queries.h"
#include "db/row_reader.h"
#include "db/write_transaction.h"

namespace clipgen::db {
namespace {

constexpr const char* kColumns =
    "id, user_id, filename, content_type, size_bytes, duration_s, width, height, has_audio, storage_key, status, "
    "created_at";

Video read_video(const soci::row& row) {
  RowReader r(row);
  Video v;
  v.id = r.text();
  v.user_id = r.text();
  v.filename = r.text();
  v.content_type = r.text();
  v.size_bytes = static_cast<std::uint64_t>(r.integer());
  v.duration_s = r.real();
  v.width = static_cast<int>(r.integer());
  v.height = static_cast<int>(r.integer());
  v.has_audio = r.flag();
  v.storage_key = r.text();
  v.status = r.text();
  v.created_at = r.time();
  return v;
}

std::vector<std::string> column_values(soci::session& sql, const std::string& query, const std::string& id,
                                       const std::string& user_id) {
  std::vector<std::string> values;
  soci::rowset<std::string> rows = (sql.prepare << query, soci::use(id), soci::use(user_id));
  for (const auto& value : rows) values.push_back(value);
  return values;
}

}  // namespace

Video VideoRepository::create(Video video, const AdmitCheck& admit) {
  if (video.id.empty() || video.user_id.empty()) throw std::invalid_argument("a video needs an id and a user_id");
  video.created_at = now();
  const long long size = static_cast<long long>(video.size_bytes);
  const int has_audio = video.has_audio ? 1 : 0;
  const long long created = to_millis(video.created_at);
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  if (admit) {
    lock_user(sql, db_.dialect(), video.user_id);
    admit(read_usage(sql, video.user_id, video.created_at));
  }
  sql << "INSERT INTO videos (" << kColumns
      << ") VALUES (:id, :user_id, :filename, :content_type, :size, :duration, :width, :height, :has_audio, "
         ":storage_key, :status, :created)",
      soci::use(video.id), soci::use(video.user_id), soci::use(video.filename), soci::use(video.content_type),
      soci::use(size), soci::use(video.duration_s), soci::use(video.width), soci::use(video.height),
      soci::use(has_audio), soci::use(video.storage_key), soci::use(video.status), soci::use(created);
  tx.commit();
  return video;
}

std::vector<Video> VideoRepository::list(const std::string& user_id) {
  auto sql = db_.session();
  return all_rows(sql, fmt::format("SELECT {} FROM videos WHERE user_id = :u ORDER BY created_at DESC, id", kColumns),
                  read_video, user_id);
}

std::optional<Video> VideoRepository::get(const std::string& id, const std::string& user_id) {
  auto sql = db_.session();
  return find_owned(sql, "videos", kColumns, id, user_id, read_video);
}

std::optional<std::vector<std::string>> VideoRepository::remove(const std::string& id, const std::string& user_id) {
  auto sql = db_.session();
  WriteTransaction tx(sql, db_.dialect());
  auto keys = column_values(sql, "SELECT storage_key FROM videos WHERE id = :id AND user_id = :u", id, user_id);
  if (keys.empty()) return std::nullopt;
  for (const auto* column : {"storage_key", "thumbnail_key", "subtitles_key", "captions_key"}) {
    auto clip_keys = column_values(sql, fmt::format("SELECT {0} FROM clips WHERE video_id = :id AND user_id = :u AND {0} <> ''", column),
                                   id, user_id);
    keys.insert(keys.end(), clip_keys.begin(), clip_keys.end());
  }
  for (const auto* table : {"clips", "transcripts", "given_transcripts", "jobs", "videos"}) {
    const std::string key_column = std::string(table) == "videos" ? "id" : "video_id";
    sql << "DELETE FROM " << table << " WHERE " << key_column << " = :id AND user_id = :u", soci::use(id),
        soci::use(user_id);
  }
  tx.commit();
  return keys;
}

}  // namespace clipgen::db
