#pragma once
// Where a clip boundary the user placed by hand lands: in the nearest pause between words, so a
// clip never starts or ends inside a word. Pure.
#include "speech/transcript.h"

namespace clipgen::analysis {

enum class Boundary { start, end };

// Shortest silence between words that counts as a pause to snap to.
inline constexpr double kSnapPause = 0.15;
// How far from a pause a boundary is moved to reach it; further away, it goes to the nearest
// word boundary instead (a stretch of speech without pauses).
inline constexpr double kSnapReach = 1.5;

// `t` (seconds) moved into the nearest pause of `transcript` (the silence before the first word
// and after the last count): a start to at most kMaxPadding before the pause's next word, an
// end to at most kMaxPadding after its last word, and to the pause's middle when it is shorter
// than twice that. With no pause of kSnapPause within kSnapReach, the nearest gap between two
// words (however short) is used in the same way. Unchanged when there are no words; kept
// inside [0, transcript.duration] when the duration is known.
double snap_to_pause(const speech::Transcript& transcript, double t, Boundary boundary);

}  // namespace clipgen::analysis
