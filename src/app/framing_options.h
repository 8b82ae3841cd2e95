#pragma once
// The flags of how clips look and sound, shared by `clipgen process` and `clipgen render`:
// --aspect, --layout, --captions/--no-captions, --caption-style, --language, --audio-track.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>

#include "jobs/pipeline.h"

namespace clipgen::app {

void add_framing_options(CLI::App& command, jobs::ClipSettings& settings);

// std::invalid_argument naming the flag ("--caption-style: must be one of ...") for a rule the
// settings break, from jobs::validate_settings or validate_framing.
template <typename Error>
void refuse_flag(const std::optional<Error>& error) {
  if (!error) return;
  std::string flag = error->field;  // the API's name, caption_style; the flag's, --caption-style
  std::replace(flag.begin(), flag.end(), '_', '-');
  throw std::invalid_argument("--" + flag + ": " + error->message);
}

}  // namespace clipgen::app
