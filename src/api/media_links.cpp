#include "api/media_links.h"

#include "api/signed_url.h"

namespace clipgen::api {

MediaLink media_link(ApiContext& context, const std::string& storage_key, const std::string& download_filename) {
  const auto now = std::chrono::system_clock::now();
  const std::int64_t expires =
      std::chrono::duration_cast<std::chrono::seconds>((now + context.limits.link_lifetime).time_since_epoch()).count();
  if (auto presigned = context.storage.presigned_get(storage_key, context.limits.link_lifetime, download_filename)) {
    return {*presigned, expires};
  }
  return {signed_url(kFilesPrefix + storage_key, expires, context.keys.links), expires};
}

}  // namespace clipgen::api
