// The whole flow through a real `clipgen serve`: register, sign in, upload a real video, run a
// job while watching its events, fetch the clips, their files and the transcript, delete.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "api_client.h"
#include "server_suite.h"

namespace fs = std::filesystem;
using clipgen::testing::ApiClient;
using clipgen::testing::body_of;
using nlohmann::json;

namespace {

class ApiFlowTest : public clipgen::testing::ServerSuite<ApiFlowTest> {
 public:
  static constexpr const char* kDataPrefix = "api-flow-";
};

// Reads the job's SSE stream to its end; returns the events as (name, data) pairs.
std::vector<std::pair<std::string, json>> read_events(ApiClient& client, const std::string& job_id) {
  std::string stream;
  const auto res = client.http().Get("/api/jobs/" + job_id + "/events", {{"Authorization", "Bearer " + client.token()}},
                                     [&](const char* data, std::size_t length) {
                                       stream.append(data, length);
                                       return true;
                                     });
  EXPECT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/event-stream");
  std::vector<std::pair<std::string, json>> events;
  std::stringstream lines(stream);
  std::string line, name;
  while (std::getline(lines, line)) {
    if (line.rfind("event: ", 0) == 0) name = line.substr(7);
    if (line.rfind("data: ", 0) == 0) events.emplace_back(name, json::parse(line.substr(6)));
  }
  return events;
}

TEST_F(ApiFlowTest, RegisterUploadRunJobDownloadClipsAndDelete) {
  ApiClient client(server_->port());
  const std::string email = clipgen::testing::unique_email("Flow");
  const auto registered = client.register_user(email);
  std::string lowered = email;
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), ::tolower);
  EXPECT_EQ(registered["user"]["email"], lowered);

  // Signing in with the address as typed, in another case, gives a working token.
  const auto login = client.post_json("/api/auth/login", {{"email", email}, {"password", clipgen::testing::kTestPassword}});
  ASSERT_EQ(login->status, 200) << login->body;
  ASSERT_TRUE(body_of(login).contains("expires_at"));
  client.set_token(body_of(login)["token"]);
  const auto me = client.get("/api/auth/me");
  ASSERT_EQ(me->status, 200);
  EXPECT_EQ(body_of(me)["user"]["id"], registered["user"]["id"]);

  // Upload: measured by probing, stored, listed.
  const auto video = client.upload_video(clipgen::testing::talking_head());
  EXPECT_EQ(video["size_bytes"], fs::file_size(clipgen::testing::talking_head()));
  EXPECT_NEAR(video["duration"].get<double>(), 8.06, 0.1);
  EXPECT_EQ(video["width"], 512);
  EXPECT_EQ(video["height"], 512);
  EXPECT_EQ(video["has_audio"], true);
  EXPECT_EQ(video["content_type"], "video/mp4");
  const std::string video_id = video["id"];
  const auto list = body_of(client.get("/api/videos"))["videos"];
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0]["id"], video_id);
  EXPECT_EQ(body_of(client.get("/api/videos/" + video_id))["video"]["filename"], "sadtalker_WDA_AOC_talkinghead.mp4");

  // The job, watched through its events until it ends.
  const auto job = client.start_job(video_id, clipgen::testing::quick_settings());
  EXPECT_EQ(job["status"], "queued");
  const std::string job_id = job["id"];
  const auto events = read_events(client, job_id);
  ASSERT_GE(events.size(), 2u);
  double last_progress = 0;
  for (std::size_t i = 0; i + 1 < events.size(); ++i) {
    EXPECT_EQ(events[i].first, "update");
    EXPECT_GE(events[i].second["progress"].get<double>(), last_progress);
    last_progress = events[i].second["progress"];
  }
  EXPECT_EQ(events.back().first, "end");
  EXPECT_EQ(events.back().second["status"], "succeeded") << events.back().second.dump();

  const auto done = body_of(client.get("/api/jobs/" + job_id))["job"];
  EXPECT_EQ(done["status"], "succeeded");
  EXPECT_EQ(done["progress"], 100.0);
  EXPECT_EQ(done["attempts"], 1);
  EXPECT_TRUE(done["error"].is_null());
  EXPECT_TRUE(done["llm_usage"].contains("input_tokens"));
  EXPECT_EQ(done["transcript_engine"], "pocketsphinx");  // no remote engine is configured here

  // Clips with their links; the files behind them.
  const auto clips = body_of(client.get("/api/jobs/" + job_id + "/clips"))["clips"];
  ASSERT_EQ(clips.size(), 1u);
  const auto clip = clips[0];
  EXPECT_GE(clip["score"].get<int>(), 1);
  EXPECT_LE(clip["score"].get<int>(), 10);
  EXPECT_FALSE(clip["title"].get<std::string>().empty());
  EXPECT_FALSE(clip["text"].get<std::string>().empty());
  EXPECT_FALSE(clip["reason"].get<std::string>().empty());
  EXPECT_TRUE(clip["hashtags"].is_array());
  EXPECT_GE(clip["duration"].get<double>(), 5 - 0.1);
  EXPECT_LE(clip["duration"].get<double>(), 8 + 0.1);
  EXPECT_EQ(clip["width"], 1080);
  EXPECT_EQ(clip["height"], 1080);

  // The signed link works without a token, whole and by range.
  httplib::Client anonymous("127.0.0.1", server_->port());
  const auto file = anonymous.Get(clip["download_url"].get<std::string>());
  ASSERT_EQ(file->status, 200);
  EXPECT_EQ(file->get_header_value("Content-Type"), "video/mp4");
  ASSERT_EQ(file->body.size(), clip["size_bytes"].get<std::size_t>());
  EXPECT_EQ(file->body.substr(4, 4), "ftyp");
  const auto part = anonymous.Get(clip["download_url"].get<std::string>(), {{"Range", "bytes=1000-1999"}});
  ASSERT_EQ(part->status, 206);
  EXPECT_EQ(part->body, file->body.substr(1000, 1000));
  EXPECT_EQ(part->get_header_value("Content-Range"), "bytes 1000-1999/" + std::to_string(file->body.size()));
  const auto past_end = anonymous.Get(clip["download_url"].get<std::string>(), {{"Range", "bytes=999999999-"}});
  EXPECT_EQ(past_end->status, 416);

  // The API's own download and thumbnail routes redirect to fresh signed links.
  const std::string clip_id = clip["id"];
  const auto download = client.get("/api/clips/" + clip_id + "/download");
  ASSERT_EQ(download->status, 302);
  const std::string location = download->get_header_value("Location");
  EXPECT_EQ(location.rfind("/files/", 0), 0u) << location;
  EXPECT_EQ(anonymous.Get(location)->body, file->body);
  const auto thumbnail = client.get("/api/clips/" + clip_id + "/thumbnail");
  ASSERT_EQ(thumbnail->status, 302);
  const auto jpeg = anonymous.Get(thumbnail->get_header_value("Location"));
  ASSERT_EQ(jpeg->status, 200);
  EXPECT_EQ(jpeg->get_header_value("Content-Type"), "image/jpeg");
  EXPECT_EQ(jpeg->body.substr(0, 2), "\xFF\xD8");

  // The transcript the job made, in each format.
  const auto words = client.get("/api/videos/" + video_id + "/transcript");
  ASSERT_EQ(words->status, 200) << words->body;
  EXPECT_FALSE(body_of(words)["words"].empty());
  const auto srt = client.get("/api/videos/" + video_id + "/transcript?format=srt");
  ASSERT_EQ(srt->status, 200);
  EXPECT_NE(srt->body.find(" --> "), std::string::npos);
  const auto vtt = client.get("/api/videos/" + video_id + "/transcript?format=vtt");
  ASSERT_EQ(vtt->status, 200);
  EXPECT_EQ(vtt->body.rfind("WEBVTT", 0), 0u);
  EXPECT_EQ(client.get("/api/videos/" + video_id + "/transcript?format=xml")->status, 422);

  // Metrics saw all this.
  const auto metrics = anonymous.Get("/metrics");
  ASSERT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->body.find(R"(clipgen_http_requests_total{method="POST",route="/api/videos",status="201"} 1)"),
            std::string::npos)
      << metrics->body;
  EXPECT_NE(metrics->body.find(R"(clipgen_jobs{status="succeeded"} 1)"), std::string::npos);
  EXPECT_NE(metrics->body.find("clipgen_http_request_duration_seconds_bucket{route=\"/api/jobs/{id}\""), std::string::npos);
  for (const char* stage : {"probe", "audio", "transcribe", "analyze", "render"}) {
    EXPECT_NE(metrics->body.find("clipgen_job_stage_duration_seconds_count{stage=\"" + std::string(stage) + "\"} 1"),
              std::string::npos)
        << stage;
  }

  // Deleting the video takes its jobs, clips and files with it.
  ASSERT_EQ(client.del("/api/videos/" + video_id)->status, 204);
  EXPECT_EQ(client.get("/api/videos/" + video_id)->status, 404);
  EXPECT_EQ(client.get("/api/jobs/" + job_id)->status, 404);
  EXPECT_EQ(client.get("/api/clips/" + clip_id + "/download")->status, 404);
  EXPECT_EQ(anonymous.Get(location)->status, 404);
  const std::string user_id = registered["user"]["id"];
  const fs::path user_files = data_dir_ / "files" / "users" / user_id;
  EXPECT_FALSE(fs::exists(user_files / "videos" / video_id));
  EXPECT_FALSE(fs::exists(user_files / "jobs" / job_id));
}

