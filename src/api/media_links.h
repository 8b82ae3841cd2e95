#pragma once
// Links a browser can fetch a stored file with, without a bearer token: the storage's own
// presigned URL when it has one (S3), else a URL into /files signed with the links key derived from SECRET_KEY.
#include <cstdint>
#include <string>

#include "api/api_context.h"

namespace clipgen::api {

inline constexpr const char* kFilesPrefix = "/files/";

struct MediaLink {
  std::string url;
  std::int64_t expires = 0;  // unix seconds
};

MediaLink media_link(ApiContext& context, const std::string& storage_key, const std::string& download_filename);

}  // namespace clipgen::api
