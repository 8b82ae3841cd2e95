// S3Storage when the service misbehaves: loopback fakes that answer 503 before 200, that never
// answer, that refuse a part of a multipart upload.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <fstream>

#include "storage/s3_storage.h"
#include "support/fake_http_server.h"

namespace clipgen::storage {

namespace fs = std::filesystem;

namespace {

S3Config config_for(const std::string& endpoint) {
  return {.bucket = "b", .access_key = "AK", .secret_key = "SK", .endpoint = endpoint, .region = "auto",
          .path_style = true};
}

S3Options fast_retries(int attempts) {
  return {.retry = {.attempts = attempts, .first_delay = std::chrono::milliseconds(10),
                    .max_delay = std::chrono::milliseconds(50)},
          .timeout_seconds = 1,
          .connect_timeout_seconds = 1};
}

fs::path make_file(const std::string& name, std::size_t size) {
  const fs::path path = fs::path(CLIPGEN_TEST_WORK_DIR) / "s3-faults" / name;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << std::string(size, 'x');
  return path;
}

constexpr const char* kSlowDown =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code><Message>Please reduce your request "
    "rate.</Message></Error>";

}  // namespace

TEST(S3Faults, RetriesA503ThenSucceeds) {
  testing::FakeHttpServer fake;
  std::atomic<int> calls{0};
  fake.server().Put(".*", [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    if (++calls <= 2) {
      response.status = 503;
      response.set_content(kSlowDown, "application/xml");
    } else {
      response.set_header("ETag", "\"abc\"");
    }
  });
  S3Storage storage(config_for(fake.url()), fast_retries(4));
  EXPECT_NO_THROW(storage.put_file("k/a b.txt", make_file("retry.txt", 10), "text/plain"));
  EXPECT_EQ(fake.seen(), std::vector<std::string>(3, "PUT /b/k/a b.txt"));
}

TEST(S3Faults, GivesUpAfterTheLastTryWithTheServersReason) {
  testing::FakeHttpServer fake;
  fake.server().Get(".*", [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    response.status = 503;
    response.set_content(kSlowDown, "application/xml");
  });
  S3Storage storage(config_for(fake.url()), fast_retries(3));
  try {
    storage.list("users/");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("HTTP 503 SlowDown: Please reduce your request rate."), std::string::npos)
        << e.what();
  }
  EXPECT_EQ(fake.seen().size(), 3u);
}

TEST(S3Faults, ServerThatNeverAnswersTimesOutWithAClearError) {
  testing::SilentServer silent;
  S3Storage storage(config_for(silent.url()), fast_retries(2));
  try {
    storage.size("k");
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("cannot reach S3 bucket 'b' at " + silent.url()), std::string::npos) << message;
    EXPECT_NE(message.find("after 2 tries"), std::string::npos) << message;
  }
}

TEST(S3Faults, UnreachableEndpointIsNamed) {
  int port = 0;
  {
    testing::SilentServer closed_after;  // a port that was free a moment ago and is closed now
    port = std::stoi(closed_after.url().substr(closed_after.url().rfind(':') + 1));
  }
  S3Storage storage(config_for(fmt::format("http://127.0.0.1:{}", port)), fast_retries(2));
  EXPECT_THROW(storage.remove("k"), std::runtime_error);
}

TEST(S3Faults, FailedPartAbortsTheMultipartUpload) {
  testing::FakeHttpServer fake;
  fake.server().Post(".*", [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    response.set_content("<InitiateMultipartUploadResult><UploadId>U-1</UploadId></InitiateMultipartUploadResult>",
                         "application/xml");
  });
  fake.server().Put(".*", [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    if (request.get_param_value("partNumber") == "2") {
      response.status = 400;
      response.set_content("<Error><Code>InvalidPart</Code><Message>bad part</Message></Error>", "application/xml");
      return;
    }
    response.set_header("ETag", "\"e\"");
  });
  fake.server().Delete(".*", [&](const httplib::Request& request, httplib::Response& response) {
    fake.record(request);
    response.status = 204;
  });
  S3Options options = fast_retries(2);
  options.multipart_threshold = 6ull << 20;
  options.part_size = 5ull << 20;
  options.parallel_parts = 2;
  options.timeout_seconds = 30;
  S3Storage storage(config_for(fake.url()), options);
  try {
    storage.put_file("big.mp4", make_file("big.bin", (12ull << 20)), "video/mp4");
    FAIL() << "expected the upload to fail";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("part 2 of 'big.mp4' failed: HTTP 400 InvalidPart"), std::string::npos)
        << e.what();
  }
  const auto seen = fake.seen();
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.front(), "POST /b/big.mp4?uploads=");
  EXPECT_EQ(seen.back(), "DELETE /b/big.mp4?uploadId=U-1");
  EXPECT_EQ(std::count(seen.begin(), seen.end(), "POST /b/big.mp4?uploadId=U-1"), 0);
}

}  // namespace clipgen::storage
