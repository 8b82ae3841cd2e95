// `clipgen process` and `clipgen probe` on the field cases in ../shared/media/field (inputs that
// break peer clip tools), held to the right values its README gives for clips, measured with the
// ffmpeg/ffprobe CLI. The two .wav cases are about word times, not clips: transcription tests
// hold those.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "support/command.h"
#include "support/ffprobe.h"
#include "support/frames.h"
#include "support/sound.h"
#include "support/sync_marks.h"

namespace fs = std::filesystem;
using namespace clipgen::testing;
using nlohmann::json;

namespace {

const fs::path kField = fs::path(CLIPGEN_MEDIA_DIR) / "field";
const fs::path kWork = fs::path(CLIPGEN_TEST_WORK_DIR) / "field";

struct Processed {
  CommandResult result;
  fs::path out;
  json report;  // clips.json; null when it was not written
};

// `clipgen process` on a field file, in a folder of its own (ctest runs cases in parallel). The
// clips keep the source's shape (no reframing to judge here) and may be as short as 5 s: the
// field files last 5-15 s.
Processed process(const std::string& file) {
  const fs::path work = kWork / file;
  fs::remove_all(work);
  fs::create_directories(work);
  Processed p;
  p.out = work / "clips";
  p.result =
      run_command({CLIPGEN_BINARY, "process", (kField / file).string(), "-o", p.out.string(), "--aspect", "original",
                   "--layout", "fill", "--clips", "2", "--min-duration", "5", "--max-duration", "10", "-q"});
  std::cout << "exit " << p.result.exit_code << "\n" << p.result.out << p.result.err;
  if (fs::exists(p.out / "clips.json")) {
    std::ifstream in(p.out / "clips.json");
    p.report = json::parse(in);
  }
  return p;
}

// Seconds of each "-->" line's end in an SRT file.
std::vector<double> srt_cue_ends(const fs::path& srt) {
  std::ifstream in(srt);
  const std::regex cue(R"(-->\s*(\d+):(\d+):(\d+),(\d+))");
  std::vector<double> ends;
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, cue))
      ends.push_back(std::stoi(m[1]) * 3600 + std::stoi(m[2]) * 60 + std::stoi(m[3]) + std::stoi(m[4]) / 1000.0);
  }
  return ends;
}

double frame_rate(const json& stream) {
  const auto rate = stream.at("avg_frame_rate").get<std::string>();
  const auto slash = rate.find('/');
  return std::stod(rate.substr(0, slash)) / std::stod(rate.substr(slash + 1));
}

// What the README asks of every clip: clips.json's duration is the file's as ffprobe measures it
// (within one frame), the sound lasts as long as the picture (within one audio frame), and no
// subtitle runs past the end.
void expect_clips_true_to_their_files(const Processed& p) {
  ASSERT_EQ(p.result.exit_code, 0) << p.result.err;
  ASSERT_TRUE(p.report.is_object()) << "no clips.json";
  for (const auto& clip : p.report.at("clips")) {
    const fs::path file = p.out / clip.at("file").get<std::string>();
    SCOPED_TRACE(file.string());
    const auto probed = ffprobe(file, "format=duration:stream=codec_type,duration,avg_frame_rate,sample_rate");
    const double duration = probed_number(probed.at("format"), "duration");
    double video = NAN, audio = NAN, frame = NAN, audio_frame = NAN;
    for (const auto& s : probed.at("streams")) {
      if (s.at("codec_type") == "video") video = probed_number(s, "duration"), frame = 1 / frame_rate(s);
      if (s.at("codec_type") == "audio")
        audio = probed_number(s, "duration"), audio_frame = 1024 / probed_number(s, "sample_rate");  // AAC
    }
    std::cout << file.filename().string() << ": clips.json " << clip.at("start") << "-" << clip.at("end") << " s, "
              << clip.at("duration") << " s; ffprobe " << duration << " s, video " << video << " s, audio " << audio
              << " s\n";
    EXPECT_LE(std::abs(clip.at("duration").get<double>() - duration), frame)
        << "clips.json says " << clip.at("duration") << " s, the file lasts " << duration << " s";
    EXPECT_LE(std::abs(audio - video), audio_frame) << "audio " << audio << " s, video " << video << " s";
    const auto subtitles = p.out / clip.at("subtitles").get<std::string>();
    ASSERT_TRUE(fs::exists(subtitles)) << subtitles;
    for (double end : srt_cue_ends(subtitles))
      EXPECT_LE(end, duration + 0.001) << "a subtitle of " << subtitles.filename() << " ends past the clip's end";
  }
}

// The videos from which clips must be made: clips.json lists at least one, each true to its file.
void expect_true_clips(const Processed& p) {
  expect_clips_true_to_their_files(p);
  if (!::testing::Test::HasFatalFailure()) EXPECT_FALSE(p.report.at("clips").empty()) << "no clips made";
}

TEST(FieldMedia, MatroskaClipsKeepTheirSound) { expect_true_clips(process("testsrc_jfk.mkv")); }

