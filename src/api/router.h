#pragma once
// Registers routes on the httplib server with readable patterns ("/api/videos/{id}"): each
// {id} only matches a lowercase UUID, so a path can never smuggle "../" through an id, and the
// pattern itself labels the request in logs and metrics. {token} matches a signed token
// (base64url, '.', hex MAC) such as an upload id.
#include <httplib.h>

#include <functional>
#include <string>

namespace clipgen::api {

class Router {
 public:
  using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
  using BodyHandler =
      std::function<void(const httplib::Request&, httplib::Response&, const httplib::ContentReader&)>;

  explicit Router(httplib::Server& server) : server_(server) {}

  void get(const std::string& pattern, Handler handler);
  // Handlers with a body read it themselves, under their own limit.
  void post(const std::string& pattern, BodyHandler handler);
  void del(const std::string& pattern, Handler handler);
  // Every GET path under `prefix` (e.g. "/files/"), labelled "<prefix>*".
  void get_prefix(const std::string& prefix, Handler handler);

  // The regex for a pattern: "{id}" becomes a UUID capture group, "{token}" a signed-token
  // capture group, the rest matches literally.
  static std::string to_regex(const std::string& pattern);

 private:
  httplib::Server& server_;
};

}  // namespace clipgen::api
