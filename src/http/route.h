#pragma once
// A route: which requests it answers, what body it accepts, and the functions that answer.
// Framework-free. A request goes through, in order:
//   1. routing by method and path (see PathPattern);
//   2. the body limit: a body announced larger than max_body_bytes is refused (413) before any
//      of it is read, and a chunked body is counted against the same limit as it arrives;
//   3. the guard, when there is one (authentication): it may refuse before the body is read;
//   4. the body: read whole into Request::body for a `handler`, or handed piece by piece to the
//      receiver a `stream` handler returned (uploads streamed to disk);
//   5. the handler (or the receiver's finish), which fills the Response.
// Guards, handlers and receivers run on the server's worker threads, never on its I/O threads,
// so they may block on a database, a password hash or a storage call. A handler marked
// `blocking = false` runs on the I/O thread instead: only for answers that need nothing but
// memory (liveness checks).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "http/request.h"
#include "http/response.h"

namespace clipgen::http {

using Handler = std::function<void(const Request&, Response&)>;
// Throws an Error to refuse the request; may note what it learnt in the request (remote_user).
using Guard = std::function<void(Request&)>;

// Where an upload's body goes as it arrives.
struct BodyReceiver {
  std::function<void(std::string_view piece)> write;  // each piece in order; throw to refuse
  Handler finish;                                     // after the last piece
};
// Called after the guard, before any body byte is read.
using StreamHandler = std::function<BodyReceiver(Request&)>;

struct Route {
  std::string method;   // GET (also answers HEAD), POST, PUT, DELETE, OPTIONS
  std::string pattern;  // see PathPattern
  std::string label;    // names the route in logs and metrics; the pattern when empty
  std::uint64_t max_body_bytes = 0;  // 0: the request may not have a body
  Guard guard;
  Handler handler;       // the body (if any) is in Request::body
  StreamHandler stream;  // instead of handler: the body goes to a receiver as it arrives
  bool blocking = true;  // false: the handler only touches memory and runs on the I/O thread
};

}  // namespace clipgen::http
