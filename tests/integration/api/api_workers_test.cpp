// Scale-out: `clipgen serve --workers 0` takes the jobs, two `clipgen worker` processes on the
// same database run them; each job runs exactly once.
#include <gtest/gtest.h>

#include <regex>

#include "api_client.h"
#include "server_process.h"
#include "support/test_database.h"

namespace fs = std::filesystem;
using clipgen::testing::ApiClient;
using clipgen::testing::body_of;

namespace {

constexpr int kJobs = 4;

TEST(ApiWorkersTest, TwoWorkerProcessesRunEachQueuedJobExactlyOnce) {
  clipgen::testing::TestDatabase database(clipgen::testing::test_dialect());
  const fs::path data_dir = fs::path(CLIPGEN_TEST_WORK_DIR) / ("api-workers-" + clipgen::db::new_id().substr(0, 8));
  clipgen::testing::TestServer server(
      {.data_dir = data_dir, .database_url = database.url(), .extra_args = {"--workers", "0"}});

  // Every job is queued before any worker starts, so both find work waiting.
  ApiClient client(server.port());
  client.register_user(clipgen::testing::unique_email("scale"));
  const auto video = client.upload_video(clipgen::testing::talking_head());
  std::vector<std::string> job_ids;
  for (int i = 0; i < kJobs; ++i) job_ids.push_back(client.start_job(video["id"], clipgen::testing::quick_settings())["id"]);

  std::vector<std::unique_ptr<clipgen::testing::ServiceProcess>> workers;
  for (int i = 0; i < 2; ++i) {
    workers.push_back(std::make_unique<clipgen::testing::ServiceProcess>(
        std::vector<std::string>{"worker", "--data-dir", data_dir.string(), "--database-url", database.url(),
                                 "--threads", "1"},
        std::map<std::string, std::string>{}, data_dir / ("worker-" + std::to_string(i) + ".log")));
  }
  for (const auto& id : job_ids) {
    const auto job = client.wait_for_job(id);
    EXPECT_EQ(job["status"], "succeeded") << job.dump();
    EXPECT_EQ(job["attempts"], 1) << job.dump();
    EXPECT_EQ(body_of(client.get("/api/jobs/" + id + "/clips"))["clips"].size(), 1u);
  }
  std::string logs;
  for (auto& worker : workers) {
    worker->signal(SIGTERM);
    EXPECT_EQ(worker->wait(), 0) << worker->log();
    logs += worker->log();
  }
  for (const auto& id : job_ids) {
    const std::regex started("job " + id + " started");
    EXPECT_EQ(std::distance(std::sregex_iterator(logs.begin(), logs.end(), started), std::sregex_iterator()), 1)
        << logs;
  }
  fs::remove_all(data_dir);
}

}  // namespace
