#include "api/job_events.h"

#include <fmt/format.h>

#include <thread>

#include "api/json_mapping.h"
#include "db/job_repository.h"
#include "text/json_text.h"

namespace clipgen::api {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(200);
constexpr auto kKeepAliveInterval = std::chrono::seconds(15);

struct StreamState {
  std::string last_sent;
  std::chrono::steady_clock::time_point last_write = std::chrono::steady_clock::now();
};

}  // namespace

std::string sse_event(const std::string& name, const std::string& data) {
  return fmt::format("event: {}\ndata: {}\n\n", name, data);
}

void stream_job_events(ApiContext& context, const std::string& job_id, const std::string& user_id,
                       httplib::Response& res) {
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Accel-Buffering", "no");  // nginx: pass events through as they come
  auto state = std::make_shared<StreamState>();
  // httplib calls the provider again as soon as it returns, so each call waits for a change.
  res.set_chunked_content_provider(
      "text/event-stream", [&context, job_id, user_id, state](std::size_t, httplib::DataSink& sink) {
        const auto write = [&](const std::string& text) {
          state->last_write = std::chrono::steady_clock::now();
          return sink.write(text.data(), text.size());
        };
        while (!context.server.stopping()) {
          const auto job = db::JobRepository(context.db).get(job_id, user_id);
          if (!job) {  // deleted with its video while we watched
            write(sse_event("end", R"({"status":"deleted"})"));
            sink.done();
            return true;
          }
          const std::string data = text::to_json_text(job_json(*job));
          if (db::is_final(job->status)) {
            write(sse_event("end", data));
            sink.done();
            return true;
          }
          if (data != state->last_sent) {
            state->last_sent = data;
            return write(sse_event("update", data));
          }
          if (std::chrono::steady_clock::now() - state->last_write > kKeepAliveInterval) return write(": keep-alive\n\n");
          if (!sink.is_writable()) return false;
          std::this_thread::sleep_for(kPollInterval);
        }
        sink.done();
        return true;
      });
}

}  // namespace clipgen::api
