#include "api/json_io.h"

#include "text/json_text.h"

namespace clipgen::api {

void send_json(http::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(text::to_json_text(body), "application/json");
}

void send_error(http::Response& res, const HttpError& error) {
  nlohmann::json detail = {{"code", error.code}, {"message", error.what()}};
  if (!error.field.empty()) detail["field"] = error.field;
  send_json(res, error.status, {{"error", detail}});
}

nlohmann::json read_json_body(const http::Request& req) {
  // nlohmann's parser ends the text at a NUL byte: what follows one would be read by nobody
  // here but perhaps by a proxy in front. No JSON text holds a raw NUL.
  if (req.body.find('\0') != std::string::npos) throw bad_request("the body is not valid JSON (it holds a NUL byte)");
  auto parsed = nlohmann::json::parse(req.body, nullptr, false);
  if (parsed.is_discarded()) throw bad_request("the body is not valid JSON");
  if (!parsed.is_object()) throw bad_request("the body must be a JSON object");
  return parsed;
}

}  // namespace clipgen::api
