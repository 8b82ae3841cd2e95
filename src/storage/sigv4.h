#pragma once
// AWS Signature Version 4 for S3, as pure functions: canonical request, string to sign,
// signing key and signature. No clock, no I/O: the caller passes the time in.
// https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace clipgen::storage::sigv4 {

using Pairs = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";

struct Credentials {
  std::string access_key;
  std::string secret_key;
};

struct RequestToSign {
  std::string method;
  std::string canonical_uri;  // the path exactly as sent, already percent-encoded (S3: not normalised)
  Pairs query;                // names and values before encoding
  Pairs headers;              // the headers to sign, host included; names in any case
  std::string payload_hash;   // hex SHA-256 of the body, or UNSIGNED-PAYLOAD
};

struct Signed {
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;  // hex
  std::string signed_headers;
};

// RFC 3986 percent-encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ is encoded,
// with uppercase hex; '/' is kept when `keep_slash` (object key paths).
std::string uri_encode(std::string_view text, bool keep_slash);

// "20130524T000000Z" and "20130524".
std::string amz_date(std::chrono::system_clock::time_point time);
std::string scope_date(std::string_view amz_date);
// "<date>/<region>/<service>/aws4_request".
std::string credential_scope(std::string_view amz_date, std::string_view region, std::string_view service);

std::string sha256_hex(std::string_view data);
std::string hmac_sha256(std::string_view key, std::string_view data);  // raw bytes
std::string to_hex(std::string_view bytes);

std::string canonical_query_string(const Pairs& query);
std::string canonical_headers(const Pairs& headers);  // each "name:value\n", names lowercased and sorted
std::string signed_headers(const Pairs& headers);     // "host;range;x-amz-date"
std::string canonical_request(const RequestToSign& request);
std::string string_to_sign(std::string_view amz_date, std::string_view scope, std::string_view canonical_request);
std::string signing_key(std::string_view secret_key, std::string_view date, std::string_view region,
                        std::string_view service);

// Every step at once, for `amz_date` in `region`.
Signed sign(const Credentials& credentials, const RequestToSign& request, std::string_view amz_date,
            std::string_view region, std::string_view service = "s3");

// The Authorization header value for a signed request.
std::string authorization(const Credentials& credentials, const Signed& signed_request, std::string_view amz_date,
                          std::string_view region, std::string_view service = "s3");

}  // namespace clipgen::storage::sigv4
