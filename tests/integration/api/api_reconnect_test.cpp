// PostgreSQL restarted under a running `clipgen serve`: every pooled connection is dropped by the
// server, and the next requests must reconnect rather than fail. The cluster is this test's own
// (scripts/pg-throwaway.sh), so restarting it cannot disturb the suites sharing the `postgres`
// fixture's cluster.
#include <gtest/gtest.h>

#include <signal.h>

#include <thread>

#include "api_client.h"
#include "db/ids.h"
#include "server_process.h"
#include "support/command.h"

namespace fs = std::filesystem;
using clipgen::testing::ApiClient;
using clipgen::testing::body_of;

namespace {

class ThrowawayCluster {
 public:
  explicit ThrowawayCluster(fs::path state) : state_(std::move(state)) {
    const auto started = run({"start"});
    url_ = started.out.substr(0, started.out.find('\n'));
  }
  ~ThrowawayCluster() { run({"stop"}); }
  void restart() { run({"restart"}); }
  const std::string& url() const { return url_; }

 private:
  clipgen::testing::CommandResult run(const std::vector<std::string>& action) {
    std::vector<std::string> argv = {CLIPGEN_SOURCE_DIR "/scripts/pg-throwaway.sh"};
    argv.insert(argv.end(), action.begin(), action.end());
    argv.push_back(state_.string());
    auto result = clipgen::testing::run_command(argv);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return result;
  }

  fs::path state_;
  std::string url_;
};

TEST(ApiReconnectTest, RequestsAndJobsGoOnAfterPostgresqlRestarts) {
  const fs::path work = fs::path(CLIPGEN_TEST_WORK_DIR) / ("api-reconnect-" + clipgen::db::new_id().substr(0, 8));
  ThrowawayCluster cluster(work / "postgres");
  ASSERT_FALSE(cluster.url().empty());
  clipgen::testing::TestServer server({.data_dir = work / "data", .database_url = cluster.url()});
  ApiClient client(server.port());
  client.register_user(clipgen::testing::unique_email("reconnect"));
  const auto video = client.upload_video(clipgen::testing::talking_head());
  // Borrow several pooled sessions at once, so more than one connection is open when the
  // server goes away.
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) readers.emplace_back([&] { ApiClient(server.port()).http().Get("/readyz"); });
  for (auto& reader : readers) reader.join();

  cluster.restart();

  // No request fails: each borrowed session notices the closed connection and reopens it.
  for (int i = 0; i < 20; ++i) {
    const auto videos = client.get("/api/videos");
    ASSERT_TRUE(videos);
    ASSERT_EQ(videos->status, 200) << i << ": " << videos->body;
    EXPECT_EQ(body_of(videos)["videos"].size(), 1u);
  }
  EXPECT_EQ(client.http().Get("/readyz")->status, 200);
  // The job worker's own sessions reconnect too: a job queued now runs to the end.
  const auto job = client.start_job(video["id"], clipgen::testing::quick_settings());
  EXPECT_EQ(client.wait_for_job(job["id"])["status"], "succeeded");
  server.process().signal(SIGTERM);
  EXPECT_EQ(server.process().wait(), 0) << server.process().log();
  fs::remove_all(work / "data");
}

}  // namespace
