#pragma once
// Turning one S3 operation into a signed HTTP request or a presigned URL. Pure: the time is
// passed in, nothing is sent.
#include <chrono>
#include <string>

#include "storage/s3_config.h"
#include "storage/sigv4.h"

namespace clipgen::storage {

struct S3Operation {
  std::string method = "GET";
  std::string key;      // empty: the bucket itself (LIST, multipart bookkeeping is per key)
  sigv4::Pairs query;   // unencoded names and values, e.g. {"uploadId", id}
  sigv4::Pairs headers; // sent and signed, e.g. {"range", "bytes=0-9"}
  std::string payload_hash = sigv4::sha256_hex("");
};

struct SignedS3Request {
  std::string url;
  sigv4::Pairs headers;  // host, x-amz-date, x-amz-content-sha256, the operation's, authorization
  sigv4::Signed details;
};

// Scheme, host (with port) and the path to the object for this bucket's addressing style.
struct S3Address {
  std::string scheme;    // "https"
  std::string host;      // "bucket.s3.us-east-1.amazonaws.com" or "127.0.0.1:9000"
  std::string path;      // percent-encoded: "/bucket/a%20b.mp4" or "/a%20b.mp4"
};
S3Address s3_address(const S3Config& config, const std::string& key);

SignedS3Request sign_s3_request(const S3Config& config, const S3Operation& operation,
                                std::chrono::system_clock::time_point now);

// A URL valid for `expires_in` (1 s .. 7 days) that performs the operation without credentials.
// The operation's headers are signed too, so the client must send them as given (a presigned
// PUT's content-type). `details` receives the intermediate strings when not null.
std::string presign_s3_url(const S3Config& config, const S3Operation& operation, std::chrono::seconds expires_in,
                           std::chrono::system_clock::time_point now, sigv4::Signed* details = nullptr);

// `attachment; filename="..."` with a UTF-8 fallback (RFC 6266), for response-content-disposition.
std::string attachment_disposition(const std::string& filename);

}  // namespace clipgen::storage
