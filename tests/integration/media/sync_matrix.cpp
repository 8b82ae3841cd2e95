#include "integration/media/sync_matrix.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iostream>
#include <limits>
#include <optional>

#include "support/ffprobe.h"
#include "support/sound.h"
#include "support/sync_marks.h"

namespace fs = std::filesystem;

namespace clipgen::testing::sync {
namespace {

double median_step(const std::vector<TimedFrame>& frames) {
  std::vector<double> steps;
  for (std::size_t i = 1; i < frames.size(); ++i) steps.push_back(frames[i].t - frames[i - 1].t);
  if (steps.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
  return steps[steps.size() / 2];
}

std::size_t first_after(const std::vector<TimedFrame>& frames, double t) {
  return static_cast<std::size_t>(
      std::upper_bound(frames.begin(), frames.end(), t, [](double x, const TimedFrame& f) { return x < f.t; }) -
      frames.begin());
}

std::vector<double> within(const std::vector<double>& times, double from, double to) {
  std::vector<double> out;
  std::copy_if(times.begin(), times.end(), std::back_inserter(out), [&](double t) { return t >= from && t < to; });
  return out;
}

double nearest(const std::vector<double>& times, double t) {
  double best = std::numeric_limits<double>::quiet_NaN();
  for (double x : times)
    if (std::isnan(best) || std::abs(x - t) < std::abs(best - t)) best = x;
  return best;
}

std::string list(const std::vector<double>& times) {
  std::string out;
  for (double t : times) out += fmt::format("{}{:.3f}", out.empty() ? "" : ", ", t);
  return "[" + out + "]";
}

std::string ms(double seconds) { return fmt::format("{:+.1f} ms", seconds * 1000); }

}  // namespace

fs::path matrix_dir() { return fs::path(CLIPGEN_TEST_WORK_DIR) / "sync-matrix"; }

const std::vector<std::string>& matrix_inputs() {
  static const std::vector<std::string> inputs{
      "mp4_h264_aac.mp4",
      "mov_hevc_pcm.mov",
      "mkv_av1_flac.mkv",
      "webm_vp9_opus.webm",
      "webm_vp8_vorbis.webm",
      "mkv_h264_mp3_from10s_nocues.mkv",
      "ts_mpeg2_ac3_interlaced.ts",
      "ts_h264_aac_longgop.ts",
      "avi_mpeg4_pcm.avi",
      "flv_h264_mp3.flv",
      "mp4_h264_2tracks_late_audio.mp4",
  };
  return inputs;
}

std::vector<ClipCase> matrix_clips() {
  // Flashes are at 1.4, 3.6, 4.8, 7.8 and 9.2 s; keyframes every 2 s (the long-GOP input: at
  // 0 and 10 s only) and at scene cuts.
  std::vector<ClipCase> clips;
  for (const auto& input : matrix_inputs()) {
    if (input == "mp4_h264_2tracks_late_audio.mp4") clips.push_back({input, 0.3, 2.5});  // before the sound begins
    clips.push_back({input, 1.1, 4.3});
    clips.push_back({input, 6.5, 9.9});
  }
  return clips;
}

void PrintTo(const ClipCase& clip, std::ostream* out) {
  *out << clip.input << " from " << clip.start << " s to " << clip.end << " s";
}

std::string input_name(const std::string& input) {
  std::string name = input;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

std::string case_name(const ClipCase& clip) {
  return fmt::format("{}_{}ms_to_{}ms", input_name(clip.input), std::lround(clip.start * 1000),
                     std::lround(clip.end * 1000));
}

Source measure_source(const fs::path& file) {
  Source s;
  s.file = file;
  const auto video = ffprobe(file, "stream=width,height", "v:0")["streams"].at(0);
  s.width = video.at("width");
  s.height = video.at("height");
  s.frames = decode_frames(file, s.width / 4, s.height / 4);
  s.frame_duration = median_step(s.frames);
  const double origin = time_origin(file);
  const auto packets = ffprobe(file, "packet=pts_time,dts_time,flags", "v:0");
  for (const auto& packet : packets.at("packets")) {
    if (packet.at("flags").get<std::string>().find('K') == std::string::npos) continue;
    const double pts = probed_number(packet, "pts_time");
    s.keyframes.push_back((std::isnan(pts) ? probed_number(packet, "dts_time") : pts) - origin);
  }
  s.flashes = flash_times(s.frames);
  s.beeps = beep_onsets(decode_sound(file, 0));
  return s;
}

Cut cut_between_frames(const Source& source, double start, double end) {
  const auto& f = source.frames;
  const std::size_t first = first_after(f, start), after = first_after(f, end);
  if (first == 0 || after >= f.size() || after <= first)
    throw std::invalid_argument(fmt::format("{}-{} s is not inside {}", start, end, source.file.string()));
  return {(f[first - 1].t + f[first].t) / 2, (f[after - 1].t + f[after].t) / 2, first};
}

namespace {

// A gtest expectation that `got` is within `tolerance` of `want`, saying by how much it is not.
void expect_within(double got, double want, double tolerance, const std::string& what) {
  EXPECT_LE(std::abs(got - want), tolerance)
      << fmt::format("{}: {:.1f} ms off (allowed {:.1f} ms)", what, (got - want) * 1000, tolerance * 1000);
}

// Finds the clip's first frame among all the source's by the frame-number band along the bottom.
void expect_first_frame(const Source& source, const Cut& cut, const TimedFrame& first) {
  const int height = first.picture.height;
  const int band_from =
      static_cast<int>(std::ceil((source.height - source.height / 8) * double(height) / source.height)) + 1;
  std::size_t match = 0;
  double match_difference = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < source.frames.size(); ++i) {
    const double d = mean_difference(first.picture, source.frames[i].picture, band_from, height);
    if (d < match_difference) match = i, match_difference = d;
  }
  const double asked = source.frames[cut.first].t;
  std::cout << fmt::format(
      "  first frame: the source's at {:.3f} s ({:+d} frames from the one asked for, at {:.3f} s; band difference "
      "{:.1f}, {:.1f} to the one asked for)\n",
      source.frames[match].t, static_cast<long>(match) - static_cast<long>(cut.first), asked, match_difference,
      mean_difference(first.picture, source.frames[cut.first].picture, band_from, height));
  EXPECT_EQ(match, cut.first) << "the clip should begin with the source frame at " << asked << " s, not the one at "
                              << source.frames[match].t << " s";
}

struct StreamTimes {
  double start = NAN, duration = NAN;
};

void expect_stream_timing(const Source& source, const Cut& cut, const StreamTimes& video, const StreamTimes& audio,
                          const std::vector<TimedFrame>& frames, const DecodedSound& sound) {
  const double audio_frame = double(sound.frame_size) / sound.sample_rate;
  // n frames at the clip's own (mean) frame rate, which need not be the source's.
  const double decoded_video = frames.size() < 2
                                   ? source.frame_duration
                                   : (frames.back().t - frames.front().t) * frames.size() / double(frames.size() - 1);
  const double decoded_audio = double(sound.decoded) / sound.sample_rate;
  std::cout << fmt::format(
      "  ffprobe: video {:.4f} s from {:.4f} s, audio {:.4f} s from {:.4f} s; decoded: {} frames = {:.4f} s, "
      "{} samples = {:.4f} s (one audio frame: {:.1f} ms); the cut: {:.4f} s\n",
      video.duration, video.start, audio.duration, audio.start, frames.size(), decoded_video, sound.decoded,
      decoded_audio, audio_frame * 1000, cut.end - cut.start);
  expect_within(video.start, 0, 0.001, "the video stream should start at 0");
  expect_within(audio.start, 0, 0.001, "the audio stream should start at 0");
  expect_within(audio.duration, video.duration, audio_frame, "the audio stream should last as long as the video");
  expect_within(decoded_audio, decoded_video, audio_frame, "the decoded sound should last as long as the picture");
  expect_within(decoded_video, cut.end - cut.start, source.frame_duration,
                "the picture should last as long as the cut");
}

// Each flash of the source within the cut, with its beep, where the source has them.
void expect_marks(const Source& source, const Cut& cut, const std::vector<TimedFrame>& frames,
                  const DecodedSound& sound) {
  const auto flashes = flash_times(frames), beeps = beep_onsets(sound);
  const auto source_flashes = within(source.flashes, source.frames[cut.first].t, cut.end);
  std::string together, apart_in_source, flash_errors, beep_errors;
  const auto add = [](std::string& to, double seconds) { to += (to.empty() ? "" : ", ") + ms(seconds); };
  for (double s : source_flashes) {
    const double source_beep = nearest(source.beeps, s);
    const double flash = nearest(flashes, s - cut.start), beep = nearest(beeps, flash);
    add(together, beep - flash);
    add(apart_in_source, source_beep - s);
    add(flash_errors, flash - (s - cut.start));
    add(beep_errors, beep - (source_beep - cut.start));
  }
  std::cout << fmt::format(
      "  flashes at {} s, beeps at {} s\n  beep - flash: [{}] (in the source: [{}]); flash - (source - start): [{}]; "
      "beep - (source - start): [{}]\n",
      list(flashes), list(beeps), together, apart_in_source, flash_errors, beep_errors);

  EXPECT_EQ(flashes.size(), source_flashes.size()) << "flashes in the clip";
  EXPECT_EQ(beeps.size(), within(source.beeps, cut.start, cut.end).size()) << "beeps in the clip";
  for (double s : source_flashes) {
    const double source_beep = nearest(source.beeps, s);
    const double flash = nearest(flashes, s - cut.start), beep = nearest(beeps, flash);
    const auto mark = fmt::format("the flash at {:.3f} s in the source", s);
    expect_within(beep - flash, 0, 0.040, mark + ": its beep should be within 40 ms of it");
    // The sound begins with the first frame, not at the start asked for: the marks stay as far
    // apart as in the source (the measurements agree with themselves within 2 ms: see
    // sync_reference_test.cpp).
    expect_within(beep - flash, source_beep - s, 0.005, mark + ": its beep should be as far from it as in the source");
    expect_within(flash, s - cut.start, source.frame_duration, mark + ": should be at its source time minus the start");
    expect_within(beep, source_beep - cut.start, source.frame_duration,
                  mark + ": its beep should be at its source time minus the start");
  }
}

}  // namespace

void expect_true_to_source(const Source& source, const Cut& cut, const fs::path& clip) {
  std::cout << fmt::format("{}: cut {:.3f}-{:.3f} s of {}\n", clip.filename().string(), cut.start, cut.end,
                           source.file.filename().string());
  std::optional<StreamTimes> video, audio;
  const auto probed = ffprobe(clip, "stream=codec_type,start_time,duration");
  for (const auto& s : probed.at("streams")) {
    const StreamTimes times{probed_number(s, "start_time"), probed_number(s, "duration")};
    if (s.at("codec_type") == "video" && !video) video = times;
    if (s.at("codec_type") == "audio" && !audio) audio = times;
  }
  ASSERT_TRUE(video) << clip << " has no video stream";
  ASSERT_TRUE(audio) << clip << " has no audio stream";
  const auto& thumb = source.frames.front().picture;
  const auto frames = decode_frames(clip, thumb.width, thumb.height);
  const auto sound = decode_sound(clip);
  ASSERT_FALSE(frames.empty()) << clip << " has no picture";
  ASSERT_FALSE(sound.samples.empty()) << clip << " has no sound";
  expect_first_frame(source, cut, frames.front());
  expect_stream_timing(source, cut, *video, *audio, frames, sound);
  expect_marks(source, cut, frames, sound);
}

}  // namespace clipgen::testing::sync
