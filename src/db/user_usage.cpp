#include "db/user_usage.h"

#include <stdexcept>

namespace clipgen::db {

void lock_user(soci::session& sql, Dialect dialect, const std::string& user_id) {
  std::string found;
  soci::indicator ind = soci::i_null;
  sql << (dialect == Dialect::postgresql ? "SELECT id FROM users WHERE id = :u FOR UPDATE"
                                         : "SELECT id FROM users WHERE id = :u"),
      soci::use(user_id), soci::into(found, ind);
  if (!sql.got_data() || ind != soci::i_ok) throw std::runtime_error("the account " + user_id + " no longer exists");
}

UserUsage read_usage(soci::session& sql, const std::string& user_id, Timestamp now_at) {
  const long long since = to_millis(now_at - std::chrono::hours(24));
  UserUsage usage;
  sql << "SELECT count(*) FROM videos WHERE user_id = :u AND created_at >= :since", soci::use(user_id),
      soci::use(since), soci::into(usage.uploads_last_day);
  long long videos = 0, clips = 0;
  sql << "SELECT COALESCE(SUM(size_bytes), 0) FROM videos WHERE user_id = :u", soci::use(user_id), soci::into(videos);
  sql << "SELECT COALESCE(SUM(size_bytes), 0) FROM clips WHERE user_id = :u", soci::use(user_id), soci::into(clips);
  usage.stored_bytes = static_cast<std::uint64_t>(videos + clips);
  sql << "SELECT count(*) FROM jobs WHERE user_id = :u AND status IN ('queued', 'running')", soci::use(user_id),
      soci::into(usage.active_jobs);
  return usage;
}

}  // namespace clipgen::db
