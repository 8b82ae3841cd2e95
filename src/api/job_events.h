#pragma once
// GET /api/jobs/{id}/events: the job as Server-Sent Events. An `update` event carries the job
// whenever its status, stage or progress changes; the last event, `end`, carries it in its
// final status, and the stream closes. Comments keep idle connections open through proxies.
#include <httplib.h>

#include <string>

#include "api/api_context.h"

namespace clipgen::api {

// One SSE frame: "event: <name>\ndata: <json>\n\n". Pure.
std::string sse_event(const std::string& name, const std::string& data);

// Sets `res` to stream the job's events until it ends, the client leaves or the server stops.
void stream_job_events(ApiContext& context, const std::string& job_id, const std::string& user_id,
                       httplib::Response& res);

}  // namespace clipgen::api
