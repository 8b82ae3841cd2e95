// A job request's body as the API reads it: JSON -> settings -> the rules; settings the rules
// accept survive a round trip through JSON unchanged.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "jobs/settings_json.h"
#include "jobs/settings_validation.h"
#include "text/json_text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto body = nlohmann::json::parse(data, data + size, nullptr, false);
  if (body.is_discarded()) return 0;
  clipgen::jobs::ClipSettings settings;
  try {
    settings = clipgen::jobs::settings_from_json(body);
  } catch (const std::invalid_argument&) {
    return 0;  // a 422 naming the field
  }
  if (clipgen::jobs::validate_settings(settings)) return 0;
  const std::string stored = clipgen::text::to_json_text(clipgen::jobs::to_json(settings));
  const auto again = clipgen::jobs::settings_from_json(nlohmann::json::parse(stored));
  if (clipgen::text::to_json_text(clipgen::jobs::to_json(again)) != stored) std::abort();
  if (clipgen::jobs::validate_settings(again)) std::abort();
  return 0;
}
