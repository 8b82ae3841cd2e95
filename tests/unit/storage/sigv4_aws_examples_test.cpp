// The worked examples of AWS's S3 SigV4 documentation ("Examples: Signature calculations",
// sig-v4-header-based-auth.html and sigv4-query-string-auth.html), step by step.
#include <gtest/gtest.h>

#include <chrono>

#include "storage/s3_request.h"
#include "storage/sigv4.h"

namespace clipgen::storage {

namespace {

const sigv4::Credentials kCredentials{"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"};
constexpr const char* kDate = "20130524T000000Z";
constexpr const char* kHost = "examplebucket.s3.amazonaws.com";
const std::string kEmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

std::chrono::system_clock::time_point example_time() {
  return std::chrono::system_clock::time_point(std::chrono::seconds(1369353600));  // 2013-05-24T00:00:00Z
}

}  // namespace

TEST(SigV4AwsExamples, GetObjectWithRange) {
  const sigv4::RequestToSign request{"GET", "/test.txt", {},
                                     {{"Host", kHost}, {"Range", "bytes=0-9"},
                                      {"x-amz-content-sha256", kEmptyHash}, {"x-amz-date", kDate}},
                                     kEmptyHash};
  const auto result = sigv4::sign(kCredentials, request, kDate, "us-east-1");
  EXPECT_EQ(result.canonical_request,
            "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
            "x-amz-content-sha256:" + kEmptyHash + "\nx-amz-date:20130524T000000Z\n\n"
            "host;range;x-amz-content-sha256;x-amz-date\n" + kEmptyHash);
  EXPECT_EQ(result.string_to_sign,
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
            "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
  EXPECT_EQ(result.signature, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  EXPECT_EQ(sigv4::authorization(kCredentials, result, kDate, "us-east-1"),
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
}

TEST(SigV4AwsExamples, PutObjectWithReservedCharacterInKey) {
  const std::string body_hash = sigv4::sha256_hex("Welcome to Amazon S3.");
  EXPECT_EQ(body_hash, "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
  const sigv4::RequestToSign request{"PUT", "/" + sigv4::uri_encode("test$file.text", true), {},
                                     {{"Date", "Fri, 24 May 2013 00:00:00 GMT"}, {"Host", kHost},
                                      {"x-amz-date", kDate}, {"x-amz-storage-class", "REDUCED_REDUNDANCY"},
                                      {"x-amz-content-sha256", body_hash}},
                                     body_hash};
  const auto result = sigv4::sign(kCredentials, request, kDate, "us-east-1");
  EXPECT_EQ(result.canonical_request,
            "PUT\n/test%24file.text\n\ndate:Fri, 24 May 2013 00:00:00 GMT\nhost:examplebucket.s3.amazonaws.com\n"
            "x-amz-content-sha256:" + body_hash + "\nx-amz-date:20130524T000000Z\n"
            "x-amz-storage-class:REDUCED_REDUNDANCY\n\n"
            "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class\n" + body_hash);
  EXPECT_EQ(result.string_to_sign,
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
            "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
  EXPECT_EQ(result.signature, "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
}

TEST(SigV4AwsExamples, GetBucketLifecycleWithValuelessParameter) {
  const sigv4::RequestToSign request{"GET", "/", {{"lifecycle", ""}},
                                     {{"Host", kHost}, {"x-amz-date", kDate}, {"x-amz-content-sha256", kEmptyHash}},
                                     kEmptyHash};
  const auto result = sigv4::sign(kCredentials, request, kDate, "us-east-1");
  EXPECT_EQ(result.canonical_request.substr(0, 16), "GET\n/\nlifecycle=");
  EXPECT_EQ(result.signature, "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
}

TEST(SigV4AwsExamples, ListObjectsSortsQueryParameters) {
  const sigv4::RequestToSign request{"GET", "/", {{"prefix", "J"}, {"max-keys", "2"}},
                                     {{"Host", kHost}, {"x-amz-date", kDate}, {"x-amz-content-sha256", kEmptyHash}},
                                     kEmptyHash};
  const auto result = sigv4::sign(kCredentials, request, kDate, "us-east-1");
  EXPECT_EQ(sigv4::canonical_query_string(request.query), "max-keys=2&prefix=J");
  EXPECT_EQ(result.string_to_sign.substr(result.string_to_sign.rfind('\n') + 1),
            "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7");
  EXPECT_EQ(result.signature, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
}

TEST(SigV4AwsExamples, PresignedGetUrl) {
  S3Config config;
  config.bucket = "examplebucket";
  config.access_key = kCredentials.access_key;
  config.secret_key = kCredentials.secret_key;
  config.endpoint = "https://s3.amazonaws.com";
  config.path_style = false;
  sigv4::Signed details;
  const std::string url =
      presign_s3_url(config, {.method = "GET", .key = "test.txt"}, std::chrono::hours(24), example_time(), &details);
  EXPECT_EQ(details.canonical_request,
            "GET\n/test.txt\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2F"
            "us-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host\n"
            "host:examplebucket.s3.amazonaws.com\n\nhost\nUNSIGNED-PAYLOAD");
  EXPECT_EQ(details.string_to_sign,
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
            "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04");
  EXPECT_EQ(details.signature, "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
  EXPECT_EQ(url,
            "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
            "AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&"
            "X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature="
            "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
}

TEST(SigV4, UriEncodingKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(sigv4::uri_encode("a b/c~d-e_f.g", true), "a%20b/c~d-e_f.g");
  EXPECT_EQ(sigv4::uri_encode("a b/c", false), "a%20b%2Fc");
  EXPECT_EQ(sigv4::uri_encode("é+=&", false), "%C3%A9%2B%3D%26");
}

TEST(SigV4, CanonicalHeadersTrimAndMergeRepeatedNames) {
  const sigv4::Pairs headers{{"X-Amz-Meta-A", "  one   two "}, {"host", "h"}, {"x-amz-meta-a", "three"}};
  EXPECT_EQ(sigv4::canonical_headers(headers), "host:h\nx-amz-meta-a:one two,three\n");
  EXPECT_EQ(sigv4::signed_headers(headers), "host;x-amz-meta-a");
}

TEST(SigV4, QueryParametersSortByNameBeforeValue) {
  EXPECT_EQ(sigv4::canonical_query_string({{"a-b", "1"}, {"a", "2"}, {"a", "1"}}), "a=1&a=2&a-b=1");
}

TEST(SigV4, AmzDateIsUtc) { EXPECT_EQ(sigv4::amz_date(example_time()), "20130524T000000Z"); }

}  // namespace clipgen::storage
