#include "api/request_context.h"

#include <sodium.h>

#include <array>

namespace clipgen::api {

RequestContext& current_request() {
  thread_local RequestContext context;
  return context;
}

std::string make_request_id() {
  std::array<unsigned char, 8> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, 2 * bytes.size() + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return hex.data();
}

}  // namespace clipgen::api
