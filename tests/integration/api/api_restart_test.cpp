// Stopping the service: SIGKILL mid-job (the job's lease expires and it runs again, nothing
// uploaded is lost) and SIGTERM (stops accepting, ends event streams, hands the job back,
// exits 0).
#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "api_client.h"
#include "server_process.h"
#include "support/test_database.h"

namespace fs = std::filesystem;
using clipgen::testing::ApiClient;
using clipgen::testing::body_of;
using nlohmann::json;

namespace {

class ApiRestartTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_dir_ = fs::path(CLIPGEN_TEST_WORK_DIR) / ("api-restart-" + clipgen::db::new_id().substr(0, 8));
    // A short lease, so the killed server's job is free again soon after the restart.
    server_ = std::make_unique<clipgen::testing::TestServer>(clipgen::testing::TestServer::Options{
        .data_dir = data_dir_, .database_url = database_.url(), .extra_args = {"--job-lease", "3"}});
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(data_dir_);
  }

  // Polls until the job is running and has made progress.
  static void wait_until_running(ApiClient& client, const std::string& job_id) {
    while (true) {
      const auto job = body_of(client.get("/api/jobs/" + job_id))["job"];
      if (job["status"] == "running" && job["progress"].get<double>() > 0) return;
      ASSERT_TRUE(job["status"] == "queued" || job["status"] == "running") << job.dump();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

  clipgen::testing::TestDatabase database_{clipgen::testing::test_dialect()};
  fs::path data_dir_;
  std::unique_ptr<clipgen::testing::TestServer> server_;
};

TEST_F(ApiRestartTest, AJobKilledMidwayRunsAgainAfterARestartAndNoUploadIsLost) {
  ApiClient client(server_->port());
  const std::string user_id = client.register_user(clipgen::testing::unique_email("restart"))["user"]["id"];
  const auto first = client.upload_video(clipgen::testing::talking_head());
  const auto second = client.upload_video(clipgen::testing::talking_head());
  const std::string job_id = client.start_job(first["id"], clipgen::testing::quick_settings())["id"];
  wait_until_running(client, job_id);

  server_->kill_and_restart();

  ApiClient after(server_->port());
  after.set_token(client.token());  // tokens outlive the process: they are signed, not stored
  const auto job = after.wait_for_job(job_id);
  EXPECT_EQ(job["status"], "succeeded") << job.dump();
  EXPECT_EQ(job["attempts"], 2);
  const auto clips = body_of(after.get("/api/jobs/" + job_id + "/clips"))["clips"];
  ASSERT_EQ(clips.size(), 1u);  // the retry replaced, not added to, the first attempt's work
  httplib::Client anonymous("127.0.0.1", server_->port());
  EXPECT_EQ(anonymous.Get(clips[0]["download_url"].get<std::string>())->status, 200);

  const auto videos = body_of(after.get("/api/videos"))["videos"];
  ASSERT_EQ(videos.size(), 2u);
  for (const auto& video : {first, second}) {
    const fs::path original =
        data_dir_ / "files" / "users" / user_id / "videos" / video["id"].get<std::string>() / "original.mp4";
    EXPECT_EQ(fs::file_size(original), fs::file_size(clipgen::testing::talking_head())) << original;
  }
}

TEST_F(ApiRestartTest, SigtermEndsStreamsHandsTheJobBackAndExitsCleanly) {
  ApiClient client(server_->port());
  client.register_user(clipgen::testing::unique_email("sigterm"));
  const auto video = client.upload_video(clipgen::testing::talking_head());
  const std::string job_id = client.start_job(video["id"], clipgen::testing::quick_settings())["id"];
  wait_until_running(client, job_id);

  // A watcher of the job's events: its stream must end when the server stops.
  std::string stream;
  std::thread watcher([&] {
    httplib::Client events("127.0.0.1", server_->port());
    events.Get("/api/jobs/" + job_id + "/events", {{"Authorization", "Bearer " + client.token()}},
               [&](const char* data, std::size_t length) {
                 stream.append(data, length);
                 return true;
               });
  });
  while (stream.find("event: update") == std::string::npos) std::this_thread::sleep_for(std::chrono::milliseconds(20));

  server_->process().signal(SIGTERM);
  EXPECT_EQ(server_->process().wait(), 0) << server_->process().log();
  watcher.join();
  const std::string log = server_->process().log();
  EXPECT_NE(log.find("handed back"), std::string::npos) << log;
  EXPECT_NE(log.find("stopped"), std::string::npos) << log;
  EXPECT_NE(httplib::Client("127.0.0.1", server_->port()).Get("/healthz").error(), httplib::Error::Success);

  // The next start finishes the job.
  server_->kill_and_restart();
  ApiClient after(server_->port());
  after.set_token(client.token());
  EXPECT_EQ(after.wait_for_job(job_id)["status"], "succeeded");
}

}  // namespace
