// The web flow with STORAGE_* set: a real `clipgen serve` keeping its media in s3rver (the `s3`
// fixture). Videos arrive both ways the web app sends them (multipart through the API, and
// straight to the bucket through a presigned PUT then POST /api/uploads/{id}/complete), a job
// writes its clips to the bucket, downloads redirect to presigned bucket URLs, the AWS CLI sees
// what clipgen wrote, and deleting a video empties its part of the bucket. Then what direct
// uploads refuse, each refused object removed from the bucket.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <thread>

#include "api_client.h"
#include "server_process.h"
#include "support/command.h"
#include "support/test_database.h"

namespace fs = std::filesystem;
using clipgen::testing::ApiClient;
using clipgen::testing::body_of;
using clipgen::testing::error_code;
using nlohmann::json;

namespace {

constexpr const char* kBucket = "clipgen-test";
// Smaller than autoeditor_speech_then_silence.mp4 (3.0 MB), larger than the talking head.
constexpr std::uint64_t kUploadLimit = 2'500'000;

fs::path media(const std::string& relative) { return fs::path(CLIPGEN_MEDIA_DIR) / relative; }

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text{std::istreambuf_iterator<char>(in), {}};
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

class ApiS3Test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    endpoint_ = read_text(fs::path(CLIPGEN_S3_SERVER_DIR) / "endpoint");
    ASSERT_FALSE(endpoint_.empty()) << "s3rver is not running (fixture.s3_start)";
    database_ = std::make_unique<clipgen::testing::TestDatabase>(clipgen::testing::test_dialect());
    data_dir_ = fs::path(CLIPGEN_TEST_WORK_DIR) / ("api-s3-" + clipgen::db::new_id().substr(0, 8));
    server_ = std::make_unique<clipgen::testing::TestServer>(clipgen::testing::TestServer::Options{
        .data_dir = data_dir_,
        .database_url = database_->url(),
        .extra_args = {"--max-upload-bytes", std::to_string(kUploadLimit)},
        .env = {{"STORAGE_BUCKET", kBucket},
                {"STORAGE_ACCESS_KEY", "S3RVER"},
                {"STORAGE_SECRET_KEY", "S3RVER"},
                {"STORAGE_ENDPOINT", endpoint_},
                {"STORAGE_REGION", "us-east-1"}}});
  }
  static void TearDownTestSuite() {
    server_.reset();
    database_.reset();
    fs::remove_all(data_dir_);
  }

  // The keys under `prefix` as the AWS CLI lists them (dummy credentials: s3rver takes any).
  static std::vector<std::string> bucket_keys(const std::string& prefix) {
    ::setenv("AWS_ACCESS_KEY_ID", "S3RVER", 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", "S3RVER", 1);
    ::setenv("AWS_DEFAULT_REGION", "us-east-1", 1);
    const auto listed = clipgen::testing::run_command({"/usr/bin/aws", "--endpoint-url", endpoint_, "s3", "ls",
                                                       "--recursive", std::string("s3://") + kBucket + "/" + prefix});
    // `aws s3 ls` exits 1 when nothing matches.
    EXPECT_TRUE(listed.exit_code == 0 || (listed.exit_code == 1 && listed.out.empty())) << listed.err;
    std::vector<std::string> keys;
    std::istringstream lines(listed.out);
    std::string date, time, size, key;
    while (lines >> date >> time >> size >> key) keys.push_back(key);  // keys here have no spaces
    return keys;
  }

  static bool has_key(const std::vector<std::string>& keys, const std::string& key) {
    return std::find(keys.begin(), keys.end(), key) != keys.end();
  }

  // curl, a client that knows nothing of clipgen: the HTTP status, the body into `output`.
  static int curl(const std::vector<std::string>& args, const fs::path& output) {
    std::vector<std::string> argv = {"curl", "-sS", "-o", output.string(), "-w", "%{http_code}"};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto result = clipgen::testing::run_command(argv);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return std::atoi(result.out.c_str());
  }

  // POST /api/uploads for `file` (its real size unless `claimed_size`), expecting 201.
  static json start_upload(ApiClient& client, const fs::path& file, std::int64_t claimed_size = -1) {
    const auto res = client.post_json("/api/uploads", {{"filename", file.filename().string()},
                                                       {"content_type", "video/mp4"},
                                                       {"size_bytes", claimed_size >= 0 ? claimed_size : fs::file_size(file)}});
    EXPECT_EQ(res->status, 201) << res->body;
    return body_of(res)["upload"];
  }

  // PUTs the file's bytes to the upload's presigned URL, with the headers it asks for.
  static void put_to_bucket(const json& upload, const fs::path& file) {
    std::vector<std::string> args = {"-X", upload["method"], "--data-binary", "@" + file.string()};
    for (const auto& [name, value] : upload["headers"].items()) {
      args.push_back("-H");
      args.push_back(name + ": " + value.get<std::string>());
    }
    args.push_back(upload["url"]);
    ASSERT_EQ(curl(args, "/dev/null"), 200);
  }

  // The Location of a redirect as it is on the wire (httplib's client hands it back decoded).
  static std::string redirect_of(ApiClient& client, const std::string& path) {
    const auto result = clipgen::testing::run_command(
        {"curl", "-sS", "-o", "/dev/null", "-D", "-", "-H", "Authorization: Bearer " + client.token(),
         "http://127.0.0.1:" + std::to_string(server_->port()) + path});
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
      if (line.rfind("Location: ", 0) != 0 && line.rfind("location: ", 0) != 0) continue;
      line = line.substr(10);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    ADD_FAILURE() << path << " did not redirect: " << result.out;
    return {};
  }

  static httplib::Result complete(ApiClient& client, const json& upload) {
    return client.http().Post("/api/uploads/" + upload["id"].get<std::string>() + "/complete",
                              {{"Authorization", "Bearer " + client.token()}}, "", "application/json");
  }

  fs::path work_dir() const {
    const auto dir = data_dir_ / "test" / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(dir);
    return dir;
  }

  static inline std::string endpoint_;
  static inline std::unique_ptr<clipgen::testing::TestDatabase> database_;
  static inline std::unique_ptr<clipgen::testing::TestServer> server_;
  static inline fs::path data_dir_;
};

