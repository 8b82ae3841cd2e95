#pragma once
// Registers the API's routes on the HTTP server, each with who may call it and what body it
// takes. Patterns are http::PathPattern's ("/api/videos/{id}": {id} only matches a lowercase
// UUID, {token} a signed token such as an upload id); the pattern labels the request in logs and
// metrics.
//
// Handlers see clipgen's own types (http::Request, http::Response; see src/http/route.h for the
// order in which a request is handled) and run on the server's worker threads, so they may
// query the database or hash a password. They answer by filling the response (send_json) or by
// throwing HttpError.
//
//   router.get("/api/videos/{id}", Access::user, [&](const http::Request& req, http::Response& res) {
//     const auto video = find_video(req.path_params[0], req.remote_user);
//     send_json(res, 200, {{"video", video_json(video)}});
//   });
#include <cstdint>
#include <string>

#include "api/api_context.h"
#include "http/route.h"
#include "http/server.h"

namespace clipgen::api {

enum class Access {
  anyone,               // no token needed
  user,                 // a bearer token or the session cookie (api/authenticate.h), checked
                        // before any body byte is read; the user id is then in
                        // Request::remote_user, the session in remote_session (401 otherwise)
  user_or_query_token,  // the same, or an `access_token` query parameter (EventSource)
};

class Router {
 public:
  Router(http::Server& server, ApiContext& context, std::size_t max_json_bytes)
      : server_(server), context_(context), max_json_bytes_(max_json_bytes) {}

  // No body allowed (413 for one).
  void get(const std::string& pattern, Access access, http::Handler handler);
  void del(const std::string& pattern, Access access, http::Handler handler);
  // A JSON body of at most the configured size, read whole into Request::body (read_json_body
  // parses it); a larger one is refused (413) before it is read.
  void post(const std::string& pattern, Access access, http::Handler handler);
  // The same for PATCH.
  void patch(const std::string& pattern, Access access, http::Handler handler);
  // A body of at most max_body_bytes (413 before it is read), read whole into Request::body.
  void put(const std::string& pattern, Access access, std::uint64_t max_body_bytes, http::Handler handler);
  // A body handed to a receiver as it arrives (uploads), at most max_body_bytes.
  void post_stream(const std::string& pattern, Access access, std::uint64_t max_body_bytes,
                   http::StreamHandler handler);
  // An answer made from memory alone, on the I/O thread (liveness): no guard, no body.
  void get_inline(const std::string& pattern, http::Handler handler);

 private:
  http::Route route(const std::string& method, const std::string& pattern, Access access) const;
  void json_route(const std::string& method, const std::string& pattern, Access access, http::Handler handler);

  http::Server& server_;
  ApiContext& context_;
  std::size_t max_json_bytes_;
};

}  // namespace clipgen::api
