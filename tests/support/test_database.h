#pragma once
// A fresh database (migrated unless asked otherwise) for one test: a new SQLite file under the test work folder, or a
// new schema in the throwaway PostgreSQL cluster the `postgres` CTest fixture started
// (scripts/pg-throwaway.sh; its URL is in <test work dir>/postgres/url). Each test gets its own
// file or schema, so tests may run in parallel.
#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <string>

#include "db/database.h"
#include "db/ids.h"
#include "db/migrations.h"

namespace clipgen::testing {

inline const char* dialect_name(db::Dialect dialect) {
  return dialect == db::Dialect::sqlite ? "sqlite" : "postgresql";
}

// The cluster's URL; throws (failing the test) when the fixture did not start one.
inline std::string throwaway_postgres_url() {
  const std::filesystem::path file = std::filesystem::path(CLIPGEN_TEST_WORK_DIR) / "postgres" / "url";
  std::ifstream in(file);
  std::string url;
  if (!std::getline(in, url) || url.empty())
    throw std::runtime_error("no PostgreSQL URL in " + file.string() +
                             ": run the test through ctest so the postgres fixture starts the cluster");
  return url;
}

class TestDatabase {
 public:
  enum class Schema { migrated, empty };

  explicit TestDatabase(db::Dialect dialect, std::size_t pool_size = 4, Schema schema = Schema::migrated)
      : dialect_(dialect) {
    const std::string name = "t_" + db::new_id().substr(0, 8);
    if (dialect == db::Dialect::sqlite) {
      sqlite_dir_ = std::filesystem::path(CLIPGEN_TEST_WORK_DIR) / "db" / name;
      std::filesystem::create_directories(sqlite_dir_);
      url_ = "sqlite://" + (sqlite_dir_ / "clipgen.db").string();
    } else {
      admin_url_ = throwaway_postgres_url();
      schema_ = name;
      {
        db::Database admin(admin_url_, {.pool_size = 1});
        auto sql = admin.session();
        sql << "CREATE SCHEMA " << schema_;
      }
      // libpq's `options` sets the search path, so every table lands in this test's schema.
      url_ = admin_url_ + "?options=-csearch_path%3D" + schema_;
    }
    db_ = std::make_unique<db::Database>(url_, db::DatabaseOptions{.pool_size = pool_size});
    if (schema == Schema::migrated) db::migrate(*db_);
  }

  ~TestDatabase() {
    db_.reset();
    if (dialect_ == db::Dialect::sqlite) {
      std::filesystem::remove_all(sqlite_dir_);
    } else {
      db::Database admin(admin_url_, {.pool_size = 1});
      auto sql = admin.session();
      sql << "DROP SCHEMA " << schema_ << " CASCADE";
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  db::Database& db() { return *db_; }
  const std::string& url() const { return url_; }

 private:
  db::Dialect dialect_;
  std::string url_;
  std::string admin_url_;
  std::string schema_;
  std::filesystem::path sqlite_dir_;
  std::unique_ptr<db::Database> db_;
};

}  // namespace clipgen::testing