TEST_F(ApiS3Test, BothUploadRoutesAJobAndDownloadsGoThroughTheBucket) {
  ApiClient client(server_->port());
  const std::string user_id = client.register_user(clipgen::testing::unique_email("s3"))["user"]["id"];
  const std::string user_prefix = "users/" + user_id + "/";
  const fs::path file = clipgen::testing::talking_head();

  // Multipart, through the API.
  const auto multipart = client.upload_video(file);
  const std::string multipart_id = multipart["id"];
  EXPECT_EQ(multipart["size_bytes"], fs::file_size(file));

  // Direct: the presigned PUT goes to the bucket, not to clipgen.
  const auto upload = start_upload(client, file);
  EXPECT_EQ(upload["method"], "PUT");
  EXPECT_EQ(upload["url"].get<std::string>().rfind(endpoint_ + "/" + kBucket + "/" + user_prefix, 0), 0u) << upload;
  EXPECT_EQ(upload["headers"]["Content-Type"], "video/mp4");
  // The agreed length is signed into the URL, so S3 itself refuses a body of another size.
  EXPECT_NE(upload["url"].get<std::string>().find("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost"),
            std::string::npos) << upload;
  put_to_bucket(upload, file);
  const auto completed = complete(client, upload);
  ASSERT_EQ(completed->status, 201) << completed->body;
  const auto direct = body_of(completed)["video"];
  const std::string direct_id = direct["id"];
  // The same description the multipart route gives, measured from the object itself.
  for (const char* field : {"filename", "content_type", "size_bytes", "width", "height", "has_audio", "status"})
    EXPECT_EQ(direct[field], multipart[field]) << field;
  EXPECT_NEAR(direct["duration"].get<double>(), 8.06, 0.1);

  // Completing again, as a retry would, makes no second video.
  const auto again = complete(client, upload);
  ASSERT_EQ(again->status, 200) << again->body;
  EXPECT_EQ(body_of(again)["video"]["id"], direct_id);
  EXPECT_EQ(body_of(client.get("/api/videos"))["videos"].size(), 2u);

  // A job on the directly uploaded video writes its clips to the bucket.
  const auto job = client.wait_for_job(client.start_job(direct_id, clipgen::testing::quick_settings())["id"]);
  ASSERT_EQ(job["status"], "succeeded") << job.dump();
  const std::string job_id = job["id"];
  const auto clips = body_of(client.get("/api/jobs/" + job_id + "/clips"))["clips"];
  ASSERT_EQ(clips.size(), 1u);
  const auto clip = clips[0];

  // Download: a redirect to a presigned bucket URL that any client can fetch.
  const std::string clip_path = "/api/clips/" + clip["id"].get<std::string>();
  ASSERT_EQ(client.get(clip_path + "/download")->status, 302);
  const std::string location = redirect_of(client, clip_path + "/download");
  EXPECT_EQ(location.rfind(endpoint_ + "/" + kBucket + "/" + user_prefix + "jobs/" + job_id + "/", 0), 0u) << location;
  EXPECT_NE(location.find("X-Amz-Signature="), std::string::npos) << location;
  const fs::path fetched = work_dir() / "clip.mp4";
  ASSERT_EQ(curl({location}, fetched), 200);
  EXPECT_EQ(fs::file_size(fetched), clip["size_bytes"].get<std::uint64_t>());
  EXPECT_EQ(read_text(fetched).substr(4, 4), "ftyp");
  const fs::path jpeg = work_dir() / "thumbnail.jpg";
  ASSERT_EQ(curl({redirect_of(client, clip_path + "/thumbnail")}, jpeg), 200);
  EXPECT_EQ(read_text(jpeg).substr(0, 2), "\xFF\xD8");

  // The AWS CLI sees both originals and what the job wrote.
  const auto keys = bucket_keys(user_prefix);
  EXPECT_TRUE(has_key(keys, user_prefix + "videos/" + multipart_id + "/original.mp4")) << ::testing::PrintToString(keys);
  EXPECT_TRUE(has_key(keys, user_prefix + "videos/" + direct_id + "/original.mp4")) << ::testing::PrintToString(keys);
  EXPECT_TRUE(has_key(keys, user_prefix + "jobs/" + job_id + "/clip-01.mp4")) << ::testing::PrintToString(keys);
  EXPECT_TRUE(has_key(keys, user_prefix + "jobs/" + job_id + "/clip-01.jpg")) << ::testing::PrintToString(keys);

  // Deleting a video removes its objects, and only its.
  ASSERT_EQ(client.del("/api/videos/" + direct_id)->status, 204);
  const auto after = bucket_keys(user_prefix);
  EXPECT_EQ(after, std::vector<std::string>{user_prefix + "videos/" + multipart_id + "/original.mp4"})
      << ::testing::PrintToString(after);
  EXPECT_EQ(curl({location}, work_dir() / "gone.mp4"), 404);
  ASSERT_EQ(client.del("/api/videos/" + multipart_id)->status, 204);
  EXPECT_TRUE(bucket_keys(user_prefix).empty());
}

