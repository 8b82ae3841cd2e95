#pragma once
// anchored_matches for texts of any length, in about linear time and memory: a recognised
// hour-long talk against its transcript is 9,000 words a side, where one edit-distance table
// would hold 81 million cells. Pure.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace clipgen::speech {

// Word triples that occur exactly once in each text and in the same order in both (the longest
// increasing chain of them, as patience diff does) cut both texts into pieces; each piece pair
// is matched by anchored_matches (word_error_rate.h). A piece pair still too large for that
// gives no matches. Returns (reference index, hypothesis index) pairs in increasing order.
std::vector<std::pair<std::size_t, std::size_t>> long_text_matches(const std::vector<std::string>& reference,
                                                                   const std::vector<std::string>& hypothesis);

}  // namespace clipgen::speech
