#pragma once
// The search settings pocketsphinx decodes with, named as its command-line flags (pocketsphinx
// 5prealpha's ps_args(); `pocketsphinx_continuous -help` lists them). The values by default are
// pocketsphinx's own but maxhmmpf: bench/speech/decoder_settings_bench.cpp measured no other
// change that lowers word errors or time without costing the other, or word timing (README
// "pocketsphinx's settings, measured").
#include <string>

namespace clipgen::speech {

struct DecoderSettings {
  // Beams: a path survives while its probability is at least this share of the best one's, so a
  // smaller beam prunes less (slower, fewer search errors).
  double beam = 1e-48;        // HMMs in the first (lexicon tree) pass
  double wbeam = 7e-29;       // word exits
  double pbeam = 1e-48;       // phone transitions
  double lpbeam = 1e-40;      // last phones of words
  double lponlybeam = 7e-29;  // last phones of words, alone
  // HMMs searched per frame at most (-1: no limit). pocketsphinx's 30000; 10000 searched 0.71x the
  // CPU on reverberant and noisy speech with the same words on clean speech and fewer errors in all.
  int maxhmmpf = 10000;
  int maxwpf = -1;            // distinct words exiting per frame at most (-1: no limit)
  int ds = 1;                 // frame downsampling: the acoustic model scores one frame in ds
  // Phone lookahead window, frames (0: none). 10 gave the same words and 4-23 % less CPU, but
  // moved a word's start 50 ms when the same speech came later in the file (the padded-copy
  // test in tests/integration/speech/word_timing_test.cpp).
  int pl_window = 5;
  int topn = 4;               // Gaussians scored per mixture
  // Language weight of each pass: how much the n-gram model counts against the acoustics.
  double lw = 6.5;
  double fwdflatlw = 8.5;
  double bestpathlw = 9.5;
  double wip = 0.65;  // word insertion penalty, a probability: smaller inserts fewer words
  double pip = 1.0;   // phone insertion penalty
  // Cepstral mean normalisation: "batch", each chunk by its own mean (its mean primes the
  // decoder's, as chunks are fed in blocks); "live", a running mean from the model's initial one.
  std::string cmn = "batch";
  bool fwdflat = true;   // second pass: a flat-lexicon search over the words the first one found
  bool bestpath = true;  // third pass: the best path through the word lattice (gives word posteriors)

  bool operator==(const DecoderSettings&) const = default;
};

}  // namespace clipgen::speech
