#include "api/json_io.h"
#include "text/json_text.h"

#include <fmt/format.h>

namespace clipgen::api {

void add_headers(httplib::Response& res, const HeaderList& headers) {
  for (const auto& [name, value] : headers) res.set_header(name, value);
}

void send_json(httplib::Response& res, int status, const nlohmann::json& body) {
  add_headers(res, security_headers(ResponseKind::api));
  res.status = status;
  res.set_content(text::to_json_text(body), "application/json");
}

void send_error(httplib::Response& res, const HttpError& error) {
  nlohmann::json detail = {{"code", error.code}, {"message", error.what()}};
  if (!error.field.empty()) detail["field"] = error.field;
  send_json(res, error.status, {{"error", detail}});
}

nlohmann::json read_json_body(const httplib::ContentReader& reader, std::size_t limit) {
  std::string body;
  bool over_limit = false;
  const bool complete = reader([&](const char* data, std::size_t length) {
    if (body.size() + length > limit) over_limit = true;
    if (!over_limit) body.append(data, length);
    return true;
  });
  if (over_limit) throw too_large(fmt::format("the JSON body is larger than {} bytes", limit));
  if (!complete) throw bad_request("the request body ended early");
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded()) throw bad_request("the body is not valid JSON");
  if (!parsed.is_object()) throw bad_request("the body must be a JSON object");
  return parsed;
}

}  // namespace clipgen::api
