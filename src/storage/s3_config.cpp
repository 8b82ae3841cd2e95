#include "storage/s3_config.h"

#include <fmt/format.h>

#include <cstdlib>
#include <stdexcept>

namespace clipgen::storage {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string required(const char* name) {
  std::string value = env(name);
  if (value.empty())
    throw std::invalid_argument(fmt::format("STORAGE_BUCKET is set, so {} must be set too", name));
  return value;
}

}  // namespace

std::optional<S3Config> s3_config_from_env() {
  S3Config config;
  config.bucket = env("STORAGE_BUCKET");
  if (config.bucket.empty()) return std::nullopt;
  config.access_key = required("STORAGE_ACCESS_KEY");
  config.secret_key = required("STORAGE_SECRET_KEY");
  config.endpoint = env("STORAGE_ENDPOINT");
  while (config.endpoint.ends_with('/')) config.endpoint.pop_back();
  if (!config.endpoint.empty() && !config.endpoint.starts_with("http://") && !config.endpoint.starts_with("https://"))
    throw std::invalid_argument(
        fmt::format("STORAGE_ENDPOINT '{}' must start with http:// or https://", config.endpoint));
  if (const std::string region = env("STORAGE_REGION"); !region.empty()) config.region = region;
  const std::string addressing = env("STORAGE_ADDRESSING");
  if (addressing.empty())
    config.path_style = !config.endpoint.empty();
  else if (addressing == "path" || addressing == "virtual")
    config.path_style = addressing == "path";
  else
    throw std::invalid_argument(fmt::format("STORAGE_ADDRESSING '{}' must be 'path' or 'virtual'", addressing));
  return config;
}

}  // namespace clipgen::storage
