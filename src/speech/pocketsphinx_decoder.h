#pragma once
// One pocketsphinx decoder and what is done with it: free recognition of a chunk of audio with
// the US English n-gram model, or recognition held to a given word sequence (forced alignment
// through a finite-state grammar). Internal to src/speech; a decoder is used by one thread.
#include <pocketsphinx.h>
#include <sphinxbase/fe.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "speech/decoder_settings.h"
#include "speech/transcript.h"

namespace clipgen::speech {

struct DecoderDeleter {
  void operator()(ps_decoder_t* ps) const { ps_free(ps); }
};
struct FeDeleter {
  void operator()(fe_t* fe) const { fe_free(fe); }
};
using DecoderPtr = std::unique_ptr<ps_decoder_t, DecoderDeleter>;
using FePtr = std::unique_ptr<fe_t, FeDeleter>;

// A decoder with the model in `model` (en-us/, en-us.lm.bin, cmudict-en-us.dict) searching with
// `settings`. Loading costs well under a second. Throws std::runtime_error naming a missing
// model file, std::invalid_argument for a cmn other than "batch" or "live".
DecoderPtr make_decoder(const std::filesystem::path& model, const DecoderSettings& settings);

// A feature extractor of the decoder's settings, for decode_chunk's cepstral-mean pass.
FePtr make_feature_extractor(ps_decoder_t* ps);

// Decodes 16 kHz mono `audio` as one utterance with the decoder's current search; word times
// are seconds, `offset` plus the time inside `audio`. `fed` is called with each block's sample
// count (for progress; it may throw to cancel).
std::vector<Word> decode_chunk(ps_decoder_t* ps, fe_t* fe, std::span<const std::int16_t> audio, double offset,
                               const std::function<void(std::size_t)>& fed);

// True when the pronouncing dictionary has `word` (lowercase).
bool in_dictionary(ps_decoder_t* ps, const std::string& word);

// The dictionary's phones for `word` ("M EY K"), nullopt when it lacks it.
std::optional<std::string> pronunciation(ps_decoder_t* ps, const std::string& word);

// Adds `word` to this decoder's dictionary when it is an inflection of a word the dictionary has
// ("niggarding" from "niggard", "feed'st" from "feed"); true when it did. For grammars made
// after the call: the free search does not learn it.
bool learn_pronunciation(ps_decoder_t* ps, const std::string& word);

// Times `words` (lowercase; "" for a word the dictionary lacks) in `audio`, decoding it with a
// grammar that allows exactly that sequence with pauses and noises between words; nullopt when
// the decoder does not reach the sequence's end (the words are not all in the audio). The
// decoder is left on that grammar: use one decoder for alignment only.
std::optional<std::vector<Word>> align_sequence(ps_decoder_t* ps, fe_t* fe, std::span<const std::int16_t> audio,
                                                double offset, const std::vector<std::string>& words);

}  // namespace clipgen::speech
