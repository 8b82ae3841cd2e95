#pragma once
// Asking the ffprobe CLI about a media file: an independent reader for tests.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

namespace clipgen::testing {

// ffprobe's JSON answer to `-show_entries entries` (e.g. "format=duration:stream=codec_type"),
// about the streams `streams` selects (ffprobe's -select_streams; empty: all). Throws
// std::runtime_error with ffprobe's message when it cannot read the file.
nlohmann::json ffprobe(const std::filesystem::path& file, const std::string& entries, const std::string& streams = "");

// A number ffprobe reports (it writes them as strings); NaN for "N/A" or a missing entry.
double probed_number(const nlohmann::json& entry, const std::string& key);

// The file's time origin in seconds: the earliest start of its streams (format start_time, as
// libavformat computes it). Players count from here, and so does clipgen (media::time_origin).
double time_origin(const std::filesystem::path& file);

}  // namespace clipgen::testing
