#include <gtest/gtest.h>

#include <set>

#include "db/database.h"
#include "db/ids.h"
#include "db/job.h"
#include "db/timestamp.h"

namespace clipgen::db {
namespace {

TEST(DatabaseUrl, PostgresqlUrlsInBothSpellingsPassThrough) {
  for (const std::string url : {"postgresql://u:p@db.internal:5433/clipgen", "postgres://u:p@localhost/clipgen"}) {
    const auto target = parse_database_url(url);
    EXPECT_EQ(target.dialect, Dialect::postgresql);
    EXPECT_EQ(target.postgresql_uri, url);
  }
}

TEST(DatabaseUrl, SqliteUrlsNameAFile) {
  EXPECT_EQ(parse_database_url("sqlite:///var/lib/clipgen/clipgen.db").sqlite_file, "/var/lib/clipgen/clipgen.db");
  EXPECT_EQ(parse_database_url("sqlite://data/clipgen.db").sqlite_file, "data/clipgen.db");
  EXPECT_EQ(parse_database_url("sqlite:clipgen.db").sqlite_file, "clipgen.db");
  EXPECT_EQ(parse_database_url("sqlite:clipgen.db").dialect, Dialect::sqlite);
  EXPECT_EQ(default_sqlite_url("/srv/data"), "sqlite:///srv/data/clipgen.db");
  EXPECT_EQ(parse_database_url(default_sqlite_url("/srv/data")).sqlite_file, "/srv/data/clipgen.db");
}

TEST(DatabaseUrl, OtherUrlsAreRefusedWithoutEchoingThePassword) {
  try {
    parse_database_url("mysql://root:hunter2@localhost/clipgen");
    FAIL() << "mysql accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("postgresql://"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_database_url(""), std::invalid_argument);
  EXPECT_THROW(parse_database_url("sqlite://"), std::invalid_argument);
}

TEST(DatabaseUrl, ABadPostgresqlUrlFailsToOpenWithItsPasswordHidden) {
  try {
    Database db("postgresql://u:hunter2@127.0.0.1:notaport/x");
    FAIL() << "opened";
  } catch (const std::exception& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter2"), std::string::npos) << e.what();
  }
}

TEST(Ids, AreRandomVersion4Uuids) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto id = new_id();
    ASSERT_TRUE(is_id(id)) << id;
    EXPECT_EQ(id[14], '4');
    EXPECT_NE(std::string("89ab").find(id[19]), std::string::npos) << id;
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
  EXPECT_FALSE(is_id(""));
  EXPECT_FALSE(is_id("3F2B8C1E-9A4D-4E7F-B1C2-5D6E7F8A9B0C"));
  EXPECT_FALSE(is_id("3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0"));
  EXPECT_FALSE(is_id("3f2b8c1e-9a4d-4e7f-b1c2_5d6e7f8a9b0c"));
  EXPECT_FALSE(is_id("../../etc/passwd-aaaaaaaaaaaaaaaaaaaa"));
}

TEST(Timestamps, FormatAsUtcIso8601WithMilliseconds) {
  EXPECT_EQ(to_iso8601(from_millis(0)), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(to_iso8601(from_millis(1'800'000'000'123)), "2027-01-15T08:00:00.123Z");
  EXPECT_EQ(to_millis(from_millis(42)), 42);
}

TEST(JobStatus, NamesRoundTrip) {
  for (const auto status : {JobStatus::queued, JobStatus::running, JobStatus::succeeded, JobStatus::failed,
                            JobStatus::canceled})
    EXPECT_EQ(job_status_from_string(to_string(status)), status);
  EXPECT_THROW(job_status_from_string("done"), std::invalid_argument);
  EXPECT_FALSE(is_final(JobStatus::queued));
  EXPECT_FALSE(is_final(JobStatus::running));
  EXPECT_TRUE(is_final(JobStatus::canceled));
}

}  // namespace
}  // namespace clipgen::db
