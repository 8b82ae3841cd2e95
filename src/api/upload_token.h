#pragma once
// The id of a direct-to-bucket upload: a token signed with SECRET_KEY that carries everything
// completing the upload needs (whose it is, where the object goes, the name it came with, until
// when), so the server keeps no state between handing out the presigned URL and the completion
// call, and any API process behind a load balancer can complete it. Pure.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace clipgen::api {

struct UploadTicket {
  std::string user_id;
  std::string video_id;     // the video the completed upload becomes: completing twice finds it
  std::string storage_key;  // under the user's prefix
  std::string filename;     // as the client named the file
  std::int64_t expires = 0; // unix seconds
};

// "<base64url of the ticket as JSON>.<hex HMAC-SHA256>": URL-safe, so it can sit in a path.
std::string issue_upload_token(const UploadTicket& ticket, std::string_view secret);

// The ticket, or nullopt when the token is malformed, forged, altered or expired at `now`.
std::optional<UploadTicket> read_upload_token(std::string_view token, std::int64_t now, std::string_view secret);

}  // namespace clipgen::api
