#pragma once
// JSON in and out of HTTP: bodies parsed (the server already held them to the route's limit),
// answers and errors written (stored text that is not valid UTF-8 never makes them throw).
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "api/http_error.h"
#include "http/request.h"
#include "http/response.h"

namespace clipgen::api {

void send_json(http::Response& res, int status, const nlohmann::json& body);
void send_error(http::Response& res, const HttpError& error);

// The request's body parsed as a JSON object; 400 when it is malformed or not an object.
nlohmann::json read_json_body(const http::Request& req);

// body[name] as T, nullopt when absent or null; 422 naming the field when it has another type.
template <typename T>
std::optional<T> optional_field(const nlohmann::json& body, const std::string& name) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  bool fits = false;
  if constexpr (std::is_same_v<T, bool>) {
    fits = it->is_boolean();
  } else if constexpr (std::is_integral_v<T>) {
    // An integer too large for T is refused, never wrapped.
    fits = it->is_number_integer() &&
           (!it->is_number_unsigned() || it->template get<std::uint64_t>() <= std::uint64_t(std::numeric_limits<T>::max()));
  } else if constexpr (std::is_floating_point_v<T>) {
    fits = it->is_number();
  } else {
    fits = it->is_string();
  }
  if (!fits) throw invalid_field(name, "has the wrong type");
  return it->get<T>();
}

template <typename T>
T required_field(const nlohmann::json& body, const std::string& name) {
  auto value = optional_field<T>(body, name);
  if (!value) throw invalid_field(name, "is required");
  return *value;
}

}  // namespace clipgen::api
