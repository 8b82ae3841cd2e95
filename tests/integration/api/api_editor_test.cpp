// The clip editor through a real `clipgen serve`, on the 11 s JFK recording (testsrc picture):
// a caption word corrected, a clip trimmed to times inside words (snapped into pauses) and
// re-rendered with captions, a clip made by hand, a render that fails, deletion, and the
// refusals. References clipgen did not make: the ffprobe CLI for durations, the ffmpeg CLI's
// decoding of the source for how quiet a snapped boundary is, the recording's text (jfk.txt).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "api_client.h"
#include "server_suite.h"
#include "support/ffprobe.h"
#include "support/sound.h"

namespace fs = std::filesystem;
using clipgen::testing::ApiClient;
using clipgen::testing::body_of;
using clipgen::testing::error_code;
using nlohmann::json;

namespace {

const fs::path kSource = fs::path(CLIPGEN_MEDIA_DIR) / "field" / "testsrc_jfk.mkv";
constexpr double kFrame = 1.0 / 30;  // the source's and the clips' frame rate

double probed_duration(const fs::path& file) {
  return clipgen::testing::probed_number(clipgen::testing::ffprobe(file, "format=duration")["format"], "duration");
}

// Root mean square of the samples within `half_width` seconds of t.
double level_at(const clipgen::testing::DecodedSound& sound, double t, double half_width) {
  const auto index = [&](double at) {
    return static_cast<std::size_t>(
        std::clamp((at - sound.start) * sound.sample_rate, 0.0, static_cast<double>(sound.samples.size())));
  };
  double sum = 0;
  const std::size_t from = index(t - half_width), to = index(t + half_width);
  for (std::size_t i = from; i < to; ++i) sum += double(sound.samples[i]) * sound.samples[i];
  return std::sqrt(sum / double(std::max<std::size_t>(1, to - from)));
}

// True when t lies in the silence between two words (or before the first, after the last).
bool in_a_pause(const json& words, double t) {
  if (t <= words.front()["start"].get<double>() || t >= words.back()["end"].get<double>()) return true;
  for (std::size_t i = 0; i + 1 < words.size(); ++i)
    if (t >= words[i]["end"].get<double>() && t <= words[i + 1]["start"].get<double>()) return true;
  return false;
}

std::size_t index_of(const json& words, const std::string& text) {
  for (std::size_t i = 0; i < words.size(); ++i)
    if (words[i]["text"] == text) return i;
  return words.size();
}

class ApiEditorTest : public clipgen::testing::ServerSuite<ApiEditorTest> {
 public:
  static constexpr const char* kDataPrefix = "api-editor-";

 protected:
  // A user with the recording uploaded and one job's clip of it; the clip.
  json clip_of_a_job(ApiClient& client, std::string& video_id) {
    client.register_user(clipgen::testing::unique_email("Editor"));
    video_id = client.upload_video(kSource)["id"];
    const auto job = client.wait_for_job(client.start_job(video_id, clipgen::testing::quick_settings())["id"]);
    EXPECT_EQ(job["status"], "succeeded") << job.dump();
    EXPECT_EQ(job["kind"], "process");
    const auto clips = body_of(client.get("/api/jobs/" + job["id"].get<std::string>() + "/clips"))["clips"];
    EXPECT_EQ(clips.size(), 1u);
    return clips.at(0);
  }

  // The file behind one of a clip's redirects, fetched without a token (the signed link).
  httplib::Result fetch(ApiClient& client, const std::string& path) {
    const auto redirect = client.get(path);
    EXPECT_EQ(redirect->status, 302) << path << ": " << redirect->body;
    httplib::Client anonymous("127.0.0.1", server_->port());
    return anonymous.Get(redirect->get_header_value("Location"));
  }

