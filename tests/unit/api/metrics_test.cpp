#include "api/metrics.h"

#include <gtest/gtest.h>

using clipgen::api::Metrics;

TEST(Metrics, RendersCountersAndCumulativeHistogramsInPrometheusText) {
  Metrics metrics;
  metrics.observe_request("GET", "/api/jobs/{id}", 200, 0.003);
  metrics.observe_request("GET", "/api/jobs/{id}", 200, 0.2);
  metrics.observe_request("GET", "/api/jobs/{id}", 404, 0.001);
  metrics.observe_stage("render", 12);
  const std::string text = metrics.render({{"queued", 2}, {"running", 1}});

  EXPECT_NE(text.find(R"(clipgen_http_requests_total{method="GET",route="/api/jobs/{id}",status="200"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(clipgen_http_requests_total{method="GET",route="/api/jobs/{id}",status="404"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(clipgen_http_request_duration_seconds_bucket{route="/api/jobs/{id}",le="0.001"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(clipgen_http_request_duration_seconds_bucket{route="/api/jobs/{id}",le="0.005"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(clipgen_http_request_duration_seconds_bucket{route="/api/jobs/{id}",le="+Inf"} 3)"), std::string::npos);
  EXPECT_NE(text.find(R"(clipgen_http_request_duration_seconds_count{route="/api/jobs/{id}"} 3)"), std::string::npos);
  EXPECT_NE(text.find(R"(clipgen_jobs{status="queued"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(clipgen_job_stage_duration_seconds_bucket{stage="render",le="10"} 0)"), std::string::npos);
  EXPECT_NE(text.find(R"(clipgen_job_stage_duration_seconds_bucket{stage="render",le="30"} 1)"), std::string::npos);
  EXPECT_NE(text.find("# TYPE clipgen_http_requests_total counter"), std::string::npos);
}
