#pragma once
// A made-up talk for the LLM tests: 40 sentences of 10 words (about 3.5 s each) with a 0.8 s
// pause after each, so sentence i spans roughly [0.5 + 4.3 i, 4.0 + 4.3 i].
#include <fmt/format.h>

#include "speech/transcript.h"
#include "unit/analysis/transcript_builder.h"

namespace clipgen::testing {

inline speech::Transcript talk_transcript(int sentences = 40) {
  static const char* const kTopics[] = {"money", "sleep", "habits", "startups", "fear", "coffee", "running", "books"};
  TranscriptBuilder builder;
  for (int i = 0; i < sentences; ++i)
    builder.say(fmt::format("why does {} matter so much when nobody ever talks about point{}?", kTopics[i % 8], i), 0.8);
  return builder.build();
}

}  // namespace clipgen::testing
