// GET /api/clips/{id}, GET /api/clips/{id}/download, GET /api/clips/{id}/thumbnail, and the
// signed /files/<key> URLs they redirect to when files are local.
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

}  // namespace

void add_clip_routes(Router& router, ApiContext& context) {
  router.get("/api/clips/{id}", Access::user, [&context](const http::Request& req, http::Response& res) {
    send_json(res, 200, {{"clip", clip_json(context, find_clip(context, req))}});
  });
  router.get("/api/clips/{id}/download", Access::user, [&context](const http::Request& req, http::Response& res) {
    const auto clip = find_clip(context, req);
    res.redirect(media_link(context, clip.storage_key, fmt::format("clip-{:02}.mp4", clip.clip_number)).url);
  });
  router.get("/api/clips/{id}/thumbnail", Access::user, [&context](const http::Request& req, http::Response& res) {
    const auto clip = find_clip(context, req);
    res.redirect(media_link(context, clip.thumbnail_key, fmt::format("clip-{:02}.jpg", clip.clip_number)).url);
  });
  // Keys are checked by the storage (no "..", no leading '/'); the signature proves we made the link.
  router.get(std::string(kFilesPrefix) + "*", Access::anyone,
             [&context](const http::Request& req, http::Response& res) { serve_signed_file(context, req, res); });
}

}  // namespace clipgen::api
