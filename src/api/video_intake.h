#pragma once
// What every way of uploading a video shares once the bytes are in a local file: where the
// original is stored, the probe that refuses what is not a video with sound, and the row. Used
// by the multipart route (POST /api/videos) and the direct-to-bucket completion
// (POST /api/uploads/{id}/complete), so both register a video the same way.
#include <cstdint>
#include <filesystem>
#include <string>

#include "api/api_context.h"
#include "db/video_repository.h"

namespace clipgen::api {

// The object key of a video's original: under the user's prefix, beside the video's other
// files (deleting the video removes the prefix), keeping a short extension of `filename`.
std::string original_key(const std::string& user_id, const std::string& video_id, const std::string& filename);

struct IntakeFile {
  std::string video_id;
  std::string user_id;
  std::string filename;  // as the client named it (any bytes); empty: the local file's name
  std::filesystem::path path;
  std::string storage_key;
};

// Probes the file and describes it as a video row, not yet saved; 422 (field "file") also for
// a video longer or with a larger picture than `quotas` allow; the row's file name is the
// client's, made valid UTF-8 (ill-formed bytes become U+FFFD), NFC, without control or format
// characters, at most 255 code points. Throws HttpError 422
// (field "file", the reason in the message) when it is not a video with sound: empty,
// truncated, not media, no audio or no video stream.
db::Video probe_video(const IntakeFile& file, const UserQuotas& quotas);

// The user's usage now, for refusing an upload of `incoming_bytes` before receiving it
// (save_video checks again, exactly). Throws the quota's HttpError.
void check_upload_quota(ApiContext& context, const std::string& user_id, std::uint64_t incoming_bytes);

// Inserts the row for an original already stored under video.storage_key, when the user's
// quotas allow it (else the quota's HttpError, see api/quotas.h). When that fails the
// object is removed, so no stored file outlives a missing row; unless a row with this id exists
// by now (the same upload completed concurrently), which is then returned.
db::Video save_video(ApiContext& context, const db::Video& video);

}  // namespace clipgen::api
