#include "api/quotas.h"

#include <gtest/gtest.h>

#include "api/metrics_access.h"

namespace clipgen::api {
namespace {

const UserQuotas kQuotas{.max_active_jobs = 2, .max_uploads_per_day = 3, .max_stored_bytes = 1000,
                         .max_video_seconds = 600, .max_video_pixels = 1920 * 1080};

TEST(Quotas, EachLimitAnswersWithItsOwnStatusAndCode) {
  EXPECT_FALSE(upload_refusal({.uploads_last_day = 2, .stored_bytes = 400}, 600, kQuotas));
  const auto uploads = upload_refusal({.uploads_last_day = 3}, 1, kQuotas);
  ASSERT_TRUE(uploads);
  EXPECT_EQ(uploads->status, 429);
  EXPECT_EQ(uploads->code, "quota_uploads");
  EXPECT_NE(std::string(uploads->what()).find("CLIPGEN_MAX_UPLOADS_PER_DAY"), std::string::npos);
  const auto storage = upload_refusal({.stored_bytes = 400}, 601, kQuotas);
  ASSERT_TRUE(storage);
  EXPECT_EQ(storage->status, 413);
  EXPECT_EQ(storage->code, "quota_storage");
  // No overflow when the announced size is absurd.
  EXPECT_TRUE(upload_refusal({.stored_bytes = 400}, ~std::uint64_t{0}, kQuotas));

  EXPECT_FALSE(job_refusal({.active_jobs = 1}, kQuotas));
  const auto jobs = job_refusal({.active_jobs = 2}, kQuotas);
  ASSERT_TRUE(jobs);
  EXPECT_EQ(jobs->status, 429);
  EXPECT_EQ(jobs->code, "quota_jobs");

  EXPECT_FALSE(video_refusal(600, 1920, 1080, kQuotas));
  EXPECT_FALSE(video_refusal(60, 1080, 1920, kQuotas));  // portrait
  const auto long_video = video_refusal(601, 640, 360, kQuotas);
  ASSERT_TRUE(long_video);
  EXPECT_EQ(long_video->status, 422);
  EXPECT_EQ(long_video->code, "video_too_long");
  EXPECT_EQ(long_video->field, "file");
  const auto big_picture = video_refusal(10, 8192, 8192, kQuotas);
  ASSERT_TRUE(big_picture);
  EXPECT_EQ(big_picture->code, "video_too_large");
  EXPECT_NE(std::string(big_picture->what()).find("8192x8192"), std::string::npos);
}

TEST(MetricsAccess, LoopbackOnlyWithoutATokenAndTheTokenWithOne) {
  EXPECT_EQ(metrics_access("127.0.0.1", "", ""), MetricsAccess::allowed);
  EXPECT_EQ(metrics_access("::1", "", ""), MetricsAccess::allowed);
  EXPECT_EQ(metrics_access("::ffff:127.0.0.1", "", ""), MetricsAccess::allowed);
  EXPECT_EQ(metrics_access("10.1.2.3", "", ""), MetricsAccess::forbidden);
  EXPECT_EQ(metrics_access("::ffff:10.1.2.3", "Bearer x", ""), MetricsAccess::forbidden);
  EXPECT_EQ(metrics_access("10.1.2.3", "Bearer s3cret-token", "s3cret-token"), MetricsAccess::allowed);
  EXPECT_EQ(metrics_access("127.0.0.1", "", "s3cret-token"), MetricsAccess::needs_token);
  EXPECT_EQ(metrics_access("127.0.0.1", "Bearer s3cret-tokeN", "s3cret-token"), MetricsAccess::needs_token);
  EXPECT_EQ(metrics_access("127.0.0.1", "Basic s3cret-token", "s3cret-token"), MetricsAccess::needs_token);
}

}  // namespace
}  // namespace clipgen::api
