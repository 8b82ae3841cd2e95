// `clipgen process` end to end on the 200 s talk, checked with the ffprobe CLI as an
// independent measure of what was written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "support/command.h"
#include "support/frame_faces.h"

namespace fs = std::filesystem;
using clipgen::testing::run_command;
using nlohmann::json;

namespace {

const fs::path kWork = CLIPGEN_TEST_WORK_DIR;

json read_json(const fs::path& path) {
  std::ifstream in(path);
  return json::parse(in);
}

json ffprobe(const fs::path& file) {
  const auto r = run_command({"ffprobe", "-v", "error", "-show_entries",
                              "format=duration:stream=codec_type,width,height", "-of", "json", file.string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

// The ctest fixture app.process_talk ran `clipgen process` on the talk into this folder,
// with --json output captured beside it; these checks read what it wrote.
class ProcessTalk : public ::testing::Test {
 protected:
  const fs::path out_ = kWork / "process-talk";
  const fs::path stdout_ = kWork / "process-talk.out" / "stdout.json";
};

TEST_F(ProcessTalk, PrintsClipsJson) {
  const auto printed = read_json(stdout_);
  EXPECT_EQ(printed, read_json(out_ / "clips.json"));
  EXPECT_EQ(printed["clips"].size(), std::size_t{PROCESS_TALK_CLIPS});
}

TEST_F(ProcessTalk, EveryClipIsAValidMp4OfTheAnnouncedLengthAndShape) {
  for (const auto& clip : read_json(out_ / "clips.json")["clips"]) {
    const fs::path file = out_ / clip["file"].get<std::string>();
    SCOPED_TRACE(file.string());
    const auto probe = ffprobe(file);
    const double measured = std::stod(probe["format"]["duration"].get<std::string>());
    EXPECT_NEAR(measured, clip["duration"].get<double>(), 0.1);
    EXPECT_NEAR(measured, clip["end"].get<double>() - clip["start"].get<double>(), 0.1);
    EXPECT_GE(measured, PROCESS_TALK_MIN - 0.1);
    EXPECT_LE(measured, PROCESS_TALK_MAX + 0.1);
    bool audio = false, video = false;
    for (const auto& stream : probe["streams"]) {
      if (stream["codec_type"] == "audio") audio = true;
      if (stream["codec_type"] == "video") {
        video = true;
        EXPECT_EQ(stream["width"], 1080);
        EXPECT_EQ(stream["height"], 1920);
      }
    }
    EXPECT_TRUE(audio);
    EXPECT_TRUE(video);

    std::ifstream thumb(out_ / clip["thumbnail"].get<std::string>(), std::ios::binary);
    unsigned char magic[2] = {};
    thumb.read(reinterpret_cast<char*>(magic), 2);
    EXPECT_EQ(magic[0], 0xFF);
    EXPECT_EQ(magic[1], 0xD8);
    EXPECT_GE(clip["score"].get<int>(), 1);
    EXPECT_LE(clip["score"].get<int>(), 10);
    EXPECT_FALSE(clip["title"].get<std::string>().empty());
    EXPECT_FALSE(clip["reason"].get<std::string>().empty());
  }
}

TEST_F(ProcessTalk, ClipsDoNotOverlapAndCutNoWordInHalf) {
  const auto clips = read_json(out_ / "clips.json")["clips"];
  const auto words = read_json(out_ / "transcript.json")["words"];
  ASSERT_GT(words.size(), 100u);
  for (std::size_t i = 0; i < clips.size(); ++i) {
    const double start = clips[i]["start"], end = clips[i]["end"];
    for (std::size_t j = i + 1; j < clips.size(); ++j) {
      const double s2 = clips[j]["start"], e2 = clips[j]["end"];
      EXPECT_TRUE(end <= s2 || e2 <= start) << "clips " << i + 1 << " and " << j + 1 << " overlap";
    }
    for (const auto& word : words) {
      const double ws = word["start"], we = word["end"];
      EXPECT_FALSE(ws < start && start < we) << "clip " << i + 1 << " starts inside '" << word["text"] << "'";
      EXPECT_FALSE(ws < end && end < we) << "clip " << i + 1 << " ends inside '" << word["text"] << "'";
    }
  }
}

TEST_F(ProcessTalk, WritesTranscriptsAndLeavesNoScratchFiles) {
  for (const char* name : {"transcript.json", "transcript.srt", "transcript.vtt", "clips.json"})
    EXPECT_GT(fs::file_size(out_ / name), 0u) << name;
  std::ifstream vtt(out_ / "transcript.vtt");
  std::string first_line;
  std::getline(vtt, first_line);
  EXPECT_EQ(first_line, "WEBVTT");
  for (const auto& entry : fs::directory_iterator(out_.parent_path()))
    EXPECT_EQ(entry.path().filename().string().find(".process-talk.partial"), std::string::npos) << entry.path();
  for (const auto& entry : fs::directory_iterator(out_)) {
    const auto ext = entry.path().extension();
    EXPECT_TRUE(ext == ".mp4" || ext == ".jpg" || ext == ".srt" || ext == ".vtt" || ext == ".json")
        << "unexpected " << entry.path();
  }
}

TEST_F(ProcessTalk, ClipsAreShortsReadyWithTheSpeakerInFrame) {
  const auto report = read_json(out_ / "clips.json");
  EXPECT_EQ(report["settings"]["layout"], "auto");
  EXPECT_EQ(report["settings"]["captions"], true);
  EXPECT_EQ(report["settings"]["caption_style"], "pop");
  clipgen::reframe::FaceDetector detector;
  for (const auto& clip : report["clips"]) {
    SCOPED_TRACE(clip["file"].get<std::string>());
    EXPECT_FALSE(clip["title"].get<std::string>().empty());
    ASSERT_FALSE(clip["hashtags"].empty());
    for (const auto& tag : clip["hashtags"]) EXPECT_EQ(tag.get<std::string>().front(), '#');
    // The talk's face sits left of centre: a centre crop would cut it, the clip shows it whole.
    const auto frame = clipgen::testing::gray_frame(out_ / clip["file"].get<std::string>(), 5.0, 360, 640);
    const auto faces = clipgen::testing::faces_in(frame, detector);
    ASSERT_FALSE(faces.empty());
    EXPECT_GT(faces.front().x, 0);
    EXPECT_LT(faces.front().x + faces.front().w, 360);
    EXPECT_FALSE(clipgen::testing::faces_in(
                     clipgen::testing::gray_image(out_ / clip["thumbnail"].get<std::string>(), 270, 480), detector)
                     .empty())
        << "the thumbnail shows the face";
  }
}

}  // namespace
