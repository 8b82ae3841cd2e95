// clipgen's S3 signing next to botocore's (python3-boto3), an independent implementation: the
// same operation at the same instant must give the same URL, canonical request, string to sign
// and signature, for awkward keys, both addressing styles and presigned URLs.
#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <nlohmann/json.hpp>

#include "storage/s3_request.h"
#include "support/command.h"

namespace clipgen::storage {

namespace {

struct Target {
  const char* name;
  const char* endpoint;
  const char* region;
  bool path_style;
};

const Target kTargets[] = {
    {"loopback path style", "http://127.0.0.1:4568", "us-east-1", true},
    {"AWS virtual hosted", "https://s3.eu-west-1.amazonaws.com", "eu-west-1", false},
    {"R2 region auto", "https://0123abcd.r2.cloudflarestorage.com", "auto", true},
};

const char* const kKeys[] = {
    "users/u1/videos/v1/original.mp4",
    "clips/a clip with  spaces.mp4",
    "ünïcødé/日本語 クリップ.mp4",
    "reserved/!#$&'()*+,;=@[]%^`{}|\"<>.mp4",
    "odd/~tilde-dash_under.dot",
};

constexpr const char* kTime = "20240229T235959Z";

std::chrono::system_clock::time_point fixed_time() {
  std::tm tm{};
  tm.tm_year = 2024 - 1900;
  tm.tm_mon = 1;
  tm.tm_mday = 29;
  tm.tm_hour = 23;
  tm.tm_min = 59;
  tm.tm_sec = 59;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

S3Config config_for(const Target& target) {
  S3Config config;
  config.bucket = "clipgen-media";
  config.access_key = "AKIDEXAMPLE";
  config.secret_key = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  config.endpoint = target.endpoint;
  config.region = target.region;
  config.path_style = target.path_style;
  return config;
}

nlohmann::json spec_for(const Target& target, nlohmann::json spec) {
  spec["endpoint"] = target.endpoint;
  spec["region"] = target.region;
  spec["addressing"] = target.path_style ? "path" : "virtual";
  spec["bucket"] = "clipgen-media";
  spec["access_key"] = "AKIDEXAMPLE";
  spec["secret_key"] = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  spec["time"] = kTime;
  return spec;
}

// botocore's results for every spec, from one Python run.
nlohmann::json botocore(const nlohmann::json& specs) {
  const auto result = testing::run_command({"/usr/bin/python3", CLIPGEN_TOOLS_DIR "/botocore_sign.py", specs.dump()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  auto out = nlohmann::json::parse(result.out);
  EXPECT_EQ(out.size(), specs.size());
  return out;
}

// Every target with every key, in that order.
template <typename Spec>
nlohmann::json all_cases(Spec&& spec) {
  auto specs = nlohmann::json::array();
  for (const auto& target : kTargets)
    for (const char* key : kKeys) specs.push_back(spec_for(target, spec(key)));
  return specs;
}

void expect_same(const nlohmann::json& theirs, const sigv4::Signed& ours) {
  EXPECT_EQ(ours.canonical_request, theirs.value("canonical_request", ""));
  EXPECT_EQ(ours.string_to_sign, theirs.value("string_to_sign", ""));
  EXPECT_EQ(ours.signature, theirs.value("signature", ""));
}

std::string header(const sigv4::Pairs& headers, const std::string& name) {
  for (const auto& [n, v] : headers)
    if (n == name) return v;
  return {};
}

}  // namespace

TEST(SigV4Botocore, GetObjectWithRange) {
  const auto results = botocore(all_cases([](const char* key) {
    return nlohmann::json{{"operation", "get_object"}, {"key", key}, {"range", "bytes=100-199"}};
  }));
  std::size_t i = 0;
  for (const auto& target : kTargets)
    for (const char* key : kKeys) {
      SCOPED_TRACE(std::string(target.name) + " / " + key);
      const auto& theirs = results[i++];
      const auto ours = sign_s3_request(config_for(target),
                                        {.method = "GET", .key = key, .headers = {{"range", "bytes=100-199"}}},
                                        fixed_time());
      EXPECT_EQ(ours.url, theirs["url"]);
      expect_same(theirs, ours.details);
      EXPECT_NE(theirs["headers"]["authorization"].get<std::string>().find("Signature=" + ours.details.signature),
                std::string::npos);
      EXPECT_EQ(header(ours.headers, "x-amz-date"), kTime);
    }
}

TEST(SigV4Botocore, PutObjectSignsBodyHashAndContentHeaders) {
  const std::string body = "clip bytes \x01\x02 and more";
  const auto results = botocore(all_cases([&](const char* key) {
    return nlohmann::json{{"operation", "put_object"}, {"key", key}, {"body", body}, {"content_type", "video/mp4"}};
  }));
  std::size_t i = 0;
  for (const auto& target : kTargets)
    for (const char* key : kKeys) {
      SCOPED_TRACE(std::string(target.name) + " / " + key);
      const auto& theirs = results[i++];
      sigv4::Pairs headers{{"content-type", "video/mp4"}};
      // botocore adds Content-MD5 and signs it; sign the same set. With that checksum over TLS it
      // leaves the payload unsigned, as clipgen's uploads do.
      if (theirs["headers"].contains("content-md5"))
        headers.emplace_back("content-md5", theirs["headers"]["content-md5"].get<std::string>());
      const auto ours = sign_s3_request(
          config_for(target),
          {.method = "PUT", .key = key, .headers = headers,
           .payload_hash = std::string_view(target.endpoint).starts_with("https") ? std::string(sigv4::kUnsignedPayload)
                                                                                  : sigv4::sha256_hex(body)},
          fixed_time());
      EXPECT_EQ(ours.url, theirs["url"]);
      expect_same(theirs, ours.details);
      EXPECT_EQ(header(ours.headers, "x-amz-content-sha256"), theirs["headers"]["x-amz-content-sha256"]);
    }
}

TEST(SigV4Botocore, ListObjectsV2WithAwkwardPrefix) {
  const char* const prefixes[] = {"", "users/u1/", "ünï cødé/&=+"};
  auto specs = nlohmann::json::array();
  for (const auto& target : kTargets)
    for (const char* prefix : prefixes)
      specs.push_back(spec_for(target, {{"operation", "list_objects_v2"}, {"prefix", prefix}}));
  const auto results = botocore(specs);
  std::size_t i = 0;
  for (const auto& target : kTargets)
    for (const char* prefix : prefixes) {
      SCOPED_TRACE(std::string(target.name) + " / " + prefix);
      const auto& theirs = results[i++];
      // botocore always asks for encoding-type=url; ask for it too so the queries match.
      const auto ours = sign_s3_request(
          config_for(target),
          {.method = "GET", .query = {{"list-type", "2"}, {"prefix", prefix}, {"encoding-type", "url"}}},
          fixed_time());
      expect_same(theirs, ours.details);
    }
}

TEST(SigV4Botocore, PresignedGetWithDownloadFilename) {
  const std::string disposition = attachment_disposition("Clip 1 – “the hook”.mp4");
  const auto results = botocore(all_cases([&](const char* key) {
    return nlohmann::json{{"operation", "presign_get"}, {"key", key}, {"disposition", disposition}, {"expires", 900}};
  }));
  std::size_t i = 0;
  for (const auto& target : kTargets)
    for (const char* key : kKeys) {
      SCOPED_TRACE(std::string(target.name) + " / " + key);
      const auto& theirs = results[i++];
      sigv4::Signed details;
      const std::string url =
          presign_s3_url(config_for(target), {.method = "GET", .key = key,
                                              .query = {{"response-content-disposition", disposition}}},
                         std::chrono::seconds(900), fixed_time(), &details);
      expect_same(theirs, details);
      const std::string their_url = theirs["url"];
      EXPECT_EQ(url.substr(0, url.find('?')), their_url.substr(0, their_url.find('?')));
      EXPECT_TRUE(url.ends_with("&X-Amz-Signature=" + details.signature)) << url;
    }
}

TEST(SigV4Botocore, PresignedPutSignsContentType) {
  const auto results = botocore(all_cases([](const char* key) {
    return nlohmann::json{{"operation", "presign_put"}, {"key", key}, {"content_type", "video/mp4"}, {"expires", 3600}};
  }));
  std::size_t i = 0;
  for (const auto& target : kTargets)
    for (const char* key : kKeys) {
      SCOPED_TRACE(std::string(target.name) + " / " + key);
      const auto& theirs = results[i++];
      sigv4::Signed details;
      presign_s3_url(config_for(target), {.method = "PUT", .key = key, .headers = {{"content-type", "video/mp4"}}},
                     std::chrono::seconds(3600), fixed_time(), &details);
      expect_same(theirs, details);
    }
}

}  // namespace clipgen::storage
