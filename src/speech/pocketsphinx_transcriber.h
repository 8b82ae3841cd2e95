#pragma once
// The embedded speech engine: CMU pocketsphinx with its US English model, run on every core
// over chunks of audio cut at pauses.
#include <filesystem>

#include "speech/transcriber.h"

namespace clipgen::speech {

struct PocketsphinxOptions {
  std::filesystem::path model_dir = "/usr/share/pocketsphinx/model/en-us";  // en-us/, en-us.lm.bin, cmudict-en-us.dict
  unsigned threads = 0;  // 0: one per core
};

class PocketsphinxTranscriber final : public Transcriber {
 public:
  explicit PocketsphinxTranscriber(PocketsphinxOptions options);
  Transcript transcribe(std::span<const std::int16_t> samples, const std::string& language,
                        const std::function<void(double)>& progress) override;
  std::string name() const override { return "pocketsphinx"; }

 private:
  PocketsphinxOptions options_;
};

}  // namespace clipgen::speech