  fs::path save(const std::string& bytes, const std::string& name) {
    const fs::path path = data_dir_ / name;
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  json wait_for_render(ApiClient& client, const json& answer) {
    EXPECT_EQ(answer["job"]["kind"], "render");
    EXPECT_EQ(answer["job"]["clip_id"], answer["clip"]["id"]);
    EXPECT_EQ(answer["clip"]["pending_job_id"], answer["job"]["id"]);
    return client.wait_for_job(answer["job"]["id"]);
  }

  void refuse_bad_edits(ApiClient& client, const std::string& video_id, const json& clip) {
    const std::string path = "/api/clips/" + clip["id"].get<std::string>();
    const auto refused = [&](const json& body, const std::string& field) {
      const auto res = client.patch_json(path, body);
      ASSERT_TRUE(res);
      EXPECT_EQ(res->status, 422) << body.dump() << ": " << res->body;
      EXPECT_EQ(body_of(res)["error"]["field"], field) << body.dump() << ": " << res->body;
    };
    refused({{"start", -1.0}}, "start");
    refused({{"end", 11.5}}, "end");  // past the video's 11 s
    refused({{"start", 6.0}, {"end", 5.0}}, "end");
    refused({{"start", 1.0}, {"end", 3.0}, {"snap", false}}, "end");  // shorter than 5 s
    refused({{"start", "one"}}, "start");
    refused({{"layout", "sideways"}}, "layout");
    refused({{"caption_style", "comic"}}, "caption_style");
    refused({{"captions", "yes"}}, "captions");
    refused({{"title", " \u200b "}}, "title");
    refused({{"title", nullptr}}, "title");  // null would re-render the clip unchanged
    refused(json::object(), "body");
    refused({{"snap", false}}, "body");
    EXPECT_EQ(body_of(client.get(path))["clip"]["version"], 1);

    const std::string transcript = "/api/videos/" + video_id + "/transcript";
    const auto bad_edit = [&](const json& edits, const std::string& field) {
      const auto res = client.patch_json(transcript, {{"edits", edits}});
      EXPECT_EQ(res->status, 422) << edits.dump() << ": " << res->body;
      EXPECT_EQ(body_of(res)["error"]["field"], field) << res->body;
    };
    bad_edit(json::array(), "edits");
    bad_edit({{{"start", 0}, {"end", 100000}, {"text", "x"}}}, "edits[0]");
    bad_edit({{{"start", 0}, {"end", 2}, {"text", "a"}}, {{"start", 1}, {"end", 3}, {"text", "b"}}}, "edits[1]");
    bad_edit({{{"start", -1}, {"end", 0}, {"text", "a"}}}, "edits[0].start");
    bad_edit({{{"start", 0}, {"end", 1}}}, "edits[0].text");
    bad_edit({{{"start", 1}, {"end", 1}, {"text", "\u200b"}}}, "edits[0].text");  // an invisible word
    bad_edit({{{"start", 1}, {"end", 1}, {"text", "\u00a0\u3164\ufe0f"}}}, "edits[0].text");  // spaces and fillers
    std::string flood;
    for (int i = 0; i < 5000; ++i) flood += "a ";
    bad_edit({{{"start", 1}, {"end", 1}, {"text", flood}}}, "edits[0]");  // 5,000 words into one gap

    // Another user: every editor route answers 404 and changes nothing.
    ApiClient bob(server_->port());
    bob.register_user(clipgen::testing::unique_email("Bob"));
    EXPECT_EQ(bob.get(path)->status, 404);
    EXPECT_EQ(bob.patch_json(path, {{"title", "Mine"}})->status, 404);
    EXPECT_EQ(bob.del(path)->status, 404);
    EXPECT_EQ(bob.post_json("/api/videos/" + video_id + "/clips", {{"start", 0}, {"end", 6}})->status, 404);
    EXPECT_EQ(bob.patch_json(transcript, {{"edits", {{{"start", 0}, {"end", 1}, {"text", "x"}}}}})->status, 404);
    EXPECT_EQ(bob.get("/api/videos/" + video_id + "/download")->status, 404);
    EXPECT_EQ(client.get(path)->status, 200);
  }

  void correct_a_word_and_trim(ApiClient& client, const std::string& video_id, const json& clip) {
    const std::string id = clip["id"], path = "/api/clips/" + id;
    EXPECT_EQ(clip["version"], 1);
    EXPECT_EQ(clip["origin"], "job");
    EXPECT_EQ(clip["aspect"], "1:1");
    EXPECT_EQ(clip["captions"], false);
    EXPECT_TRUE(clip["pending_job_id"].is_null());
    const std::string old_file = clip["download_url"];

    // "fellow" becomes "dear fellow" (a word never said, inserted), and the words pocketsphinx
    // heard between "your" and "you" ("brain and over") the ones said: "country can do for".
    const std::string transcript_path = "/api/videos/" + video_id + "/transcript";
    const auto read = body_of(client.get(transcript_path));
    const auto words = read["words"];
    const std::string revision = read["words_revision"];
    const std::size_t fellow = index_of(words, "fellow"), your = index_of(words, "your"), you = index_of(words, "you");
    ASSERT_TRUE(fellow < your && your + 1 < you && you < words.size()) << words.dump();
    const auto corrected = client.patch_json(
        transcript_path, {{"edits",
                           {{{"start", fellow}, {"end", fellow + 1}, {"text", "dear fellow"}},
                            {{"start", your + 1}, {"end", you}, {"text", "country can do for"}}}},
                          {"words_revision", revision}});
    ASSERT_EQ(corrected->status, 200) << corrected->body;
    const auto now_words = body_of(corrected)["words"];
    const std::string corrected_revision = body_of(corrected)["words_revision"];
    EXPECT_NE(corrected_revision, revision);
    // A second tab, still on the words as they were: its indexes now point elsewhere. Refused,
    // and nothing changes.
    const auto stale = client.patch_json(
        transcript_path, {{"edits", {{{"start", 0}, {"end", 1}, {"text", "And"}}}}, {"words_revision", revision}});
    EXPECT_EQ(stale->status, 409) << stale->body;
    EXPECT_EQ(error_code(stale), "transcript_changed");
    EXPECT_EQ(body_of(client.get(transcript_path))["words"], now_words);
    EXPECT_EQ(now_words[fellow]["text"], "dear");
    EXPECT_EQ(now_words[fellow + 1]["text"], "fellow");
    EXPECT_EQ(now_words[fellow]["estimated"], true);  // placed by its neighbours until a render
    EXPECT_DOUBLE_EQ(now_words[fellow]["start"], words[fellow]["start"]);
    EXPECT_DOUBLE_EQ(now_words[fellow + 1]["end"], words[fellow]["end"]);
    const std::size_t country = index_of(now_words, "country");
    ASSERT_EQ(now_words[country + 3]["text"], "for");
    EXPECT_NE(client.get(transcript_path + "?format=srt")->body.find("dear fellow"), std::string::npos);

    // Both ends asked for in the middle of a word: each lands in a pause of the words.
    const double asked_start = (words[1]["start"].get<double>() + words[1]["end"].get<double>()) / 2;
    const double asked_end = asked_start + 7.5;
    const auto patched = client.patch_json(path, {{"start", asked_start}, {"end", asked_end}, {"captions", true}});
    ASSERT_EQ(patched->status, 202) << patched->body;
    const auto answer = body_of(patched);
    EXPECT_EQ(answer["clip"]["version"], 1);  // as it is until the render succeeds
    EXPECT_EQ(answer["clip"]["start"], clip["start"]);
    EXPECT_EQ(answer["job"]["stage"], "");
    EXPECT_EQ(client.patch_json(path, {{"end", asked_end - 1}})->status, 409);  // one render at a time
    EXPECT_EQ(fetch(client, path + "/download")->status, 200);                  // the old file meanwhile
    const auto job = wait_for_render(client, answer);
    ASSERT_EQ(job["status"], "succeeded") << job.dump();

    const auto rendered = body_of(client.get(path))["clip"];
    EXPECT_EQ(rendered["version"], 2);
    EXPECT_TRUE(rendered["pending_job_id"].is_null());
    EXPECT_EQ(rendered["captions"], true);
    const double start = rendered["start"], end = rendered["end"];
    EXPECT_TRUE(in_a_pause(now_words, start)) << start;
    EXPECT_TRUE(in_a_pause(now_words, end)) << end;
    EXPECT_LT(std::abs(start - asked_start), 1.5);
    EXPECT_LT(std::abs(end - asked_end), 1.5);
    // The source, decoded by the ffmpeg CLI, is quiet there: well below the level of the words.
    const auto sound = clipgen::testing::decode_sound(kSource);
    std::vector<double> word_levels;
    for (const auto& w : now_words)
      word_levels.push_back(level_at(sound, (w["start"].get<double>() + w["end"].get<double>()) / 2, 0.05));
    std::nth_element(word_levels.begin(), word_levels.begin() + word_levels.size() / 2, word_levels.end());
    const double speech = word_levels[word_levels.size() / 2];
    EXPECT_LT(level_at(sound, start, 0.015), 0.25 * speech) << "start " << start;
    EXPECT_LT(level_at(sound, end, 0.015), 0.25 * speech) << "end " << end;

    // The file lasts end - start (ffprobe), within one frame; the corrected words are its
    // subtitles and the captions burned into it (the .ass the renderer was given, kept).
    const auto file = fetch(client, path + "/download");
    ASSERT_EQ(file->status, 200);
    EXPECT_NEAR(probed_duration(save(file->body, "trimmed.mp4")), end - start, kFrame);
    const auto srt = fetch(client, path + "/subtitles");
    ASSERT_EQ(srt->status, 200);
    EXPECT_EQ(srt->get_header_value("Content-Type"), "application/x-subrip; charset=utf-8");  // words in any script
    EXPECT_NE(srt->body.find("dear fellow"), std::string::npos) << srt->body;
    const auto ass = fetch(client, path + "/captions");
    ASSERT_EQ(ass->status, 200);
    EXPECT_NE(ass->body.find("[Events]"), std::string::npos);
    EXPECT_NE(ass->body.find("dear"), std::string::npos) << ass->body;
    EXPECT_NE(rendered["text"].get<std::string>().find("dear fellow"), std::string::npos) << rendered["text"];
    // The render timed the fixed words from the audio and kept their times: each now sits where
    // the ffmpeg-decoded source is voiced, no longer an estimate; all in order.
    const auto timed = body_of(client.get(transcript_path));
    EXPECT_EQ(timed["words_revision"], corrected_revision);  // new times, the same words
    const auto timed_words = timed["words"];
    ASSERT_EQ(timed_words.size(), now_words.size());
    for (std::size_t k = country; k < country + 4; ++k) {
      const auto& w = timed_words[k];
      EXPECT_FALSE(w.contains("estimated")) << w.dump();
      const double from = w["start"], to = w["end"];
      EXPECT_GT(level_at(sound, (from + to) / 2, (to - from) / 2), 0.3 * speech) << w.dump();
    }
    for (std::size_t k = 1; k < timed_words.size(); ++k)
      EXPECT_LE(timed_words[k - 1]["end"].get<double>(), timed_words[k]["start"].get<double>() + 1e-9) << k;
    EXPECT_NE(srt->body.find("country can do for"), std::string::npos) << srt->body;
    // The old file is gone from storage.
    httplib::Client anonymous("127.0.0.1", server_->port());
    EXPECT_EQ(anonymous.Get(old_file)->status, 404);

    // A title alone changes at once.
    const auto retitled = client.patch_json(path, {{"title", "  Ask not  "}});
    ASSERT_EQ(retitled->status, 200) << retitled->body;
    EXPECT_EQ(body_of(retitled)["clip"]["title"], "Ask not");
    EXPECT_EQ(body_of(retitled)["clip"]["version"], 2);
  }

  void make_a_clip_by_hand(ApiClient& client, const std::string& video_id) {
    const auto made = client.post_json("/api/videos/" + video_id + "/clips", {{"start", 1.0},
                                                                              {"end", 7.0},
                                                                              {"aspect", "9:16"},
                                                                              {"layout", "fit"},
                                                                              {"captions", false},
                                                                              {"caption_style", "boxed"},
                                                                              {"snap", false}});
    ASSERT_EQ(made->status, 202) << made->body;
    const auto answer = body_of(made);
    const std::string path = "/api/clips/" + answer["clip"]["id"].get<std::string>();
    EXPECT_EQ(answer["clip"]["origin"], "manual");
    EXPECT_EQ(answer["clip"]["version"], 0);
    EXPECT_TRUE(answer["clip"]["download_url"].is_null());
    EXPECT_EQ(client.get(path + "/download")->status, 409);
    const int score = answer["clip"]["score"];
    EXPECT_GE(score, 1);
    EXPECT_LE(score, 10);
    EXPECT_FALSE(answer["clip"]["title"].get<std::string>().empty());
    EXPECT_FALSE(answer["clip"]["reason"].get<std::string>().empty());
    ASSERT_EQ(wait_for_render(client, answer)["status"], "succeeded");

    const auto clip = body_of(client.get(path))["clip"];
    EXPECT_EQ(clip["version"], 1);
    EXPECT_EQ(clip["width"], 1080);
    EXPECT_EQ(clip["height"], 1920);
    const auto file = fetch(client, path + "/download");
    ASSERT_EQ(file->status, 200);
    EXPECT_NEAR(probed_duration(save(file->body, "by-hand.mp4")), 6.0, kFrame);
    EXPECT_EQ(client.get(path + "/captions")->status, 404);  // captions off: none burned

    const std::string link = clip["download_url"];
    EXPECT_EQ(client.del(path)->status, 204);
    EXPECT_EQ(client.get(path)->status, 404);
    httplib::Client anonymous("127.0.0.1", server_->port());
    EXPECT_EQ(anonymous.Get(link)->status, 404);  // its files removed
    EXPECT_EQ(client.del(path)->status, 404);
  }

  void fail_a_render(ApiClient& client, const std::string& video_id, const json& clip) {
    const std::string path = "/api/clips/" + clip["id"].get<std::string>();
    // The source around the clip is served too.
    EXPECT_EQ(fetch(client, "/api/videos/" + video_id + "/download")->body.size(), fs::file_size(kSource));

    // The original is lost from storage: the render fails, for real.
    std::size_t removed = 0;
    for (const auto& entry : fs::recursive_directory_iterator(data_dir_))
      if (entry.path().string().find(video_id) != std::string::npos && entry.path().stem() == "original")
        removed += fs::remove(entry.path());
    ASSERT_EQ(removed, 1u);
    const auto patched = client.patch_json(path, {{"start", 0.0}, {"end", 6.0}, {"snap", false}});
    ASSERT_EQ(patched->status, 202) << patched->body;
    const auto job = wait_for_render(client, body_of(patched));
    EXPECT_EQ(job["status"], "failed");
    EXPECT_FALSE(job["error"].is_null());

    auto after = body_of(client.get(path))["clip"];
    auto before = clip;
    for (auto* c : {&after, &before})
      for (const char* volatile_field : {"download_url", "thumbnail_url", "links_expire_at"}) c->erase(volatile_field);
    EXPECT_EQ(after, before);
    EXPECT_EQ(fetch(client, path + "/download")->status, 200);
  }
};

// One process job's clip, then every editor route on it in turn (one server, one job, three
// renders: whole renders are what CI time goes to). The failed render comes last: it loses the
// original.
TEST_F(ApiEditorTest, TrimFixWordsMakeByHandFailAndRefuse) {
  ApiClient client(server_->port());
  std::string video_id;
  const auto clip = clip_of_a_job(client, video_id);
  ASSERT_FALSE(clip.is_null());
  {
    SCOPED_TRACE("refusals");
    refuse_bad_edits(client, video_id, clip);
  }
  {
    SCOPED_TRACE("a corrected word and a snapped trim");
    correct_a_word_and_trim(client, video_id, clip);
  }
  {
    SCOPED_TRACE("a clip made by hand");
    make_a_clip_by_hand(client, video_id);
  }
  {
    SCOPED_TRACE("a failed render");
    fail_a_render(client, video_id, body_of(client.get("/api/clips/" + clip["id"].get<std::string>()))["clip"]);
  }
}

}  // namespace