TEST_F(ApiS3Test, DirectUploadsRefuseUnusableObjectsAndRemoveThem) {
  ApiClient client(server_->port());
  const std::string user_id = client.register_user(clipgen::testing::unique_email("s3-refused"))["user"]["id"];
  const std::string user_prefix = "users/" + user_id + "/";
  const auto expect_refused = [&](const fs::path& file, int status, const std::string& words) {
    const auto upload = start_upload(client, file, std::min<std::uintmax_t>(fs::file_size(file), 1000));
    put_to_bucket(upload, file);
    const auto res = complete(client, upload);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << file << ": " << res->body;
    EXPECT_NE(body_of(res)["error"]["message"].get<std::string>().find(words), std::string::npos) << res->body;
    EXPECT_TRUE(bucket_keys(user_prefix).empty()) << file;
  };
  expect_refused(media("odd/aeneas_mono.invalid.wav"), 422, "not a media file");
  expect_refused(media("odd/androidx_long_1080p_videoonly_lowbitrate.mp4"), 422, "no audio");
  expect_refused(media("odd/androidx_large_stbl_truncated_after_moov.m4b"), 422, "truncated");
  // A client that claimed a small size and then PUT more: S3 refuses that PUT (the length is
  // signed), s3rver checks no signature, and completion measures the object whatever let it in.
  expect_refused(media("video/autoeditor_speech_then_silence.mp4"), 413, "larger than");
  // One that says how big it is up front is told before it uploads anything.
  const auto big = client.post_json("/api/uploads", {{"filename", "big.mp4"}, {"size_bytes", kUploadLimit + 1}});
  EXPECT_EQ(big->status, 413);
  EXPECT_EQ(error_code(big), "too_large");
  const auto no_name = client.post_json("/api/uploads", {{"size_bytes", 1000}});
  EXPECT_EQ(no_name->status, 422);
  EXPECT_EQ(body_of(no_name)["error"]["field"], "filename");

  // Completing before anything was PUT says so, and changes nothing.
  const auto never_put = start_upload(client, clipgen::testing::talking_head());
  const auto missing = complete(client, never_put);
  EXPECT_EQ(missing->status, 409) << missing->body;
  EXPECT_EQ(error_code(missing), "upload_missing");

  EXPECT_TRUE(body_of(client.get("/api/videos"))["videos"].empty());
  // The server's scratch folder holds nothing but its lock file.
  for (const auto& entry : fs::recursive_directory_iterator(data_dir_ / "uploads"))
    EXPECT_TRUE(entry.is_directory() || entry.path().filename() == ".lock") << entry.path();
}

