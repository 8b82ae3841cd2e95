// A user's own words for a video through a real `clipgen serve`: PUT /api/videos/{id}/transcript
// (captions or plain text), the jobs that then time those words, a new upload that must not be
// served from the cache, and the bodies and callers that are refused. The reference is the
// recording's exact text (../shared/media/speech/jfk.txt), never clipgen's own output.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "api_client.h"
#include "raw_connection.h"
#include "server_suite.h"

namespace fs = std::filesystem;
using clipgen::testing::ApiClient;
using clipgen::testing::body_of;
using clipgen::testing::error_code;
using nlohmann::json;

namespace {

class ApiTranscriptTest : public clipgen::testing::ServerSuite<ApiTranscriptTest> {
 public:
  static constexpr const char* kDataPrefix = "api-transcript-";

 protected:
  // A signed-in user with the 11 s JFK recording (testsrc picture) uploaded; its video id.
  std::string upload_jfk(ApiClient& client) {
    client.register_user(clipgen::testing::unique_email("Words"));
    return client.upload_video(fs::path(CLIPGEN_MEDIA_DIR) / "field" / "testsrc_jfk.mkv")["id"];
  }
};

std::string jfk_text() {
  std::ifstream in(fs::path(CLIPGEN_MEDIA_DIR) / "speech" / "jfk.txt");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back(word);
  return words;
}

std::vector<std::string> transcript_words(ApiClient& client, const std::string& video_id) {
  const auto res = client.get("/api/videos/" + video_id + "/transcript");
  EXPECT_EQ(res->status, 200) << res->body;
  const auto body = body_of(res);
  std::vector<std::string> words;
  for (const auto& word : body["words"]) words.push_back(word["text"]);
  return words;
}

// True when `part` occurs in `whole` as a run of consecutive words.
bool is_run_of(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  return !part.empty() && std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

json given_transcript(ApiClient& client, const std::string& video_id) {
  return body_of(client.get("/api/videos/" + video_id))["video"]["given_transcript"];
}

json run_job(ApiClient& client, const std::string& video_id) {
  const auto job = client.wait_for_job(client.start_job(video_id, clipgen::testing::quick_settings())["id"]);
  EXPECT_EQ(job["status"], "succeeded") << job.dump();
  return job;
}

TEST_F(ApiTranscriptTest, GivenCaptionsAreTheWordsOfLaterJobsUntilReplacedOrRemoved) {
  ApiClient client(server_->port());
  const std::string video_id = upload_jfk(client);
  EXPECT_TRUE(given_transcript(client, video_id).is_null());

  // One cue over the whole recording, holding its exact text.
  const auto reference = words_of(jfk_text());
  const std::string srt = "1\n00:00:00,000 --> 00:00:11,000\n" + jfk_text() + "\n";
  const auto put = client.put("/api/videos/" + video_id + "/transcript", srt, "application/x-subrip");
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(body_of(put)["given_transcript"]["kind"], "srt");
  EXPECT_EQ(body_of(put)["given_transcript"]["words"], reference.size());
  const auto shown = given_transcript(client, video_id);
  EXPECT_EQ(shown["kind"], "srt");
  EXPECT_EQ(shown["words"], reference.size());
  const auto listed = body_of(client.get("/api/videos"))["videos"];
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["given_transcript"]["kind"], "srt");

  // The job's words are the given ones, as written; its clip's text is a run of them.
  const auto job = run_job(client, video_id);
  EXPECT_EQ(job["transcript_engine"], "your transcript");
  EXPECT_EQ(transcript_words(client, video_id), reference);
  const auto clips = body_of(client.get("/api/jobs/" + job["id"].get<std::string>() + "/clips"))["clips"];
  ASSERT_EQ(clips.size(), 1u);
  EXPECT_TRUE(is_run_of(words_of(clips[0]["text"]), reference)) << clips[0]["text"];

  // Other words (as plain text, its kind sniffed): the next job times them, not the cached ones.
  std::string shouted = jfk_text();
  std::transform(shouted.begin(), shouted.end(), shouted.begin(), ::toupper);
  const auto replaced = client.put("/api/videos/" + video_id + "/transcript", shouted, "text/plain; charset=utf-8");
  ASSERT_EQ(replaced->status, 200) << replaced->body;
  EXPECT_EQ(body_of(replaced)["given_transcript"]["kind"], "text");
  run_job(client, video_id);
  EXPECT_EQ(transcript_words(client, video_id), words_of(shouted));

  // Removed: shown as none, and the next job recognises the words itself; removing again finds
  // nothing.
  EXPECT_EQ(client.del("/api/videos/" + video_id + "/transcript")->status, 204);
  EXPECT_TRUE(given_transcript(client, video_id).is_null());
  EXPECT_EQ(run_job(client, video_id)["transcript_engine"], "pocketsphinx");
  EXPECT_NE(transcript_words(client, video_id), words_of(shouted));
  EXPECT_EQ(client.del("/api/videos/" + video_id + "/transcript")->status, 404);
}

TEST_F(ApiTranscriptTest, BadBodiesAreRefusedAndTheGivenWordsKept) {
  ApiClient client(server_->port());
  const std::string video_id = upload_jfk(client);
  const std::string path = "/api/videos/" + video_id + "/transcript";
  ASSERT_EQ(client.put(path, jfk_text(), "text/plain")->status, 200);

  const auto expect_refused = [&](const std::string& body, const std::string& type, int status,
                                  const std::string& words) {
    const auto res = client.put(path, body, type);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, status) << type << ": " << res->body;
    EXPECT_NE(body_of(res)["error"]["message"].get<std::string>().find(words), std::string::npos) << res->body;
    EXPECT_EQ(given_transcript(client, video_id)["kind"], "text");  // the earlier upload stands
  };
  std::string junk(4096, '\0');
  for (std::size_t i = 0; i < junk.size(); ++i) junk[i] = static_cast<char>((i * 2654435761u) >> 13);
  expect_refused(junk, "application/octet-stream", 400, "not text");
  expect_refused("", "text/plain", 400, "empty");
  expect_refused(" \n\t\n", "text/plain", 400, "no words");
  expect_refused("\xFF\xFEH\0i\0", "text/plain", 400, "UTF-16");
  expect_refused(jfk_text(), "video/mp4", 415, "SubRip");
  expect_refused("{\"text\": \"Hello\"}", "application/json", 400, "\"words\"");
  expect_refused("WEBVTT\n\n", "text/vtt", 400, "no words");

