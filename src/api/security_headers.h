#pragma once
// The headers that tell browsers what a response may do, by kind of response: no sniffing of
// content types, no referrer (links carry signatures), no framing, a strict Content-Security-
// Policy for the web app (scripts, styles and fonts from this origin only, no inline code;
// media and uploads also to the storage's origin), and no caching of API answers. Pure: the HTTP
// front (api/http_front.h) applies them to every answer just before it is sent.
#include <string>
#include <utility>
#include <vector>

#include "http/request.h"
#include "http/response.h"

namespace clipgen::api {

enum class ResponseKind {
  api,    // everything else: JSON, errors, event streams, transcripts, redirects, /metrics
  page,   // the web app's index.html
  asset,  // the web app's scripts, styles, fonts and images
  file,   // a stored file through a signed /files link
};

// The web UI's route ("web") answering with HTML is the page, with anything else an asset; a
// signed /files/ link answering with its file is a file; every other answer, and every failure,
// is api.
ResponseKind response_kind(const http::Request& req, const http::Response& res);

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// `storage_origin`: where presigned media URLs point ("https://bucket.s3.eu-west-1.amazonaws.com"),
// empty for local storage; the page's policy lets media load from it and uploads go to it.
HeaderList security_headers(ResponseKind kind, const std::string& storage_origin = {});

// The page's Content-Security-Policy alone (for the browser test and the README).
std::string page_content_security_policy(const std::string& storage_origin);

// "scheme://host[:port]" of `url`, or empty when it has none.
std::string origin_of(const std::string& url);

}  // namespace clipgen::api
