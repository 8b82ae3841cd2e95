// Transcripts as stored (JSON words), turned into SRT and WebVTT as the API serves them, and an
// LLM's answer read as highlights. The first byte picks which.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "llm/highlight_prompt.h"
#include "speech/transcript_format.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] % 2 == 0) {
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded()) return 0;
    try {
      const auto transcript = clipgen::speech::transcript_from_json(json);
      clipgen::speech::to_srt(transcript);
      clipgen::speech::to_vtt(transcript);
      clipgen::speech::clip_transcript(transcript, 1.0, 5.0);
    } catch (const std::invalid_argument&) {
    }
  } else {
    try {
      clipgen::llm::parse_highlights(text);
    } catch (const std::invalid_argument&) {  // its only documented failure
    }
  }
  return 0;
}
