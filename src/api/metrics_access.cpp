#include "api/metrics_access.h"

#include "api/hmac_hex.h"

namespace clipgen::api {

bool is_loopback(std::string_view address) {
  if (address.starts_with("::ffff:")) address.remove_prefix(7);  // IPv4 mapped into IPv6
  return address == "::1" || address.starts_with("127.");
}

MetricsAccess metrics_access(std::string_view remote_address, std::string_view authorization,
                             std::string_view token) {
  if (token.empty()) return is_loopback(remote_address) ? MetricsAccess::allowed : MetricsAccess::forbidden;
  constexpr std::string_view kScheme = "Bearer ";
  if (!authorization.starts_with(kScheme)) return MetricsAccess::needs_token;
  return same_signature(authorization.substr(kScheme.size()), token) ? MetricsAccess::allowed
                                                                     : MetricsAccess::needs_token;
}

}  // namespace clipgen::api
