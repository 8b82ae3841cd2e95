#include "media/probe.h"

#include <gtest/gtest.h>

#include "media/media_error.h"

using namespace clipgen::media;

namespace {

const std::string kMedia = CLIPGEN_MEDIA_DIR;

TEST(Probe, ReadsARealVideo) {
  const auto info = probe(kMedia + "/video/videogrep_manifesto.mp4");
  EXPECT_NEAR(info.duration, 88.1, 0.05);
  EXPECT_TRUE(info.has_video);
  EXPECT_TRUE(info.has_audio);
  EXPECT_EQ(info.width, 320);
  EXPECT_EQ(info.height, 180);
  EXPECT_EQ(info.rotation, 0);
  EXPECT_NEAR(info.fps, 25, 0.01);
  EXPECT_EQ(info.video_codec, "h264");
  EXPECT_EQ(info.audio_codec, "aac");
  EXPECT_EQ(info.sample_rate, 44100);
}

TEST(Probe, ReadsAudioOnlyFiles) {
  const auto wav = probe(kMedia + "/speech/jfk.wav");
  EXPECT_NEAR(wav.duration, 11.0, 0.01);
  EXPECT_FALSE(wav.has_video);
  EXPECT_EQ(wav.sample_rate, 16000);
  EXPECT_EQ(wav.channels, 1);
  EXPECT_THROW(require_audio_and_video(wav, "jfk.wav"), MediaError);
}

void expect_error(const std::string& file, const std::string& words) {
  try {
    probe(kMedia + "/odd/" + file);
    ADD_FAILURE() << file << " was accepted";
  } catch (const MediaError& e) {
    const std::string what = e.what();
    EXPECT_EQ(what.rfind(file + ": ", 0), 0u) << what;
    EXPECT_NE(what.find(words), std::string::npos) << what;
  }
}

TEST(Probe, NamesWhatIsWrongWithBrokenFiles) {
  expect_error("aeneas_mono.empty.wav", "empty");
  expect_error("aeneas_mono.invalid.wav", "not a media file");
  expect_error("aeneas_mono.zero.wav", "no media");
  expect_error("androidx_large_stbl_truncated_after_moov.m4b", "truncated");
  expect_error("androidx_sample_malformed_free_box.mp4", "not a media file");
}

TEST(Probe, ExplainsWhyAFileCannotBecomeClips) {
  const auto stsd = probe(kMedia + "/odd/androidx_sample_missing_stsd.mp4");
  EXPECT_TRUE(stsd.undecodable_audio);
  try {
    require_audio_and_video(stsd, "x.mp4");
    ADD_FAILURE();
  } catch (const MediaError& e) {
    EXPECT_NE(std::string(e.what()).find("no codec description"), std::string::npos) << e.what();
  }
  const auto silent = probe(kMedia + "/odd/androidx_long_1080p_videoonly_lowbitrate.mp4");
  EXPECT_FALSE(silent.has_audio);
  EXPECT_EQ(silent.width, 1920);
  EXPECT_THROW(require_audio_and_video(silent, "x.mp4"), MediaError);
}

}  // namespace
