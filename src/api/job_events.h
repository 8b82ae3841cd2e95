#pragma once
// GET /api/jobs/{id}/events: the job as Server-Sent Events. An `update` event carries the job
// whenever its status, stage or progress changes; the last event, `end`, carries it in its
// final status, and the stream closes. Comments keep idle connections open through proxies.
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "db/database.h"
#include "http/response.h"

namespace clipgen::api {

// One SSE frame: "event: <name>\ndata: <json>\n\n". Pure.
std::string sse_event(const std::string& name, const std::string& data);

// Jobs as the event streams see them, read from the database at most once per job and
// `max_age` however many streams watch the job (a thousand open streams on one job cost one
// read per interval, not a thousand). Thread-safe.
class JobSnapshots {
 public:
  struct Snapshot {
    bool exists = false;  // false: deleted (or never the user's)
    bool final = false;   // succeeded, failed or canceled
    std::string json;     // the job as the API shows it
  };

  explicit JobSnapshots(db::Database& db, std::chrono::milliseconds max_age = std::chrono::milliseconds(200))
      : db_(db), max_age_(max_age) {}

  Snapshot get(const std::string& job_id, const std::string& user_id);

 private:
  using Clock = std::chrono::steady_clock;
  struct Entry {
    std::optional<Snapshot> snapshot;
    Clock::time_point read_at;
    Clock::time_point asked_at;
    bool reading = false;  // another thread is reading it now: the others take the last one
  };
  void forget_unwatched(Clock::time_point now);

  db::Database& db_;
  std::chrono::milliseconds max_age_;
  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, Entry> entries_;
  Clock::time_point swept_at_;
};

// Sets `res` to stream the job's events until it ends, the client leaves or the server stops.
void stream_job_events(std::shared_ptr<JobSnapshots> snapshots, const std::string& job_id, const std::string& user_id,
                       http::Response& res);

}  // namespace clipgen::api