  // Larger than the reader takes: refused on its announced length, before a byte of it is read.
  clipgen::testing::RawConnection raw(server_->port());
  ASSERT_TRUE(raw.send_all("PUT " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + client.token() +
                           "\r\nContent-Type: text/plain\r\nContent-Length: " + std::to_string((16 << 20) + 1) +
                           "\r\n\r\n"));
  const auto too_large = raw.read_response();
  ASSERT_TRUE(too_large);
  EXPECT_EQ(too_large->status, 413);
  EXPECT_EQ(given_transcript(client, video_id)["kind"], "text");
}

TEST_F(ApiTranscriptTest, AnotherUsersVideoIsNotFound) {
  ApiClient ada(server_->port());
  const std::string video_id = upload_jfk(ada);
  const std::string path = "/api/videos/" + video_id + "/transcript";
  ASSERT_EQ(ada.put(path, jfk_text(), "text/plain")->status, 200);

  ApiClient bob(server_->port());
  bob.register_user(clipgen::testing::unique_email("Bob"));
  const auto put = bob.put(path, "Not her words.", "text/plain");
  EXPECT_EQ(put->status, 404);
  EXPECT_EQ(error_code(put), "not_found");
  EXPECT_EQ(bob.del(path)->status, 404);
  EXPECT_EQ(given_transcript(ada, video_id)["words"], words_of(jfk_text()).size());
  // Without a token: 401 before the body is read.
  EXPECT_EQ(ApiClient(server_->port()).put(path, "Hello", "text/plain")->status, 401);
}

}  // namespace
