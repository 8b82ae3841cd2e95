#pragma once
// Word times of the narration that opens the test talk (its first 88 s are
// video/videogrep_manifesto.mp4's sound): the machine captions shipped with that recording.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "speech/transcript.h"

namespace clipgen::testing {

// The words inside [start, end] of the talk, with times relative to `start`.
inline std::vector<speech::Word> reference_words(double start, double end) {
  std::ifstream in(std::filesystem::path(CLIPGEN_MEDIA_DIR) / "video/videogrep_manifesto.json");
  std::vector<speech::Word> words;
  for (const auto& line : nlohmann::json::parse(in))
    for (const auto& w : line["words"]) {
      const double from = w["start"].get<double>(), to = w["end"].get<double>();
      if (from >= start && to <= end) words.push_back({w["word"].get<std::string>(), from - start, to - start});
    }
  return words;
}

}  // namespace clipgen::testing
