// GET /api/clips/{id}, GET /api/clips/{id}/download, /thumbnail, /subtitles (.srt) and
// /captions (the .ass burned in), and the signed /files/<key> URLs they redirect to when files
// are local.
#include <fmt/format.h>

#include <charconv>

#include "api/file_response.h"
#include "api/json_io.h"
#include "api/json_mapping.h"
#include "api/media_links.h"
#include "api/routes.h"
#include "api/signed_url.h"
#include "db/clip_repository.h"
#include "storage/storage_key.h"

namespace clipgen::api {
namespace {

db::Clip find_clip(ApiContext& context, const http::Request& req) {
  auto clip = db::ClipRepository(context.db).get(req.path_params[0], req.remote_user);
  if (!clip) throw not_found("clip");
  return *clip;
}

std::int64_t parse_expiry(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) throw HttpError(403, "bad_signature", "invalid link");
  return value;
}

void serve_signed_file(ApiContext& context, const http::Request& req, http::Response& res) {
  const SignedUrl url{req.path, parse_expiry(req.query_param("expires").value_or("")),
                      req.query_param("signature").value_or("")};
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch());
  switch (check_signature(url, now.count(), context.keys.links)) {
    case SignatureCheck::invalid: throw HttpError(403, "bad_signature", "invalid link");
    case SignatureCheck::expired: throw HttpError(403, "link_expired", "this link has expired; ask the API for a new one");
    case SignatureCheck::valid: break;
  }
  const std::string key = req.path.substr(std::string_view(kFilesPrefix).size());
  // Keys that could leave the storage root ("..", a leading '/') are refused like missing ones.
  try {
    storage::check_key(key);
  } catch (const std::invalid_argument&) {
    throw not_found("file");
  }
  const auto path = context.storage.local_path(key);
  if (!path) throw not_found("file");
  res.headers.set("Cache-Control", "private, max-age=3600");
  send_file(res, *path, mime_type(*path));
}

// A redirect to one of the clip's files. A hand-made clip has none until its first render (409);
// a clip without the file asked for (captions off, made before subtitles were kept) 404.
void redirect_to_file(ApiContext& context, const http::Request& req, http::Response& res,
                      std::string db::Clip::*key, const char* extension) {
  const auto clip = find_clip(context, req);
  if (clip.storage_key.empty())
    throw HttpError(409, "not_rendered", "this clip has not been rendered yet; its render job makes its files");
  if ((clip.*key).empty()) throw HttpError(404, "not_found", fmt::format("this clip has no .{} file", extension));
  res.redirect(media_link(context, clip.*key, fmt::format("clip-{:02}.{}", clip.clip_number, extension)).url);
}

}  // namespace

void add_clip_routes(Router& router, ApiContext& context) {
  router.get("/api/clips/{id}", Access::user, [&context](const http::Request& req, http::Response& res) {
    send_json(res, 200, {{"clip", clip_json(context, find_clip(context, req))}});
  });
  const std::pair<const char*, std::pair<std::string db::Clip::*, const char*>> files[] = {
      {"download", {&db::Clip::storage_key, "mp4"}},
      {"thumbnail", {&db::Clip::thumbnail_key, "jpg"}},
      {"subtitles", {&db::Clip::subtitles_key, "srt"}},
      {"captions", {&db::Clip::captions_key, "ass"}},
  };
  for (const auto& [route, file] : files) {
    router.get(std::string("/api/clips/{id}/") + route, Access::user,
               [&context, key = file.first, extension = file.second](const http::Request& req, http::Response& res) {
                 redirect_to_file(context, req, res, key, extension);
               });
  }
  // Keys are checked by the storage (no "..", no leading '/'); the signature proves we made the link.
  router.get(std::string(kFilesPrefix) + "*", Access::anyone,
             [&context](const http::Request& req, http::Response& res) { serve_signed_file(context, req, res); });
}

}  // namespace clipgen::api
