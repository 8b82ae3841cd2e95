#pragma once
// The search settings pocketsphinx decodes with, named as its command-line flags (pocketsphinx
// 5prealpha's ps_args(); `pocketsphinx_continuous -help` lists them). The values by default are
// pocketsphinx's own but for pl_window, chosen by bench/speech/decoder_settings_bench.cpp's word
// error rates and speeds (README "pocketsphinx's settings, measured").
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
  int maxhmmpf = 30000;       // HMMs searched per frame at most (-1: no limit)
  int maxwpf = -1;            // distinct words exiting per frame at most (-1: no limit)
  int ds = 1;                 // frame downsampling: the acoustic model scores one frame in ds
  // Phone lookahead window, frames (0: none; pocketsphinx's default 5). 10: the same words on
  // every clean recording measured, 3 fewer errors on a reverberant one, 4-23 % less CPU.
  int pl_window = 10;
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
