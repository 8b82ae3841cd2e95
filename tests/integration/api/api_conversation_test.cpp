// Conversations through a real `clipgen serve`: a job in the split layout on the two-person
// test conversation (tests/tools/make-conversation.sh), then its clip re-rendered as fill. The
// video's transcript carries who says each word of the clip, checked against who speaks when
// by the conversation's construction, not against clipgen's own framing.
#include <gtest/gtest.h>

#include "api_client.h"
#include "server_suite.h"
#include "support/conversation_turns.h"

namespace fs = std::filesystem;
using clipgen::testing::ApiClient;
using clipgen::testing::body_of;
using nlohmann::json;

namespace {

const fs::path kConversation = fs::path(CLIPGEN_TEST_WORK_DIR) / "conversation.mp4";

class ApiConversationTest : public clipgen::testing::ServerSuite<ApiConversationTest> {
 public:
  static constexpr const char* kDataPrefix = "api-conversation-";
};

// Of the transcript's words inside [start, end] that fall in a turn: how many carry that
// turn's speaker, and how many there are.
std::pair<int, int> labelled_right(const json& words, double start, double end) {
  const auto truth = clipgen::testing::conversation_truth(kConversation);
  int right = 0, counted = 0;
  for (const auto& w : words) {
    const double from = w["start"], to = w["end"], mid = (from + to) / 2;
    if (from < start || to > end) continue;
    for (const auto& turn : truth.turns)
      if (turn.start <= mid && mid < turn.end) {
        ++counted;
        right += w.value("speaker", 0) == turn.speaker;
      }
  }
  return {right, counted};
}

}  // namespace

TEST_F(ApiConversationTest, AClipOfAConversationLabelsTheVideosTranscriptWithWhoSpeaks) {
  ApiClient client(server_->port());
  client.register_user(clipgen::testing::unique_email("Podcast"));
  const std::string video_id = client.upload_video(kConversation)["id"];
  const auto job = client.wait_for_job(client.start_job(
      video_id, {{"num_clips", 1}, {"min_duration", 15}, {"max_duration", 25}, {"layout", "split"}})["id"]);
  ASSERT_EQ(job["status"], "succeeded") << job.dump();
  const auto listed = body_of(client.get("/api/jobs/" + job["id"].get<std::string>() + "/clips"))["clips"].at(0);
  const std::string path = "/api/clips/" + listed["id"].get<std::string>();
  const auto clip = body_of(client.get(path))["clip"];
  EXPECT_EQ(clip["layout"], "split");
  const double start = clip["start"], end = clip["end"];

  const std::string transcript = "/api/videos/" + video_id + "/transcript";
  auto words = body_of(client.get(transcript))["words"];
  auto [right, counted] = labelled_right(words, start, end);
  ASSERT_GE(counted, 20);
  EXPECT_GE(double(right) / counted, 0.9) << right << " of " << counted;
  const auto vtt = client.get(transcript + "?format=vtt")->body;
  EXPECT_NE(vtt.find("<v Speaker 1>"), std::string::npos);
  EXPECT_NE(vtt.find("<v Speaker 2>"), std::string::npos);

  // Re-rendered as fill, the labels stay right; an unknown layout is refused by name.
  const auto refused = client.patch_json(path, {{"layout", "SPLIT"}});
  EXPECT_EQ(refused->status, 422);
  EXPECT_EQ(body_of(refused)["error"]["field"], "layout");
  const auto patched = client.patch_json(path, {{"layout", "fill"}});
  ASSERT_EQ(patched->status, 202) << patched->body;
  const auto render = client.wait_for_job(body_of(patched)["job"]["id"]);
  ASSERT_EQ(render["status"], "succeeded") << render.dump();
  words = body_of(client.get(transcript))["words"];
  std::tie(right, counted) = labelled_right(words, start, end);
  EXPECT_GE(double(right) / counted, 0.9) << right << " of " << counted;
}
