#pragma once
// Times are stored as integer milliseconds since the Unix epoch (BIGINT on both dialects).
#include <chrono>
#include <cstdint>
#include <string>

namespace clipgen::db {

using Clock = std::chrono::system_clock;
using Timestamp = std::chrono::time_point<Clock, std::chrono::milliseconds>;

inline Timestamp now() { return std::chrono::time_point_cast<std::chrono::milliseconds>(Clock::now()); }
inline std::int64_t to_millis(Timestamp t) { return t.time_since_epoch().count(); }
inline Timestamp from_millis(std::int64_t ms) { return Timestamp(std::chrono::milliseconds(ms)); }
// RFC 3339 in UTC with milliseconds, e.g. "2026-11-25T19:30:00.123Z", for JSON.
std::string to_iso8601(Timestamp t);

}  // namespace clipgen::db
