#pragma once
// Voice-activity detection: where in a recording somebody speaks, as opposed to silence, room
// tone, noise, tones or music. Pure.
//
// Method (after Scheirer & Slaney, "Construction and evaluation of a robust multifeature
// speech/music discriminator", ICASSP 1997): per 10 ms frame (25 ms Hann window), the energy
// and the spectral entropy over 250-4000 Hz; per 1 s window, the share of low-energy frames
// (speech dips between syllables, music and tones hold), the share of the energy envelope's
// modulation at 2-8 Hz (the syllable rate) and the median entropy of the active frames
// (a tone or a chord puts its energy in a few bins, noise spreads it evenly, voiced and
// unvoiced speech sit between). A frame is speech when it is clearly above the noise floor and
// a window around it looks like speech on all three counts.
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace clipgen::speech {

struct SpeechSpan {
  double start = 0;  // seconds from the start of the recording
  double end = 0;
};

// The stretches of speech in 16 kHz mono audio, in time order, non-overlapping, each widened
// by a short margin so that word onsets and endings are inside. `progress`, when given, gets
// the fraction done every 10 s of audio (some 50 ms of work); it may throw to cancel.
std::vector<SpeechSpan> detect_speech(std::span<const std::int16_t> samples, int sample_rate = 16000,
                                      const std::function<void(double)>& progress = {});

// Total seconds covered by `spans`.
double speech_seconds(const std::vector<SpeechSpan>& spans);

}  // namespace clipgen::speech
