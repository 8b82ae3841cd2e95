#pragma once
// Counters and histograms for /metrics in the Prometheus text format: requests by route and
// status, request latency, job stage durations; jobs by status is read at scrape time.
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace clipgen::api {

class Histogram {
 public:
  // Upper bounds in seconds, from a millisecond to an hour: one set serves requests and stages.
  static constexpr std::array<double, 16> kBounds = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                                     0.5,   1,      2.5,   5,    10,    30,   120, 3600};
  void observe(double seconds);
  // The _bucket, _sum and _count lines of metric `name` with `labels` (`key="value",...`).
  std::string render(const std::string& name, const std::string& labels) const;

 private:
  std::array<std::uint64_t, kBounds.size()> buckets_{};  // not cumulative; summed when rendered
  std::uint64_t count_ = 0;
  double sum_ = 0;
};

class Metrics {
 public:
  void observe_request(const std::string& method, const std::string& route, int status, double seconds);
  void observe_stage(const std::string& stage, double seconds);
  std::string render(const std::map<std::string, std::int64_t>& jobs_by_status) const;

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram> request_seconds_;  // by route
  std::map<std::string, Histogram> stage_seconds_;    // by stage
};

}  // namespace clipgen::api