TEST_F(ApiFlowTest, HealthAndReadiness) {
  httplib::Client client("127.0.0.1", server_->port());
  const auto health = client.Get("/healthz");
  ASSERT_EQ(health->status, 200);
  EXPECT_FALSE(health->get_header_value("X-Request-Id").empty());
  EXPECT_EQ(client.Get("/readyz")->status, 200);
  // A request id the client sends comes back; every answer has one.
  EXPECT_EQ(client.Get("/healthz", {{"X-Request-Id", "abc-123"}})->get_header_value("X-Request-Id"), "abc-123");
}

}  // namespace

namespace {

TEST(ApiWebUiTest, ServesTheBuiltUiWithClientRoutesAndCacheHeaders) {
  clipgen::testing::TestDatabase database(clipgen::testing::test_dialect());
  const fs::path data_dir = fs::path(CLIPGEN_TEST_WORK_DIR) / ("api-web-" + clipgen::db::new_id().substr(0, 8));
  const fs::path dist = data_dir / "dist";
  fs::create_directories(dist / "assets");
  std::ofstream(dist / "index.html") << "<!doctype html><div id=root></div>";
  std::ofstream(dist / "assets" / "index-5d41402a.js") << "console.log('app')";
  clipgen::testing::TestServer server(
      {.data_dir = data_dir, .database_url = database.url(), .extra_args = {"--web-dir", dist.string()}});
  httplib::Client client("127.0.0.1", server.port());

  const auto index = client.Get("/");
  ASSERT_EQ(index->status, 200);
  EXPECT_EQ(index->body, "<!doctype html><div id=root></div>");
  EXPECT_EQ(index->get_header_value("Cache-Control"), "no-cache");
  const auto route = client.Get("/videos/3f2b8c1e-9a4d-4e7f-b1c2-5d6e7f8a9b0c");
  ASSERT_EQ(route->status, 200);
  EXPECT_EQ(route->body, index->body);
  const auto asset = client.Get("/assets/index-5d41402a.js");
  ASSERT_EQ(asset->status, 200);
  EXPECT_EQ(asset->get_header_value("Content-Type"), "text/javascript");
  EXPECT_NE(asset->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  EXPECT_EQ(client.Get("/assets/index-00000000.js")->status, 404);
  const auto api = client.Get("/api/nothing-here");
  EXPECT_EQ(api->status, 404);
  EXPECT_EQ(clipgen::testing::error_code(api), "not_found");
  fs::remove_all(data_dir);
}

}  // namespace
