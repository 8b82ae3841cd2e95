// Drains a queue of empty jobs (claim, then succeed with no clips) with one claimer and with
// several at once on one database, and prints jobs per second and the ratio: how far the
// claim path scales out (PostgreSQL: SKIP LOCKED; SQLite: one writer at a time).
// usage: queue_bench DATABASE_URL [JOBS] [CLAIMERS]   (the database should be a throwaway one)
#include <fmt/format.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "db/database.h"
#include "db/ids.h"
#include "db/job_repository.h"
#include "db/migrations.h"
#include "db/user_repository.h"
#include "db/video_repository.h"

using namespace clipgen;
using namespace std::chrono_literals;

namespace {

void enqueue(db::Database& database, const db::Video& video, int jobs) {
  db::JobRepository repo(database);
  for (int i = 0; i < jobs; ++i) repo.create(video.id, video.user_id, nlohmann::json::object());
}

// Seconds `claimers` threads take to drain the queue.
double drain(db::Database& database, int claimers) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < claimers; ++c) {
    threads.emplace_back([&database, c] {
      db::JobRepository repo(database);
      const std::string worker = "bench-" + std::to_string(c);
      while (auto job = repo.claim(worker, db::now(), db::now() + 60s)) repo.succeed(job->id, worker, {}, {}, db::now());
    });
  }
  for (auto& t : threads) t.join();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    fmt::print(stderr, "usage: queue_bench DATABASE_URL [JOBS] [CLAIMERS]\n");
    return 2;
  }
  const int jobs = argc > 2 ? std::stoi(argv[2]) : 500;
  const int claimers = argc > 3 ? std::stoi(argv[3]) : 4;
  db::Database database(argv[1], {.pool_size = static_cast<std::size_t>(claimers) + 1});
  db::migrate(database);
  const auto user = db::UserRepository(database).create("bench-" + db::new_id() + "@example.com", "-");
  db::Video video;
  video.id = db::new_id();
  video.user_id = user.id;
  video.filename = "bench.mp4";
  video.content_type = "video/mp4";
  video.storage_key = "bench";
  db::VideoRepository(database).create(video);

  // Warm up connections, caches and the server before either measured run.
  enqueue(database, video, jobs / 5);
  drain(database, claimers);
  enqueue(database, video, jobs);
  const double one = drain(database, 1);
  enqueue(database, video, jobs);
  const double many = drain(database, claimers);
  fmt::print("queue {:<10} {} jobs: 1 claimer {:.0f} jobs/s, {} claimers {:.0f} jobs/s, speed-up {:.2f}x\n",
             database.dialect() == db::Dialect::sqlite ? "sqlite" : "postgresql", jobs, jobs / one, claimers,
             jobs / many, one / many);
  return 0;
}
