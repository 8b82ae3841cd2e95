#pragma once
// Reading query results into structs, shared by the repositories: the statements are prepared once
// per pooled connection (db/prepared_statements.h) and bound to `values`, one per placeholder in
// order. Internal to db.
#include <soci/soci.h>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "db/prepared_statements.h"

namespace clipgen::db {

template <typename Read>
using RowType = std::invoke_result_t<Read, const soci::row&>;

// The first row read by `read`, or nullopt when there is none.
template <typename Read, typename... Params>
std::optional<RowType<Read>> first_row(Session& sql, const std::string& query, Read read, const Params&... values) {
  std::optional<RowType<Read>> out;
  sql.prepared().run(
      query,
      [&](const soci::row& row) {
        out.emplace(read(row));
        return false;
      },
      values...);
  return out;
}

template <typename Read, typename... Params>
std::vector<RowType<Read>> all_rows(Session& sql, const std::string& query, Read read, const Params&... values) {
  std::vector<RowType<Read>> out;
  sql.prepared().run(
      query,
      [&](const soci::row& row) {
        out.push_back(read(row));
        return true;
      },
      values...);
  return out;
}

// The row of `table` with this id, only when it belongs to `user_id`.
template <typename Read>
std::optional<RowType<Read>> find_owned(Session& sql, std::string_view table, std::string_view columns,
                                        const std::string& id, const std::string& user_id, Read read) {
  return first_row(sql, fmt::format("SELECT {} FROM {} WHERE id = :id AND user_id = :u", columns, table), read, id,
                   user_id);
}

// Runs an INSERT, UPDATE or DELETE and tells how many rows it changed.
template <typename... Uses>
long long affected(soci::session& sql, const std::string& query, Uses&&... uses) {
  soci::statement st = (sql.prepare << query, ..., std::forward<Uses>(uses));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace clipgen::db
