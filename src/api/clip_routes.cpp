// GET /api/clips/{id}, GET /api/clips/{id}/download, GET /api/clips/{id}/thumbnail, and the
// signed /files/<key> URLs they redirect to when files are local.
#include <fmt/format.h>

#include <charconv>

#include "api/authenticate.h"
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

db::Clip find_clip(ApiContext& context, const httplib::Request& req) {
  auto clip = db::ClipRepository(context.db).get(req.matches[1].str(), authenticate(req, context));
  if (!clip) throw not_found("clip");
  return *clip;
}

std::int64_t parse_expiry(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) throw HttpError(403, "bad_signature", "invalid link");
  return value;
}

void serve_signed_file(ApiContext& context, const httplib::Request& req, httplib::Response& res) {
  const SignedUrl url{req.path, parse_expiry(req.get_param_value("expires")), req.get_param_value("signature")};
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
  add_headers(res, security_headers(ResponseKind::file));
  res.set_header("Cache-Control", "private, max-age=3600");
  send_file(req, res, *path, mime_type(*path));
}

}  // namespace

void add_clip_routes(Router& router, ApiContext& context) {
  router.get("/api/clips/{id}", [&context](const auto& req, auto& res) {
    send_json(res, 200, {{"clip", clip_json(context, find_clip(context, req))}});
  });
  router.get("/api/clips/{id}/download", [&context](const auto& req, auto& res) {
    const auto clip = find_clip(context, req);
    res.set_redirect(media_link(context, clip.storage_key, fmt::format("clip-{:02}.mp4", clip.clip_number)).url, 302);
  });
  router.get("/api/clips/{id}/thumbnail", [&context](const auto& req, auto& res) {
    const auto clip = find_clip(context, req);
    res.set_redirect(media_link(context, clip.thumbnail_key, fmt::format("clip-{:02}.jpg", clip.clip_number)).url, 302);
  });
  // Keys are checked by the storage (no "..", no leading '/'); the signature proves we made the link.
  router.get_prefix(kFilesPrefix, [&context](const auto& req, auto& res) { serve_signed_file(context, req, res); });
}

}  // namespace clipgen::api
