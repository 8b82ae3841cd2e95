#include "support/ffprobe.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "support/command.h"

namespace clipgen::testing {

nlohmann::json ffprobe(const std::filesystem::path& file, const std::string& entries, const std::string& streams) {
  std::vector<std::string> argv{"ffprobe", "-v", "error", "-show_entries", entries, "-of", "json"};
  if (!streams.empty()) argv.insert(argv.end(), {"-select_streams", streams});
  argv.push_back(file.string());
  const auto r = run_command(argv);
  if (r.exit_code != 0) throw std::runtime_error("ffprobe could not read " + file.string() + ": " + r.err);
  return nlohmann::json::parse(r.out);
}

double probed_number(const nlohmann::json& entry, const std::string& key) {
  if (!entry.contains(key)) return std::numeric_limits<double>::quiet_NaN();
  const auto& value = entry[key];
  if (value.is_number()) return value.get<double>();
  try {
    return std::stod(value.get<std::string>());
  } catch (const std::exception&) {  // "N/A"
    return std::numeric_limits<double>::quiet_NaN();
  }
}

double time_origin(const std::filesystem::path& file) {
  const double start = probed_number(ffprobe(file, "format=start_time")["format"], "start_time");
  return std::isnan(start) ? 0 : start;
}

}  // namespace clipgen::testing
