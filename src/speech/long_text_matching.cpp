#include "speech/long_text_matching.h"

#include <algorithm>
#include <unordered_map>

#include "speech/word_error_rate.h"

namespace clipgen::speech {
namespace {

using Pairs = std::vector<std::pair<std::size_t, std::size_t>>;

constexpr std::size_t kMaxCells = 4'000'000;  // an edit-distance table of this many cells is cheap

// Where each word triple that occurs once in `words` starts.
std::unordered_map<std::string, std::size_t> unique_triples(const std::vector<std::string>& words) {
  std::unordered_map<std::string, std::size_t> first;
  std::unordered_map<std::string, int> count;
  for (std::size_t i = 0; i + 2 < words.size(); ++i) {
    auto key = words[i] + ' ' + words[i + 1] + ' ' + words[i + 2];
    if (++count[key] == 1) first.emplace(std::move(key), i);
  }
  std::erase_if(first, [&](const auto& item) { return count[item.first] > 1; });
  return first;
}

// The longest chain of pairs increasing in both indices (pairs sorted by the first).
Pairs longest_increasing_chain(const Pairs& pairs) {
  std::vector<std::size_t> tails;                                  // index into pairs of each chain length's best tail
  std::vector<std::size_t> previous(pairs.size(), pairs.size());  // back links
  for (std::size_t k = 0; k < pairs.size(); ++k) {
    const auto at = std::lower_bound(tails.begin(), tails.end(), pairs[k].second,
                                     [&](std::size_t t, std::size_t j) { return pairs[t].second < j; });
    if (at != tails.begin()) previous[k] = *(at - 1);
    if (at == tails.end()) tails.push_back(k);
    else *at = k;
  }
  Pairs chain;
  for (std::size_t k = tails.empty() ? pairs.size() : tails.back(); k < pairs.size(); k = previous[k])
    chain.push_back(pairs[k]);
  std::reverse(chain.begin(), chain.end());
  return chain;
}

void match_piece(const std::vector<std::string>& ref, const std::vector<std::string>& hyp, std::size_t r0,
                 std::size_t r1, std::size_t h0, std::size_t h1, Pairs& out) {
  if (r1 <= r0 || h1 <= h0 || (r1 - r0) * (h1 - h0) > kMaxCells) return;
  const std::vector<std::string> a(ref.begin() + static_cast<long>(r0), ref.begin() + static_cast<long>(r1));
  const std::vector<std::string> b(hyp.begin() + static_cast<long>(h0), hyp.begin() + static_cast<long>(h1));
  for (const auto& [i, j] : anchored_matches(a, b)) out.emplace_back(r0 + i, h0 + j);
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> long_text_matches(const std::vector<std::string>& reference,
                                                                   const std::vector<std::string>& hypothesis) {
  if (reference.size() * hypothesis.size() <= kMaxCells) return anchored_matches(reference, hypothesis);
  const auto in_reference = unique_triples(reference);
  Pairs shared;
  for (const auto& [key, j] : unique_triples(hypothesis))
    if (const auto it = in_reference.find(key); it != in_reference.end()) shared.emplace_back(it->second, j);
  std::sort(shared.begin(), shared.end());
  Pairs matches;
  std::size_t r = 0, h = 0;
  for (const auto& [i, j] : longest_increasing_chain(shared)) {
    if (i < r || j < h) continue;  // overlaps the triple before
    match_piece(reference, hypothesis, r, i, h, j, matches);
    for (std::size_t k = 0; k < 3; ++k) matches.emplace_back(i + k, j + k);
    r = i + 3;
    h = j + 3;
  }
  match_piece(reference, hypothesis, r, reference.size(), h, hypothesis.size(), matches);
  return matches;
}

}  // namespace clipgen::speech
