// What the API refuses, each case asserted on a real `clipgen serve`: bad input (422, 400,
// 413), bad tokens (401), other users' resources (404), ids that try to leave their folder,
// altered or expired links (403), sign-in throttling (429).
#include <gtest/gtest.h>
#include <sodium.h>

#include "api/signed_url.h"
#include "api_client.h"
#include "auth/service_keys.h"
#include "auth/token.h"
#include "server_process.h"
#include "support/test_database.h"

namespace fs = std::filesystem;
using clipgen::testing::ApiClient;
using clipgen::testing::body_of;
using clipgen::testing::error_code;
using nlohmann::json;

namespace {

// Smaller than one test file (autoeditor_speech_then_silence.mp4, 3.0 MB), larger than the other.
constexpr std::uint64_t kUploadLimit = 2'500'000;

fs::path media(const std::string& relative) { return fs::path(CLIPGEN_MEDIA_DIR) / relative; }

std::string base64url(const std::string& text) {
  std::string out(sodium_base64_encoded_len(text.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

class ApiFailureTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = std::make_unique<clipgen::testing::TestDatabase>(clipgen::testing::test_dialect());
    data_dir_ = fs::path(CLIPGEN_TEST_WORK_DIR) / ("api-failure-" + clipgen::db::new_id().substr(0, 8));
    server_ = std::make_unique<clipgen::testing::TestServer>(clipgen::testing::TestServer::Options{
        .data_dir = data_dir_,
        .database_url = database_->url(),
        .extra_args = {"--max-upload-bytes", std::to_string(kUploadLimit), "--cors-origins", "http://ui.example"}});
    // One user with a finished job, for the other-user checks.
    owner_ = std::make_unique<ApiClient>(server_->port());
    owner_id_ = owner_->register_user(clipgen::testing::unique_email("owner"))["user"]["id"];
    video_ = owner_->upload_video(clipgen::testing::talking_head());
  }
  static void TearDownTestSuite() {
    owner_.reset();
    server_.reset();
    database_.reset();
    fs::remove_all(data_dir_);
  }

  // The owner's finished job and its clips, made by the first test that needs them (ctest runs
  // each test in a process of its own: only those tests pay for a job).
  static void finish_a_job() {
    job_ = owner_->wait_for_job(owner_->start_job(video_["id"], clipgen::testing::quick_settings())["id"]);
    clips_ = body_of(owner_->get("/api/jobs/" + job_["id"].get<std::string>() + "/clips"))["clips"];
  }

  ApiClient new_user() {
    ApiClient client(server_->port());
    client.register_user(clipgen::testing::unique_email("user"));
    return client;
  }

  static inline std::unique_ptr<clipgen::testing::TestDatabase> database_;
  static inline std::unique_ptr<clipgen::testing::TestServer> server_;
  static inline fs::path data_dir_;
  static inline std::unique_ptr<ApiClient> owner_;
  static inline std::string owner_id_;
  static inline json video_, job_, clips_;
};

TEST_F(ApiFailureTest, RegistrationValidatesItsInput) {
  ApiClient client(server_->port());
  const auto bad_email = client.post_json("/api/auth/register", {{"email", "not-an-email"}, {"password", "long enough"}});
  EXPECT_EQ(bad_email->status, 422);
  EXPECT_EQ(body_of(bad_email)["error"]["field"], "email");
  const auto short_password =
      client.post_json("/api/auth/register", {{"email", clipgen::testing::unique_email("a")}, {"password", "short"}});
  EXPECT_EQ(short_password->status, 422);
  EXPECT_EQ(body_of(short_password)["error"]["field"], "password");
  const auto missing = client.post_json("/api/auth/register", {{"email", clipgen::testing::unique_email("b")}});
  EXPECT_EQ(missing->status, 422);
  EXPECT_EQ(body_of(missing)["error"]["field"], "password");
  const auto wrong_type = client.post_json("/api/auth/register", {{"email", 42}, {"password", "long enough"}});
  EXPECT_EQ(wrong_type->status, 422);

  const std::string email = clipgen::testing::unique_email("twice");
  ASSERT_EQ(client.post_json("/api/auth/register", {{"email", email}, {"password", "long enough"}})->status, 201);
  std::string upper = email;
  std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
  const auto duplicate = client.post_json("/api/auth/register", {{"email", upper}, {"password", "long enough"}});
  EXPECT_EQ(duplicate->status, 409);
  EXPECT_EQ(error_code(duplicate), "email_taken");

  const auto not_json = client.http().Post("/api/auth/register", "{\"email\": ", "application/json");
  EXPECT_EQ(not_json->status, 400);
  EXPECT_EQ(error_code(not_json), "bad_request");
  const auto huge = client.post_json("/api/auth/register",
                                     {{"email", clipgen::testing::unique_email("c")}, {"password", std::string(100000, 'x')}});
  EXPECT_EQ(huge->status, 413);
  EXPECT_EQ(error_code(huge), "too_large");
  // The connection stays usable after a refused body.
  EXPECT_EQ(client.http().Get("/healthz")->status, 200);
}

TEST_F(ApiFailureTest, WrongCredentialsDoNotSayWhichPartWasWrong) {
  ApiClient client(server_->port());
  const std::string email = clipgen::testing::unique_email("login");
  client.register_user(email);
  const auto wrong_password = client.post_json("/api/auth/login", {{"email", email}, {"password", "not the password"}});
  const auto unknown = client.post_json("/api/auth/login",
                                        {{"email", clipgen::testing::unique_email("nobody")}, {"password", "whatever1"}});
  EXPECT_EQ(wrong_password->status, 401);
  EXPECT_EQ(unknown->status, 401);
  EXPECT_EQ(body_of(wrong_password)["error"]["message"], body_of(unknown)["error"]["message"]);
}

TEST_F(ApiFailureTest, LoginsAreThrottledPerAccountFromOneAddress) {
  ApiClient client(server_->port());
  const std::string email = clipgen::testing::unique_email("guess");
  client.register_user(email);
  for (int attempt = 0; attempt < 5; ++attempt) {
    EXPECT_EQ(client.post_json("/api/auth/login", {{"email", email}, {"password", "guess " + std::to_string(attempt)}})->status, 401);
  }
  const auto throttled = client.post_json("/api/auth/login", {{"email", email}, {"password", "guess again"}});
  ASSERT_EQ(throttled->status, 429);
  EXPECT_GT(std::stoi(throttled->get_header_value("Retry-After")), 0);
  // Even the right password waits now.
  EXPECT_EQ(client.post_json("/api/auth/login", {{"email", email}, {"password", clipgen::testing::kTestPassword}})->status, 429);
}

TEST_F(ApiFailureTest, BadTokensAreRefused) {
  ApiClient client(server_->port());
  const auto registered = client.register_user(clipgen::testing::unique_email("tokens"));
  const std::string token = registered["token"];
  const std::string user_id = registered["user"]["id"];
  ASSERT_EQ(client.get("/api/auth/me")->status, 200);

  const auto status_with = [&](const std::string& bearer) {
    client.set_token(bearer);
    return client.get("/api/auth/me")->status;
  };
  // Another user's id in the payload, the signature left as it was.
  const auto first_dot = token.find('.'), second_dot = token.rfind('.');
  const std::string forged_payload = base64url(R"({"sub":")" + owner_id_ + R"(","exp":4102444800})");
  EXPECT_EQ(status_with(token.substr(0, first_dot + 1) + forged_payload + token.substr(second_dot)), 401);
  // alg=none with no signature.
  EXPECT_EQ(status_with(base64url(R"({"alg":"none","typ":"JWT"})") + "." + forged_payload + "."), 401);
  // Properly signed, but expired.
  const auto keys = clipgen::auth::derive_service_keys(clipgen::testing::kTestSecret);
  const std::string session = clipgen::testing::session_of(token);
  const clipgen::auth::TokenIssuer issuer(keys.tokens, std::chrono::hours(1));
  EXPECT_EQ(status_with(issuer.issue(user_id, session, clipgen::auth::Clock::now() - std::chrono::hours(2)).token), 401);
  // Signed with another key, or with SECRET_KEY itself rather than the key derived for tokens.
  const clipgen::auth::TokenIssuer stranger(std::string(40, 'k'));
  EXPECT_EQ(status_with(stranger.issue(user_id, session, clipgen::auth::Clock::now()).token), 401);
  const clipgen::auth::TokenIssuer raw_secret(clipgen::testing::kTestSecret);
  EXPECT_EQ(status_with(raw_secret.issue(user_id, session, clipgen::auth::Clock::now()).token), 401);
  // Another session id than one the server made.
  EXPECT_EQ(status_with(issuer.issue(user_id, clipgen::db::new_id(), clipgen::auth::Clock::now()).token), 401);
  EXPECT_EQ(status_with("garbage"), 401);
  client.set_token("");
  const auto none = client.get("/api/videos");
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(error_code(none), "unauthorized");
  // The same user id, signed with the server's key and unexpired, is accepted: the checks above
  // failed for the reasons named.
  EXPECT_EQ(status_with(issuer.issue(user_id, session, clipgen::auth::Clock::now()).token), 200);
}

TEST_F(ApiFailureTest, UnusableUploadsAreRefusedAndLeaveNothingBehind) {
  auto client = new_user();
  const auto expect_refused = [&](const fs::path& file, int status, const std::string& words) {
    const auto res = client.upload(file);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << file << ": " << res->body;
    EXPECT_NE(body_of(res)["error"]["message"].get<std::string>().find(words), std::string::npos) << res->body;
  };
  expect_refused(media("odd/aeneas_mono.invalid.wav"), 422, "not a media file");
  expect_refused(media("odd/androidx_long_1080p_videoonly_lowbitrate.mp4"), 422, "no audio");
  expect_refused(media("odd/androidx_sample_audio_only_15s.mp4"), 422, "video");
  expect_refused(media("odd/androidx_large_stbl_truncated_after_moov.m4b"), 422, "truncated");
  expect_refused(media("odd/androidx_sample_malformed_free_box.mp4"), 422, "androidx_sample_malformed_free_box.mp4");
  expect_refused(media("video/autoeditor_speech_then_silence.mp4"), 413, "larger than");

  const auto wrong_field = client.upload(clipgen::testing::talking_head(), "video");
  EXPECT_EQ(wrong_field->status, 422);
  EXPECT_EQ(body_of(wrong_field)["error"]["field"], "file");
  const auto not_multipart = client.post_json("/api/videos", {{"file", "x"}});
  EXPECT_EQ(not_multipart->status, 422);

  EXPECT_TRUE(body_of(client.get("/api/videos"))["videos"].empty());
  // The server's scratch folder holds nothing but its lock file.
  for (const auto& entry : fs::recursive_directory_iterator(data_dir_ / "uploads"))
    EXPECT_TRUE(entry.is_directory() || entry.path().filename() == ".lock") << entry.path();
}

TEST_F(ApiFailureTest, DirectUploadsAreNotOfferedOnLocalStorage) {
  auto client = new_user();
  // 404 is the web app's cue to send the file as multipart instead.
  const auto start = client.post_json("/api/uploads", {{"filename", "talk.mp4"}, {"content_type", "video/mp4"},
                                                       {"size_bytes", 1000}});
  EXPECT_EQ(start->status, 404) << start->body;
  EXPECT_EQ(error_code(start), "not_found");
  EXPECT_NE(body_of(start)["error"]["message"].get<std::string>().find("POST /api/videos"), std::string::npos);
  // What is wrong with the request is still said first.
  EXPECT_EQ(client.post_json("/api/uploads", {{"filename", "big.mp4"}, {"size_bytes", kUploadLimit + 1}})->status, 413);
  EXPECT_EQ(client.post_json("/api/uploads", {{"filename", "talk.mp4"}, {"size_bytes", "many"}})->status, 422);
  EXPECT_EQ(client.post_json("/api/uploads", {{"filename", "talk.mp4"}, {"size_bytes", 0}})->status, 422);
  httplib::Client anonymous("127.0.0.1", server_->port());
  EXPECT_EQ(anonymous.Post("/api/uploads", R"({"filename":"a.mp4","size_bytes":1})", "application/json")->status, 401);
  // No id it could have handed out completes.
  const std::string forged = base64url(R"({"u":"x","v":"y","k":"z","f":"a.mp4","e":99999999999})") + "." +
                             std::string(64, 'a');
  for (const std::string& id : {forged, std::string("not-a-token")}) {
    const auto res = client.post_json("/api/uploads/" + id + "/complete", json::object());
    EXPECT_EQ(res->status, 404) << id << ": " << res->body;
    EXPECT_EQ(error_code(res), "not_found");
  }
}

TEST_F(ApiFailureTest, JobSettingsAreValidatedByField) {
  const std::string path = "/api/videos/" + video_["id"].get<std::string>() + "/jobs";
  const auto field_of = [&](const json& settings) {
    const auto res = owner_->post_json(path, settings);
    EXPECT_EQ(res->status, 422) << settings.dump() << ": " << res->body;
    return body_of(res)["error"].value("field", "");
  };
  EXPECT_EQ(field_of({{"num_clips", 0}}), "num_clips");
  EXPECT_EQ(field_of({{"num_clips", 21}}), "num_clips");
  EXPECT_EQ(field_of({{"num_clips", "five"}}), "num_clips");
  EXPECT_EQ(field_of({{"min_duration", 4}, {"max_duration", 60}}), "min_duration");
  EXPECT_EQ(field_of({{"min_duration", 20}, {"max_duration", 181}}), "max_duration");
  EXPECT_EQ(field_of({{"min_duration", 30}, {"max_duration", 30}}), "min_duration");
  EXPECT_EQ(field_of({{"aspect", "4:3"}}), "aspect");
  EXPECT_EQ(field_of({{"captions", "yes"}}), "captions");
  EXPECT_TRUE(body_of(owner_->get("/api/videos/" + video_["id"].get<std::string>() + "/jobs"))["jobs"].empty());
}

TEST_F(ApiFailureTest, AnotherUsersResourcesAreNotFound) {
  finish_a_job();
  ASSERT_EQ(job_["status"], "succeeded");
  ASSERT_FALSE(clips_.empty());
  auto stranger = new_user();
  const std::string video = "/api/videos/" + video_["id"].get<std::string>();
  const std::string job = "/api/jobs/" + job_["id"].get<std::string>();
  const std::string clip = "/api/clips/" + clips_[0]["id"].get<std::string>();
  for (const auto& path : {video, video + "/transcript", video + "/jobs", job, job + "/clips", job + "/events", clip,
                           clip + "/download", clip + "/thumbnail"}) {
    const auto res = stranger.get(path);
    EXPECT_EQ(res->status, 404) << path;
    EXPECT_EQ(error_code(res), "not_found") << path;
  }
  EXPECT_EQ(stranger.del(video)->status, 404);
  EXPECT_EQ(stranger.post_json(job + "/cancel", json::object())->status, 404);
  EXPECT_EQ(stranger.post_json(video + "/jobs", clipgen::testing::quick_settings())->status, 404);
  EXPECT_TRUE(body_of(stranger.get("/api/videos"))["videos"].empty());
  // Nothing was touched: the owner still has it all.
  EXPECT_EQ(owner_->get(video)->status, 200);
  EXPECT_EQ(owner_->get(clip + "/download")->status, 302);
}

TEST_F(ApiFailureTest, IdsAndFileLinksCannotReachOutsideTheirFolders) {
  for (const auto& path : {"/api/videos/..%2F..%2Fsecret_key", "/api/videos/../../secret_key",
                           "/api/jobs/NOT-A-UUID", "/api/clips/00000000-0000-0000-0000-00000000000g/download"}) {
    const auto res = owner_->get(path);
    EXPECT_EQ(res->status, 404) << path;
  }
  // A correctly signed link to a key that climbs out of the storage root is still refused.
  httplib::Client anonymous("127.0.0.1", server_->port());
  const std::string climbing = "/files/../secret_key";
  const auto link =
      clipgen::api::signed_url(climbing, 4102444800, clipgen::auth::derive_service_keys(clipgen::testing::kTestSecret).links);
  const auto res = anonymous.Get(link);
  EXPECT_EQ(res->status, 404) << res->body;
  EXPECT_EQ(res->body.find(clipgen::testing::kTestSecret), std::string::npos);
}

TEST_F(ApiFailureTest, AlteredOrExpiredLinksAreForbidden) {
  finish_a_job();
  ASSERT_FALSE(clips_.empty());
  httplib::Client anonymous("127.0.0.1", server_->port());
  std::string url = clips_[0]["download_url"];
  ASSERT_EQ(anonymous.Get(url)->status, 200);

  std::string altered = url;
  altered.back() = altered.back() == '0' ? '1' : '0';
  const auto tampered = anonymous.Get(altered);
  EXPECT_EQ(tampered->status, 403);
  EXPECT_EQ(error_code(tampered), "bad_signature");

  // Moving the expiry later breaks the signature too.
  const auto expires_at = url.find("expires=") + 8;
  std::string extended = url;
  extended.replace(expires_at, 1, "9");
  EXPECT_EQ(anonymous.Get(extended)->status, 403);

  const std::string path = url.substr(0, url.find('?'));
  const auto expired = anonymous.Get(
      clipgen::api::signed_url(path, 1000, clipgen::auth::derive_service_keys(clipgen::testing::kTestSecret).links));
  EXPECT_EQ(expired->status, 403);
  EXPECT_EQ(error_code(expired), "link_expired");
  EXPECT_EQ(anonymous.Get(path)->status, 403);
}

TEST_F(ApiFailureTest, AQueuedJobCanBeCanceled) {
  const auto job = owner_->start_job(video_["id"], clipgen::testing::quick_settings());
  const auto canceled = owner_->post_json("/api/jobs/" + job["id"].get<std::string>() + "/cancel", json::object());
  ASSERT_EQ(canceled->status, 200);
  const auto final_job = owner_->wait_for_job(job["id"]);
  EXPECT_EQ(final_job["status"], "canceled");
  EXPECT_TRUE(body_of(owner_->get("/api/jobs/" + job["id"].get<std::string>() + "/clips"))["clips"].empty());
}

TEST_F(ApiFailureTest, UnknownRoutesAnswerJsonAndCorsFollowsTheAllowList) {
  httplib::Client client("127.0.0.1", server_->port());
  const auto missing = client.Get("/api/no-such-thing");
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(error_code(missing), "not_found");

  const auto preflight = client.Options("/api/videos", {{"Origin", "http://ui.example"},
                                                        {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(preflight->status, 204);
  EXPECT_EQ(preflight->get_header_value("Access-Control-Allow-Origin"), "http://ui.example");
  EXPECT_NE(preflight->get_header_value("Access-Control-Allow-Headers").find("Authorization"), std::string::npos);
  const auto other = client.Get("/healthz", {{"Origin", "http://evil.example"}});
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
}

// Its own server: failures from one address pile up and would lock the other tests out.
TEST(ApiThrottleTest, LoginsAreThrottledPerAddress) {
  clipgen::testing::TestDatabase database(clipgen::testing::test_dialect());
  const fs::path data_dir = fs::path(CLIPGEN_TEST_WORK_DIR) / ("api-throttle-" + clipgen::db::new_id().substr(0, 8));
  clipgen::testing::TestServer server({.data_dir = data_dir, .database_url = database.url()});
  ApiClient client(server.port());
  const std::string email = clipgen::testing::unique_email("victim");
  client.register_user(email);
  for (int attempt = 0; attempt < 20; ++attempt) {
    const auto res = client.post_json("/api/auth/login", {{"email", clipgen::testing::unique_email("spray")}, {"password", "wrong pass"}});
    ASSERT_EQ(res->status, 401) << attempt;
  }
  const auto throttled = client.post_json("/api/auth/login", {{"email", email}, {"password", clipgen::testing::kTestPassword}});
  EXPECT_EQ(throttled->status, 429);
  EXPECT_TRUE(throttled->has_header("Retry-After"));
  fs::remove_all(data_dir);
}

}  // namespace
