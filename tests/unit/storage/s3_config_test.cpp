#include "storage/s3_config.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <stdexcept>

#include "storage/local_storage.h"
#include "storage/open_storage.h"

namespace clipgen::storage {

namespace {

// Clears every STORAGE_* variable before and after each test so cases do not leak into each other.
class S3ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override { clear(); }
  void TearDown() override { clear(); }
  static void clear() {
    for (const char* name : {"STORAGE_BUCKET", "STORAGE_ACCESS_KEY", "STORAGE_SECRET_KEY", "STORAGE_ENDPOINT",
                             "STORAGE_REGION", "STORAGE_ADDRESSING"})
      ::unsetenv(name);
  }
};

}  // namespace

TEST_F(S3ConfigTest, NoBucketMeansLocalFiles) {
  EXPECT_FALSE(s3_config_from_env());
  const auto dir = std::filesystem::path(CLIPGEN_TEST_WORK_DIR) / "open-storage-local";
  auto storage = open_storage(dir);
  EXPECT_NE(dynamic_cast<LocalStorage*>(storage.get()), nullptr);
  EXPECT_TRUE(std::filesystem::is_directory(dir / "files"));
}

TEST_F(S3ConfigTest, ReadsEveryVariable) {
  ::setenv("STORAGE_BUCKET", "clips", 1);
  ::setenv("STORAGE_ACCESS_KEY", "AK", 1);
  ::setenv("STORAGE_SECRET_KEY", "SK", 1);
  ::setenv("STORAGE_ENDPOINT", "https://acct.r2.cloudflarestorage.com/", 1);
  ::setenv("STORAGE_REGION", "auto", 1);
  const auto config = s3_config_from_env();
  ASSERT_TRUE(config);
  EXPECT_EQ(config->bucket, "clips");
  EXPECT_EQ(config->access_key, "AK");
  EXPECT_EQ(config->secret_key, "SK");
  EXPECT_EQ(config->endpoint, "https://acct.r2.cloudflarestorage.com");
  EXPECT_EQ(config->region, "auto");
  EXPECT_TRUE(config->path_style);
}

TEST_F(S3ConfigTest, AwsDefaultsToVirtualHostedUsEast1) {
  ::setenv("STORAGE_BUCKET", "clips", 1);
  ::setenv("STORAGE_ACCESS_KEY", "AK", 1);
  ::setenv("STORAGE_SECRET_KEY", "SK", 1);
  const auto config = s3_config_from_env();
  ASSERT_TRUE(config);
  EXPECT_EQ(config->region, "us-east-1");
  EXPECT_FALSE(config->path_style);
  ::setenv("STORAGE_ADDRESSING", "path", 1);
  EXPECT_TRUE(s3_config_from_env()->path_style);
}

TEST_F(S3ConfigTest, IncompleteSettingsNameTheVariable) {
  ::setenv("STORAGE_BUCKET", "clips", 1);
  try {
    s3_config_from_env();
    FAIL() << "expected an error";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("STORAGE_ACCESS_KEY"), std::string::npos) << e.what();
  }
  ::setenv("STORAGE_ACCESS_KEY", "AK", 1);
  ::setenv("STORAGE_SECRET_KEY", "SK", 1);
  ::setenv("STORAGE_ENDPOINT", "minio:9000", 1);
  EXPECT_THROW(s3_config_from_env(), std::invalid_argument);
  ::setenv("STORAGE_ENDPOINT", "http://minio:9000", 1);
  ::setenv("STORAGE_ADDRESSING", "sideways", 1);
  EXPECT_THROW(s3_config_from_env(), std::invalid_argument);
}

}  // namespace clipgen::storage
