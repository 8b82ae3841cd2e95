#pragma once
// How loud the audio is over time. Pure.
#include <cstdint>
#include <span>
#include <vector>

namespace clipgen::analysis {

inline constexpr double kLoudnessStep = 0.1;  // seconds per value
inline constexpr float kSilenceDb = -90.0f;   // the floor for digital silence

// dBFS (RMS) of each 100 ms of 16 kHz mono audio.
std::vector<float> loudness_db(std::span<const std::int16_t> samples, int sample_rate = 16000);

}  // namespace clipgen::analysis
