#include "db/job.h"

#include <array>
#include <stdexcept>

namespace clipgen::db {
namespace {

constexpr std::array<std::pair<JobStatus, std::string_view>, 5> kNames = {{
    {JobStatus::queued, "queued"},
    {JobStatus::running, "running"},
    {JobStatus::succeeded, "succeeded"},
    {JobStatus::failed, "failed"},
    {JobStatus::canceled, "canceled"},
}};

}  // namespace

std::string_view to_string(JobStatus status) {
  for (const auto& [value, name] : kNames)
    if (value == status) return name;
  throw std::invalid_argument("unknown job status");
}

JobStatus job_status_from_string(std::string_view text) {
  for (const auto& [value, name] : kNames)
    if (name == text) return value;
  throw std::invalid_argument("unknown job status: " + std::string(text));
}

bool is_final(JobStatus status) {
  return status == JobStatus::succeeded || status == JobStatus::failed || status == JobStatus::canceled;
}

}  // namespace clipgen::db
