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
  auto* cmd = app.add_subcommand("probe", "Show a media file's duration, picture and audio tracks, size, rotation and frame rate as JSON");
  cmd->add_option("INPUT", *input, "The media file")->required();
  cmd->callback([input] {
    const auto info = media::probe(*input);
    nlohmann::json tracks = nlohmann::json::array();
    for (const auto& t : info.audio_tracks)
      tracks.push_back({{"track", t.number}, {"stream_index", t.stream_index}, {"codec", t.codec},
                        {"sample_rate", t.sample_rate}, {"channels", t.channels}, {"language", t.language},
                        {"title", t.title}});
    nlohmann::json out = {
        {"format", info.format},           {"duration", info.duration},       {"has_video", info.has_video},
        {"has_audio", info.has_audio},     {"width", info.width},             {"height", info.height},
        {"rotation", info.rotation},       {"fps", info.fps},                 {"video_codec", info.video_codec},
        {"audio_codec", info.audio_codec}, {"sample_rate", info.sample_rate}, {"channels", info.channels},
        {"picture_end", info.picture_end}, {"audio_tracks", tracks},
    };
    std::cout << text::to_json_text(out, 2) << "\n";
  });
}

}  // namespace clipgen::app
