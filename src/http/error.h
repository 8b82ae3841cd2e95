#pragma once
// An answer other than success: an HTTP status and a machine-readable code ("too_large",
// "not_found", ...) with a message a user can act on. Routes throw it (or a type derived from
// it); the server throws it for its own refusals (400, 404, 413, 414, 431, 503). The server's
// error hook turns it into the answer's body.
#include <stdexcept>
#include <string>

namespace clipgen::http {

struct Error : std::runtime_error {
  Error(int status_code, std::string error_code, const std::string& message)
      : std::runtime_error(message), status(status_code), code(std::move(error_code)) {}
  int status;
  std::string code;
};

}  // namespace clipgen::http
