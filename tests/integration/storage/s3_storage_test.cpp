// S3Storage against s3rver, a real S3-compatible server on loopback (it does not check
// signatures: sigv4_botocore_test does); curl uses the presigned URLs and the AWS CLI reads what
// clipgen wrote.
#include "storage/s3_storage.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <iterator>
#include <random>

#include "support/command.h"

namespace clipgen::storage {

namespace fs = std::filesystem;

namespace {

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_file(const fs::path& path, const std::string& content) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::string random_bytes(std::size_t size, unsigned seed) {
  std::mt19937 generator(seed);
  std::string out(size, '\0');
  for (auto& c : out) c = static_cast<char>(generator());
  return out;
}

class S3StorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    endpoint_ = read_file(fs::path(CLIPGEN_S3_SERVER_DIR) / "endpoint");
    while (!endpoint_.empty() && endpoint_.back() == '\n') endpoint_.pop_back();
    ASSERT_FALSE(endpoint_.empty()) << "s3rver is not running (fixture.s3_start)";
    dir_ = fs::path(CLIPGEN_TEST_WORK_DIR) / "s3-storage" / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    // Each test under its own prefix: the tests share one bucket and may run in parallel.
    prefix_ = fmt::format("{}/", ::testing::UnitTest::GetInstance()->current_test_info()->name());
  }

  S3Config config() const {
    return {.bucket = "clipgen-test", .access_key = "S3RVER", .secret_key = "S3RVER", .endpoint = endpoint_,
            .region = "us-east-1", .path_style = true};
  }

  testing::CommandResult aws(std::vector<std::string> args) const {
    ::setenv("AWS_ACCESS_KEY_ID", "S3RVER", 1);
    ::setenv("AWS_SECRET_ACCESS_KEY", "S3RVER", 1);
    ::setenv("AWS_DEFAULT_REGION", "us-east-1", 1);
    args.insert(args.begin(), {"/usr/bin/aws", "--endpoint-url", endpoint_});
    return testing::run_command(args);
  }

  std::string endpoint_;
  fs::path dir_;
  std::string prefix_;
};

}  // namespace