TEST_F(ApiS3Test, ConcurrentCompletionsMakeOneVideo) {
  ApiClient client(server_->port());
  const std::string user_id = client.register_user(clipgen::testing::unique_email("s3-twice"))["user"]["id"];
  const fs::path file = clipgen::testing::talking_head();
  const auto upload = start_upload(client, file);
  put_to_bucket(upload, file);

  // A double click: both calls at once, each on its own connection.
  std::vector<std::pair<int, std::string>> answers(2);
  std::vector<std::thread> threads;
  for (auto& answer : answers) {
    threads.emplace_back([&answer, &client, &upload] {
      ApiClient same_user(server_->port());
      same_user.set_token(client.token());
      const auto res = complete(same_user, upload);
      answer = {res ? res->status : 0, res ? res->body : ""};
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::string> ids;
  for (const auto& [status, body] : answers) {
    EXPECT_TRUE(status == 201 || status == 200) << status << ": " << body;
    if (status == 201 || status == 200) ids.insert(json::parse(body)["video"]["id"].get<std::string>());
  }
  EXPECT_EQ(ids.size(), 1u);
  const auto videos = body_of(client.get("/api/videos"))["videos"];
  ASSERT_EQ(videos.size(), 1u);
  // The object is still there for the video that was made.
  const std::string key = "users/" + user_id + "/videos/" + videos[0]["id"].get<std::string>() + "/original.mp4";
  EXPECT_EQ(bucket_keys("users/" + user_id + "/"), std::vector<std::string>{key});
}

TEST_F(ApiS3Test, UploadIdsOfOtherUsersOrForgedAreNotFound) {
  ApiClient owner(server_->port());
  const std::string owner_id = owner.register_user(clipgen::testing::unique_email("s3-owner"))["user"]["id"];
  ApiClient other(server_->port());
  other.register_user(clipgen::testing::unique_email("s3-other"));
  const fs::path file = clipgen::testing::talking_head();
  const auto upload = start_upload(owner, file);
  put_to_bucket(upload, file);

  const auto stolen = complete(other, upload);
  EXPECT_EQ(stolen->status, 404) << stolen->body;
  EXPECT_EQ(error_code(stolen), "not_found");
  std::string forged = upload["id"];
  forged[forged.size() / 3] = forged[forged.size() / 3] == 'A' ? 'B' : 'A';
  EXPECT_EQ(complete(owner, {{"id", forged}})->status, 404);
  EXPECT_EQ(complete(owner, {{"id", "not-a-token"}})->status, 404);
  EXPECT_EQ(complete(owner, {{"id", "..%2F..%2Fetc"}})->status, 404);
  EXPECT_TRUE(body_of(other.get("/api/videos"))["videos"].empty());

  // Refusing them touched nothing: the owner still completes the upload.
  EXPECT_EQ(bucket_keys("users/" + owner_id + "/").size(), 1u);
  const auto completed = complete(owner, upload);
  EXPECT_EQ(completed->status, 201) << completed->body;
  ASSERT_EQ(owner.del("/api/videos/" + body_of(completed)["video"]["id"].get<std::string>())->status, 204);
  EXPECT_TRUE(bucket_keys("users/" + owner_id + "/").empty());
}

}  // namespace
