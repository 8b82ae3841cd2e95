// `clipgen probe INPUT`: what a media file holds, as JSON.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/commands.h"
#include "media/probe.h"
#include "text/json_text.h"

namespace clipgen::app {

void add_probe_command(CLI::App& app) {
  auto input = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("probe", "Show a media file's duration, streams, size, rotation and frame rate as JSON");
  cmd->add_option("INPUT", *input, "The media file")->required();
  cmd->callback([input] {
    const auto info = media::probe(*input);
    const nlohmann::json out = {
        {"format", info.format},           {"duration", info.duration},       {"has_video", info.has_video},
        {"has_audio", info.has_audio},     {"width", info.width},             {"height", info.height},
        {"rotation", info.rotation},       {"fps", info.fps},                 {"video_codec", info.video_codec},
        {"audio_codec", info.audio_codec}, {"sample_rate", info.sample_rate}, {"channels", info.channels},
    };
    std::cout << text::to_json_text(out, 2) << "\n";
  });
}

}  // namespace clipgen::app
