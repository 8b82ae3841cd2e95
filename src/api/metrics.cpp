#include "api/metrics.h"

#include <fmt/format.h>

namespace clipgen::api {
namespace {

// Label values in the text format escape backslash, quote and newline.
std::string escape_label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Histogram::observe(double seconds) {
  for (std::size_t i = 0; i < kBounds.size(); ++i) {
    if (seconds <= kBounds[i]) {
      ++buckets_[i];
      break;
    }
  }
  ++count_;
  sum_ += seconds;
}

std::string Histogram::render(const std::string& name, const std::string& labels) const {
  const std::string sep = labels.empty() ? "" : ",";
  std::string out;
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < kBounds.size(); ++i) {
    cumulative += buckets_[i];
    out += fmt::format("{}_bucket{{{}{}le=\"{}\"}} {}\n", name, labels, sep, kBounds[i], cumulative);
  }
  out += fmt::format("{}_bucket{{{}{}le=\"+Inf\"}} {}\n", name, labels, sep, count_);
  const std::string braces = labels.empty() ? "" : "{" + labels + "}";
  out += fmt::format("{}_sum{} {}\n{}_count{} {}\n", name, braces, sum_, name, braces, count_);
  return out;
}

void Metrics::observe_request(const std::string& method, const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
  request_seconds_[route].observe(seconds);
}

void Metrics::observe_stage(const std::string& stage, double seconds) {
  std::lock_guard lock(mutex_);
  stage_seconds_[stage].observe(seconds);
}

std::string Metrics::render(const std::map<std::string, std::int64_t>& jobs_by_status) const {
  std::lock_guard lock(mutex_);
  std::string out =
      "# HELP clipgen_http_requests_total HTTP requests answered, by route and status.\n"
      "# TYPE clipgen_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out += fmt::format("clipgen_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n", method,
                       escape_label(route), status, count);
  }
  out +=
      "# HELP clipgen_http_request_duration_seconds Time from request line to the end of the answer.\n"
      "# TYPE clipgen_http_request_duration_seconds histogram\n";
  for (const auto& [route, histogram] : request_seconds_) {
    out += histogram.render("clipgen_http_request_duration_seconds", fmt::format("route=\"{}\"", escape_label(route)));
  }
  out +=
      "# HELP clipgen_jobs Jobs in the database, by status.\n"
      "# TYPE clipgen_jobs gauge\n";
  for (const auto& [status, count] : jobs_by_status) {
    out += fmt::format("clipgen_jobs{{status=\"{}\"}} {}\n", escape_label(status), count);
  }
  out +=
      "# HELP clipgen_job_stage_duration_seconds Time spent in each pipeline stage by this process's workers.\n"
      "# TYPE clipgen_job_stage_duration_seconds histogram\n";
  for (const auto& [stage, histogram] : stage_seconds_) {
    out += histogram.render("clipgen_job_stage_duration_seconds", fmt::format("stage=\"{}\"", escape_label(stage)));
  }
  return out;
}

}  // namespace clipgen::api
