#include "api/job_counts.h"

namespace clipgen::api {

std::map<std::string, std::int64_t> count_jobs_by_status(db::Database& db) {
  // Every status appears, at 0 when no job has it, so dashboards see a series from the start.
  std::map<std::string, std::int64_t> counts = {
      {"queued", 0}, {"running", 0}, {"succeeded", 0}, {"failed", 0}, {"canceled", 0}};
  auto sql = db.session();
  soci::rowset<soci::row> rows = (sql.prepare << "select status, count(*) from jobs group by status");
  for (const auto& row : rows) {
    // count(*) is an integer on SQLite and a bigint on PostgreSQL.
    const auto count = row.get_properties(1).get_data_type() == soci::dt_long_long ? row.get<long long>(1)
                                                                                    : row.get<int>(1);
    counts[row.get<std::string>(0)] = count;
  }
  return counts;
}

}  // namespace clipgen::api
