#include "storage/s3_request.h"

#include <fmt/format.h>

#include <stdexcept>

namespace clipgen::storage {

namespace {

struct Endpoint {
  std::string scheme;
  std::string host;
};

Endpoint parse_endpoint(const S3Config& config) {
  if (config.endpoint.empty()) return {"https", fmt::format("s3.{}.amazonaws.com", config.region)};
  const auto sep = config.endpoint.find("://");
  if (sep == std::string::npos)
    throw std::invalid_argument(fmt::format("S3 endpoint '{}' has no scheme", config.endpoint));
  std::string host = config.endpoint.substr(sep + 3);
  host = host.substr(0, host.find('/'));
  return {config.endpoint.substr(0, sep), host};
}

std::string url_of(const S3Address& address, const std::string& query) {
  return fmt::format("{}://{}{}{}{}", address.scheme, address.host, address.path, query.empty() ? "" : "?", query);
}

}  // namespace

S3Address s3_address(const S3Config& config, const std::string& key) {
  const Endpoint endpoint = parse_endpoint(config);
  const std::string encoded_key = sigv4::uri_encode(key, true);
  if (config.path_style)
    return {endpoint.scheme, endpoint.host,
            fmt::format("/{}{}{}", sigv4::uri_encode(config.bucket, false), key.empty() ? "" : "/", encoded_key)};
  return {endpoint.scheme, fmt::format("{}.{}", config.bucket, endpoint.host), "/" + encoded_key};
}

SignedS3Request sign_s3_request(const S3Config& config, const S3Operation& operation,
                                std::chrono::system_clock::time_point now) {
  const S3Address address = s3_address(config, operation.key);
  const std::string date = sigv4::amz_date(now);
  sigv4::RequestToSign request{operation.method, address.path, operation.query, operation.headers,
                               operation.payload_hash};
  request.headers.emplace_back("host", address.host);
  request.headers.emplace_back("x-amz-content-sha256", operation.payload_hash);
  request.headers.emplace_back("x-amz-date", date);
  const sigv4::Credentials credentials{config.access_key, config.secret_key};
  SignedS3Request out;
  out.details = sigv4::sign(credentials, request, date, config.region);
  out.url = url_of(address, sigv4::canonical_query_string(operation.query));
  out.headers = std::move(request.headers);
  out.headers.emplace_back("authorization", sigv4::authorization(credentials, out.details, date, config.region));
  return out;
}

std::string presign_s3_url(const S3Config& config, const S3Operation& operation, std::chrono::seconds expires_in,
                           std::chrono::system_clock::time_point now, sigv4::Signed* details) {
  if (expires_in.count() < 1 || expires_in > std::chrono::hours(24 * 7))
    throw std::invalid_argument(fmt::format("a presigned URL must expire within 1 s to 7 days, not {} s",
                                            expires_in.count()));
  const S3Address address = s3_address(config, operation.key);
  const std::string date = sigv4::amz_date(now);
  sigv4::RequestToSign request{operation.method, address.path, operation.query, operation.headers,
                               std::string(sigv4::kUnsignedPayload)};
  request.headers.emplace_back("host", address.host);
  request.query.emplace_back("X-Amz-Algorithm", sigv4::kAlgorithm);
  request.query.emplace_back("X-Amz-Credential",
                             fmt::format("{}/{}", config.access_key, sigv4::credential_scope(date, config.region, "s3")));
  request.query.emplace_back("X-Amz-Date", date);
  request.query.emplace_back("X-Amz-Expires", std::to_string(expires_in.count()));
  request.query.emplace_back("X-Amz-SignedHeaders", sigv4::signed_headers(request.headers));
  const sigv4::Signed signed_request = sigv4::sign({config.access_key, config.secret_key}, request, date, config.region);
  if (details) *details = signed_request;
  return url_of(address, fmt::format("{}&X-Amz-Signature={}", sigv4::canonical_query_string(request.query),
                                     signed_request.signature));
}

std::string attachment_disposition(const std::string& filename) {
  // The plain filename= is for old browsers: one '_' per character it cannot carry.
  std::string ascii;
  for (unsigned char c : filename) {
    if (c >= 0x80 && c < 0xC0) continue;  // UTF-8 continuation byte
    ascii.push_back(c < 0x20 || c >= 0x7f || c == '"' || c == '\\' ? '_' : static_cast<char>(c));
  }
  return fmt::format("attachment; filename=\"{}\"; filename*=UTF-8''{}", ascii, sigv4::uri_encode(filename, false));
}

}  // namespace clipgen::storage
