#pragma once
// The embedded speech engine: CMU pocketsphinx with its US English model, run on every core
// over the stretches of speech that voice-activity detection found, cut at pauses.
#include <filesystem>

#include "speech/decoder_settings.h"
#include "speech/transcriber.h"

namespace clipgen::speech {

struct PocketsphinxOptions {
  std::filesystem::path model_dir = "/usr/share/pocketsphinx/model/en-us";  // en-us/, en-us.lm.bin, cmudict-en-us.dict
  unsigned threads = 0;  // 0: one per core
  DecoderSettings decoder;  // for recognition and for word alignment
};

// The options with the model this build was configured with (CLIPGEN_PS_MODEL_DIR).
PocketsphinxOptions installed_pocketsphinx(unsigned threads = 0);

class PocketsphinxTranscriber final : public Transcriber {
 public:
  explicit PocketsphinxTranscriber(PocketsphinxOptions options);
  std::string name() const override { return "pocketsphinx"; }

 protected:
  // Word confidence is the decoder's posterior probability of the word (from its lattice).
  Transcript recognise(const SpeechAudio& audio, const std::string& language,
                       const std::function<void(double)>& progress) override;

 private:
  PocketsphinxOptions options_;
};

}  // namespace clipgen::speech
