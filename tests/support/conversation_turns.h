#pragma once
// Who speaks when in the test conversation, as tests/tools/make-conversation.sh built it (its
// OUT.turns.json). Header-only, so that only the suites and benchmarks that read it link JSON.
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

namespace clipgen::testing {

struct ConversationTurn {
  double start = 0, end = 0;  // seconds in the video: the speaker's voice and moving head
  int speaker = 0;            // 1 on the left, 2 on the right
  bool interjection = false;  // a word or two inside the other person's turn
};

struct ConversationTruth {
  double duration = 0;
  std::vector<ConversationTurn> turns;  // in time order; silence between them
};

// The truth of `video` (conversation.mp4 -> conversation.turns.json).
inline ConversationTruth conversation_truth(const std::filesystem::path& video) {
  const auto path = std::filesystem::path(video).replace_extension(".turns.json");
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  const auto json = nlohmann::json::parse(in);
  ConversationTruth truth{json.at("duration").get<double>(), {}};
  for (const auto& t : json.at("turns"))
    truth.turns.push_back({t.at("start").get<double>(), t.at("end").get<double>(), t.at("speaker").get<int>(),
                           t.at("interjection").get<bool>()});
  return truth;
}

}  // namespace clipgen::testing
