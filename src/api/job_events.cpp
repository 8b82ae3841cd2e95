#include "api/job_events.h"

#include <fmt/format.h>

#include "api/json_mapping.h"
#include "db/job_repository.h"
#include "text/json_text.h"

namespace clipgen::api {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(200);
constexpr auto kKeepAliveInterval = std::chrono::seconds(15);
constexpr auto kForgetAfter = std::chrono::seconds(60);  // a job no stream asked for this long

struct StreamState {
  bool finished = false;
  std::string last_sent;
  std::chrono::steady_clock::time_point last_write = std::chrono::steady_clock::now();
};

}  // namespace

std::string sse_event(const std::string& name, const std::string& data) {
  return fmt::format("event: {}\ndata: {}\n\n", name, data);
}

JobSnapshots::Snapshot JobSnapshots::get(const std::string& job_id, const std::string& user_id) {
  const auto key = std::make_pair(job_id, user_id);
  auto now = Clock::now();
  {
    std::lock_guard lock(mutex_);
    forget_unwatched(now);
    Entry& entry = entries_[key];
    entry.asked_at = now;
    if (entry.snapshot && (now - entry.read_at < max_age_ || entry.reading)) return *entry.snapshot;
    entry.reading = true;
  }
  Snapshot snapshot;
  try {
    if (const auto job = db::JobRepository(db_).get(job_id, user_id)) {
      snapshot = {true, db::is_final(job->status), text::to_json_text(job_json(*job))};
    }
  } catch (...) {
    std::lock_guard lock(mutex_);
    entries_[key].reading = false;
    throw;
  }
  std::lock_guard lock(mutex_);
  Entry& entry = entries_[key];
  entry.snapshot = snapshot;
  entry.read_at = Clock::now();
  entry.reading = false;
  return snapshot;
}

void JobSnapshots::forget_unwatched(Clock::time_point now) {
  if (now - swept_at_ < kForgetAfter) return;
  swept_at_ = now;
  std::erase_if(entries_, [&](const auto& item) { return !item.second.reading && now - item.second.asked_at > kForgetAfter; });
}

void stream_job_events(std::shared_ptr<JobSnapshots> snapshots, const std::string& job_id, const std::string& user_id,
                       http::Response& res) {
  res.headers.set("Cache-Control", "no-cache");
  res.headers.set("X-Accel-Buffering", "no");  // nginx: pass events through as they come
  auto state = std::make_shared<StreamState>();
  http::StreamBody body;
  body.poll_interval = kPollInterval;
  body.next = [snapshots, job_id, user_id, state]() -> std::optional<std::string> {
    if (state->finished) return std::nullopt;
    const auto snapshot = snapshots->get(job_id, user_id);
    const auto now = std::chrono::steady_clock::now();
    if (!snapshot.exists) {  // deleted with its video while we watched
      state->finished = true;
      return sse_event("end", R"({"status":"deleted"})");
    }
    if (snapshot.final) {
      state->finished = true;
      return sse_event("end", snapshot.json);
    }
    if (snapshot.json != state->last_sent) {
      state->last_sent = snapshot.json;
      state->last_write = now;
      return sse_event("update", snapshot.json);
    }
    if (now - state->last_write > kKeepAliveInterval) {
      state->last_write = now;
      return ": keep-alive\n\n";
    }
    return std::string();
  };
  res.set_stream(std::move(body), "text/event-stream");
}

}  // namespace clipgen::api
