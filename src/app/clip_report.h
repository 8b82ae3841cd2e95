#pragma once
// What `clipgen process` tells the user about the clips: clips.json and a readable table.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "jobs/pipeline.h"

namespace clipgen::app {

// clips.json as DESIGN.md gives it: times in seconds, file names relative to the output folder.
nlohmann::json clips_json(const std::filesystem::path& input, const jobs::ClipSettings& settings,
                          const jobs::PipelineResult& result);

// One row per clip, widths fitted to a terminal, followed by the notes.
std::string clips_table(const jobs::PipelineResult& result);

}  // namespace clipgen::app
