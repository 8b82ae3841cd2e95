#pragma once
// An answer other than success, thrown by a route and turned into
// `{"error": {"code", "message"[, "field"]}}` with its status at one place (the server hooks).
#include <string>

#include "http/error.h"

namespace clipgen::api {

struct HttpError : http::Error {
  HttpError(int status_code, std::string error_code, const std::string& message, std::string error_field = {})
      : http::Error(status_code, std::move(error_code), message), field(std::move(error_field)) {}
  std::string field;  // the request field at fault, when there is one
};

inline HttpError not_found(const std::string& what) { return {404, "not_found", what + " not found"}; }
inline HttpError unauthorized(const std::string& message) { return {401, "unauthorized", message}; }
inline HttpError bad_request(const std::string& message) { return {400, "bad_request", message}; }
inline HttpError invalid_field(const std::string& field, const std::string& message) {
  return {422, "invalid_input", field + ": " + message, field};
}
inline HttpError too_large(const std::string& message) { return {413, "too_large", message}; }

}  // namespace clipgen::api