TEST_F(S3StorageTest, PutGetHeadRangeListDelete) {
  S3Storage storage(config());
  const std::string key = prefix_ + "users/u1/a clip – ünïcødé & co.mp4";
  const std::string content = random_bytes(100000, 1);
  write_file(dir_ / "source.bin", content);

  storage.put_file(key, dir_ / "source.bin", "video/mp4");
  EXPECT_EQ(storage.size(key), content.size());
  storage.get_file(key, dir_ / "copy.bin");
  EXPECT_EQ(read_file(dir_ / "copy.bin"), content);
  EXPECT_EQ(storage.read_range(key, 1000, 10), content.substr(1000, 10));
  EXPECT_EQ(storage.read_range(key, content.size() - 4, 100), content.substr(content.size() - 4));
  EXPECT_EQ(storage.list(prefix_ + "users/"), std::vector<std::string>{key});
  EXPECT_FALSE(storage.local_path(key));

  storage.remove(key);
  EXPECT_FALSE(storage.size(key));
  EXPECT_NO_THROW(storage.remove(key));
  try {
    storage.get_file(key, dir_ / "gone.bin");
    FAIL() << "expected a missing object";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no stored object"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(dir_ / "gone.bin"));
}

TEST_F(S3StorageTest, ListPagesAndRemovePrefix) {
  // Pages of 5 keys, so 12 keys take three LIST requests joined by continuation tokens.
  S3Storage storage(config(), {.list_page_size = 5});
  write_file(dir_ / "small", "x");
  std::vector<std::string> keys;
  for (int i = 0; i < 12; ++i) {
    keys.push_back(fmt::format("{}v/{:02}.jpg", prefix_, i));
    storage.put_file(keys.back(), dir_ / "small", "image/jpeg");
  }
  storage.put_file(prefix_ + "other/keep.jpg", dir_ / "small", "image/jpeg");
  EXPECT_EQ(storage.list(prefix_ + "v/"), keys);
  storage.remove_prefix(prefix_ + "v/");
  EXPECT_EQ(storage.list(prefix_), std::vector<std::string>{prefix_ + "other/keep.jpg"});
}

TEST_F(S3StorageTest, MultipartUploadInParallelParts) {
  S3Storage storage(config(), {.multipart_threshold = 8ull << 20, .part_size = 5ull << 20, .parallel_parts = 3});
  const std::string content = random_bytes((21ull << 20) + 12345, 2);  // 5 parts, the last one short
  write_file(dir_ / "big.bin", content);
  const std::string key = prefix_ + "big video.mp4";
  storage.put_file(key, dir_ / "big.bin", "video/mp4");
  EXPECT_EQ(storage.size(key), content.size());
  storage.get_file(key, dir_ / "big-copy.bin");
  EXPECT_TRUE(read_file(dir_ / "big-copy.bin") == content);
  // The part boundaries are in the right places.
  EXPECT_EQ(storage.read_range(key, (5ull << 20) - 3, 6), content.substr((5ull << 20) - 3, 6));
}

TEST_F(S3StorageTest, PresignedGetServesTheFileUnderItsDownloadName) {
  S3Storage storage(config());
  write_file(dir_ / "clip.mp4", "clip bytes");
  const std::string key = prefix_ + "clips/clip 01.mp4";
  storage.put_file(key, dir_ / "clip.mp4", "video/mp4");
  const auto url = storage.presigned_get(key, std::chrono::minutes(5), "My Talk – clip 1.mp4");
  ASSERT_TRUE(url);
  const auto result = testing::run_command(
      {"curl", "-sS", "-f", "-D", (dir_ / "headers").string(), "-o", (dir_ / "got.mp4").string(), *url});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(read_file(dir_ / "got.mp4"), "clip bytes");
  const std::string headers = read_file(dir_ / "headers");
  EXPECT_NE(headers.find("attachment; filename=\"My Talk _ clip 1.mp4\""), std::string::npos) << headers;

}

TEST_F(S3StorageTest, PresignedPutAcceptsAnUploadWithItsContentType) {
  S3Storage storage(config());
  write_file(dir_ / "upload.mp4", "uploaded by a browser");
  const std::string key = prefix_ + "uploads/original.mp4";
  const auto url = storage.presigned_put(key, std::chrono::minutes(5), "video/mp4", 21);
  ASSERT_TRUE(url);
  // The length is part of the signature (s3rver does not check signatures; S3 and R2 do).
  EXPECT_NE(url->find("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost"), std::string::npos) << *url;
  const auto result = testing::run_command({"curl", "-sS", "-f", "-X", "PUT", "-H", "Content-Type: video/mp4",
                                            "--data-binary", "@" + (dir_ / "upload.mp4").string(), *url});
  ASSERT_EQ(result.exit_code, 0) << result.err << result.out;
  storage.get_file(key, dir_ / "stored.mp4");
  EXPECT_EQ(read_file(dir_ / "stored.mp4"), "uploaded by a browser");
}

TEST_F(S3StorageTest, AwsCliListsAndReadsWhatClipgenWrote) {
  S3Storage storage(config());
  write_file(dir_ / "t.json", R"({"words": []})");
  const std::string key = prefix_ + "users/u1/videos/v1/transcript.json";
  storage.put_file(key, dir_ / "t.json", "application/json");

  const auto listed = aws({"s3", "ls", "--recursive", "s3://clipgen-test/" + prefix_});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  EXPECT_NE(listed.out.find(key), std::string::npos) << listed.out;
  const auto read = aws({"s3", "cp", "s3://clipgen-test/" + key, "-"});
  ASSERT_EQ(read.exit_code, 0) << read.err;
  EXPECT_EQ(read.out, R"({"words": []})");
}

TEST_F(S3StorageTest, VirtualHostedAddressing) {
  // *.localhost resolves to loopback, and s3rver takes the bucket from a <bucket>.s3.localhost host.
  S3Config virtual_hosted = config();
  virtual_hosted.endpoint = "http://s3.localhost" + endpoint_.substr(endpoint_.rfind(':'));
  virtual_hosted.path_style = false;
  S3Storage storage(virtual_hosted);
  write_file(dir_ / "v.txt", "virtual");
  const std::string key = prefix_ + "a b/v.txt";
  storage.put_file(key, dir_ / "v.txt", "text/plain");
  EXPECT_EQ(storage.list(prefix_), std::vector<std::string>{key});
  const auto url = storage.presigned_get(key, std::chrono::minutes(1), "");
  ASSERT_TRUE(url);
  EXPECT_TRUE(url->starts_with("http://clipgen-test.s3.localhost:")) << *url;
  const auto result = testing::run_command({"curl", "-sS", "-f", *url});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "virtual");
  // The same object through path-style addressing: one bucket, two ways to name it.
  S3Storage path_style(config());
  EXPECT_EQ(path_style.size(key), 7u);
  storage.remove(key);
  EXPECT_FALSE(path_style.size(key));
}

}  // namespace clipgen::storage
