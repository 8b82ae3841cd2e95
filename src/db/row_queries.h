#pragma once
// Reading query results into structs, shared by the repositories. Internal to db.
#include <soci/soci.h>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace clipgen::db {

template <typename Read>
using RowType = std::invoke_result_t<Read, const soci::row&>;

// The first row read by `read`, or nullopt when there is none.
template <typename Read>
std::optional<RowType<Read>> first_row(soci::rowset<soci::row> rows, Read read) {
  for (const auto& row : rows) return read(row);
  return std::nullopt;
}

template <typename Read>
std::vector<RowType<Read>> all_rows(soci::rowset<soci::row> rows, Read read) {
  std::vector<RowType<Read>> out;
  for (const auto& row : rows) out.push_back(read(row));
  return out;
}

// The row of `table` with this id, only when it belongs to `user_id`.
template <typename Read>
std::optional<RowType<Read>> find_owned(soci::session& sql, std::string_view table, std::string_view columns,
                                        const std::string& id, const std::string& user_id, Read read) {
  return first_row((sql.prepare << fmt::format("SELECT {} FROM {} WHERE id = :id AND user_id = :u", columns, table),
                    soci::use(id), soci::use(user_id)),
                   read);
}

// Runs an INSERT, UPDATE or DELETE and tells how many rows it changed.
template <typename... Uses>
long long affected(soci::session& sql, const std::string& query, Uses&&... uses) {
  soci::statement st = (sql.prepare << query, ..., std::forward<Uses>(uses));
  st.execute(true);
  return st.get_affected_rows();
}

}  // namespace clipgen::db
