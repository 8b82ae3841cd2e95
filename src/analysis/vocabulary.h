#pragma once
// Word lists and term weights the scorer reads: stopwords, hook words, fillers, and how
// distinctive each word of a transcript is (inverse sentence frequency). Pure.
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/sentences.h"

namespace clipgen::analysis {

// Lowercase, letters/digits/apostrophes only: "Don't," -> "don't".
std::string normalize(std::string_view word);

bool is_stopword(std::string_view normalized);
bool is_filler(std::string_view normalized);        // um, uh, er, ...
bool is_question_word(std::string_view normalized); // what, why, how, ...
bool is_strong_word(std::string_view normalized);   // secret, mistake, never, ...
bool is_number(std::string_view normalized);        // 7, seven, hundred, ...

// How distinctive each word of the transcript is: idf over sentences for content words,
// 0 for stopwords and fillers. One value per transcript word.
std::vector<double> word_salience(const speech::Transcript& transcript, const std::vector<Sentence>& sentences);

}  // namespace clipgen::analysis