TEST(FieldMedia, MpegTsClipsStartOnTheFrameAskedFor) {
  const auto p = process("testsrc_jfk.ts");
  expect_true_clips(p);
  if (HasFatalFailure()) return;
  // testsrc2 changes every frame: the best match among all source frames is the one shown.
  const auto source = decode_frames(kField / "testsrc_jfk.ts", 160, 90);
  for (const auto& clip : p.report.at("clips")) {
    const double start = clip.at("start");
    const auto first = decode_frames(p.out / clip.at("file").get<std::string>(), 160, 90).front();
    std::size_t match = 0;
    for (std::size_t i = 1; i < source.size(); ++i)
      if (mean_difference(first.picture, source[i].picture, 0, 90) <
          mean_difference(first.picture, source[match].picture, 0, 90))
        match = i;
    const auto asked = std::find_if(source.begin(), source.end(), [&](const auto& f) { return f.t >= start - 0.001; });
    ASSERT_NE(asked, source.end());
    std::cout << "clip from " << start << " s begins with the source frame at " << source[match].t
              << " s; the first at or after the start is at " << asked->t << " s\n";
    EXPECT_EQ(source[match].t, asked->t) << "the clip from " << start << " s should begin with the frame at "
                                         << asked->t << " s, not the one at " << source[match].t << " s";
  }
}

TEST(FieldMedia, SpeechOnTheSecondTrackMakesClipsWithThatTrack) {
  const fs::path input = kField / "tone_track1_speech_track2.mp4";
  // The desktop track is a 220 Hz tone: the measure tells it from speech.
  const double tone_track = tone_share(decode_sound(input, 0), 220),
               speech_track = tone_share(decode_sound(input, 1), 220);
  ASSERT_GT(tone_track, 0.9);
  ASSERT_LT(speech_track, 0.1);
  const auto p = process("tone_track1_speech_track2.mp4");
  expect_true_clips(p);
  if (HasFatalFailure()) return;
  for (const auto& clip : p.report.at("clips")) {
    const double share = tone_share(decode_sound(p.out / clip.at("file").get<std::string>()), 220);
    EXPECT_LT(share, 0.1) << clip.at("file") << " carries the tone track (220 Hz share " << share << ")";
  }
}

TEST(FieldMedia, ProbeListsEveryAudioTrack) {
  const fs::path input = kField / "tone_track1_speech_track2.mp4";
  const auto r = run_command({CLIPGEN_BINARY, "probe", input.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto listed = json::parse(r.out);
  ASSERT_TRUE(listed.contains("audio_tracks")) << r.out;
  const auto probed = ffprobe(input, "stream=codec_name,channels,sample_rate", "a");
  const auto& tracks = listed.at("audio_tracks");
  ASSERT_EQ(tracks.size(), probed.at("streams").size()) << r.out;
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    const auto& want = probed.at("streams").at(i);
    EXPECT_EQ(tracks[i].value("track", json()), i + 1) << tracks[i];
    EXPECT_EQ(tracks[i].value("codec", json()), want.at("codec_name")) << tracks[i];
    EXPECT_EQ(tracks[i].value("channels", json()), want.at("channels")) << tracks[i];
    EXPECT_EQ(tracks[i].value("sample_rate", json()), probed_number(want, "sample_rate")) << tracks[i];
  }
}

TEST(FieldMedia, SoundPastThePictureGivesClipsWhereThereIsPicture) {
  const fs::path input = kField / "audio11s_video5s.mp4";
  const auto video = ffprobe(input, "stream=start_time,duration", "v:0")["streams"].at(0);
  const double picture_end = probed_number(video, "start_time") + probed_number(video, "duration") - time_origin(input);
  // No clip need be made: none of jfk.wav's sentences fits in 5 s with the CLI's shortest clip
  // (5 s). What is made must lie within the picture, and the run must not fail.
  const auto p = process("audio11s_video5s.mp4");
  expect_clips_true_to_their_files(p);
  if (HasFatalFailure()) return;
  for (const auto& clip : p.report.at("clips"))
    EXPECT_LE(clip.at("end").get<double>(), picture_end + 0.001)
        << clip.at("file") << " ends past the picture's end at " << picture_end << " s";
}

TEST(FieldMedia, MusicEndsWithNoClipsAndANoteSayingSo) {
  const auto p = process("music_only.mp4");
  ASSERT_EQ(p.result.exit_code, 0) << p.result.err;
  ASSERT_TRUE(p.report.is_object()) << "no clips.json";
  EXPECT_TRUE(p.report.at("clips").empty()) << p.report.at("clips").size() << " clips made from music";
  const auto says_no_speech = [](std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
    return text.find("no speech") != std::string::npos;
  };
  EXPECT_TRUE(says_no_speech(p.report.value("notes", json::array()).dump()))
      << "clips.json notes: " << p.report.value("notes", json::array());
  EXPECT_TRUE(says_no_speech(p.result.out + p.result.err)) << "printed: " << p.result.out << p.result.err;
}

}  // namespace
