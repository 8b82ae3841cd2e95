#include "storage/sigv4.h"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cctype>
#include <ctime>
#include <stdexcept>

namespace clipgen::storage::sigv4 {

namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Trimall: no leading or trailing blanks, inner runs of blanks as one space.
std::string trim_all(std::string_view value) {
  std::string out;
  bool pending_space = false;
  for (char c : value) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

// Names lowercased, values trimmed, sorted by name; repeated names joined with ','.
Pairs normalised_headers(const Pairs& headers) {
  Pairs sorted;
  for (const auto& [name, value] : headers) sorted.emplace_back(lowercase(name), trim_all(value));
  std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  Pairs merged;
  for (auto& [name, value] : sorted) {
    if (!merged.empty() && merged.back().first == name)
      merged.back().second += "," + value;
    else
      merged.emplace_back(std::move(name), std::move(value));
  }
  return merged;
}

}  // namespace

std::string uri_encode(std::string_view text, bool keep_slash) {
  std::string out;
  out.reserve(text.size() * 3);
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || (keep_slash && c == '/'))
      out.push_back(static_cast<char>(c));
    else
      out += fmt::format("%{:02X}", c);
  }
  return out;
}

std::string amz_date(std::chrono::system_clock::time_point time) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[17];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
  return text;
}

std::string scope_date(std::string_view amz_date_value) { return std::string(amz_date_value.substr(0, 8)); }

std::string credential_scope(std::string_view amz_date_value, std::string_view region, std::string_view service) {
  return fmt::format("{}/{}/{}/aws4_request", scope_date(amz_date_value), region, service);
}

std::string to_hex(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest);
  return to_hex({reinterpret_cast<const char*>(digest), sizeof digest});
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
            data.size(), digest, &length))
    throw std::runtime_error("OpenSSL HMAC-SHA256 failed");
  return {reinterpret_cast<const char*>(digest), length};
}

std::string canonical_query_string(const Pairs& query) {
  Pairs encoded;
  for (const auto& [name, value] : query) encoded.emplace_back(uri_encode(name, false), uri_encode(value, false));
  // By encoded name, then by value for repeated names.
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [name, value] : encoded) out += fmt::format("{}{}={}", out.empty() ? "" : "&", name, value);
  return out;
}

std::string canonical_headers(const Pairs& headers) {
  std::string out;
  for (const auto& [name, value] : normalised_headers(headers)) out += name + ":" + value + "\n";
  return out;
}

std::string signed_headers(const Pairs& headers) {
  std::string out;
  for (const auto& [name, value] : normalised_headers(headers)) out += (out.empty() ? "" : ";") + name;
  return out;
}

std::string canonical_request(const RequestToSign& request) {
  return fmt::format("{}\n{}\n{}\n{}\n{}\n{}", request.method, request.canonical_uri,
                     canonical_query_string(request.query), canonical_headers(request.headers),
                     signed_headers(request.headers), request.payload_hash);
}

std::string string_to_sign(std::string_view amz_date_value, std::string_view scope, std::string_view canonical) {
  return fmt::format("{}\n{}\n{}\n{}", kAlgorithm, amz_date_value, scope, sha256_hex(canonical));
}

std::string signing_key(std::string_view secret_key, std::string_view date, std::string_view region,
                        std::string_view service) {
  const std::string date_key = hmac_sha256("AWS4" + std::string(secret_key), date);
  const std::string region_key = hmac_sha256(date_key, region);
  const std::string service_key = hmac_sha256(region_key, service);
  return hmac_sha256(service_key, "aws4_request");
}

Signed sign(const Credentials& credentials, const RequestToSign& request, std::string_view amz_date_value,
            std::string_view region, std::string_view service) {
  Signed out;
  out.canonical_request = canonical_request(request);
  out.string_to_sign =
      string_to_sign(amz_date_value, credential_scope(amz_date_value, region, service), out.canonical_request);
  const std::string key = signing_key(credentials.secret_key, scope_date(amz_date_value), region, service);
  out.signature = to_hex(hmac_sha256(key, out.string_to_sign));
  out.signed_headers = signed_headers(request.headers);
  return out;
}

std::string authorization(const Credentials& credentials, const Signed& signed_request, std::string_view amz_date_value,
                          std::string_view region, std::string_view service) {
  return fmt::format("{} Credential={}/{},SignedHeaders={},Signature={}", kAlgorithm, credentials.access_key,
                     credential_scope(amz_date_value, region, service), signed_request.signed_headers,
                     signed_request.signature);
}

}  // namespace clipgen::storage::sigv4
