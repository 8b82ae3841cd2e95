#pragma once
// A clip the user picked by hand, described as the built-in scorer describes the clips it
// finds: score and reason against the video's other runs of sentences of about its length,
// title, hook, hashtags, text. Pure.
#include "analysis/highlight.h"

namespace clipgen::analysis {

// [start, end] of `transcript` (seconds) as a Highlight. The score compares the sentences the
// window touches with every run of sentences of half to one and a half times its length,
// without loudness (the caller has no audio: the loudness features count as average). Text is
// the words wholly inside the window; with none, score 1, empty title and a reason saying so.
Highlight describe_window(const speech::Transcript& transcript, double start, double end);

}  // namespace clipgen::analysis
