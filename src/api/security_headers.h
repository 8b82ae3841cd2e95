#pragma once
// The headers that tell browsers what a response may do, by kind of response: no sniffing of
// content types, no referrer (links carry signatures), no framing, a strict Content-Security-
// Policy for the web app (scripts, styles and fonts from this origin only, no inline code;
// media and uploads also to the storage's origin), and no caching of API answers. Pure: either
// HTTP front calls it for each response.
#include <string>
#include <utility>
#include <vector>

namespace clipgen::api {

enum class ResponseKind {
  api,    // JSON answers, errors and event streams under /api, /healthz, ...
  page,   // the web app's index.html
  asset,  // the web app's scripts, styles, fonts and images
  file,   // a stored file through a signed /files link
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// `storage_origin`: where presigned media URLs point ("https://bucket.s3.eu-west-1.amazonaws.com"),
// empty for local storage; the page's policy lets media load from it and uploads go to it.
HeaderList security_headers(ResponseKind kind, const std::string& storage_origin = {});

// The page's Content-Security-Policy alone (for the browser test and the README).
std::string page_content_security_policy(const std::string& storage_origin);

// "scheme://host[:port]" of `url`, or empty when it has none.
std::string origin_of(const std::string& url);

}  // namespace clipgen::api
