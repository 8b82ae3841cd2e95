#pragma once
// The service's workers: N threads that each claim a job, fetch its original, run the
// pipeline (with the words the user gave for the video when there are some; reusing the
// video's cached transcript), publish the clip files to storage and the
// clips rows, and record the outcome. Used by `clipgen serve` and `clipgen worker`.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "analysis/analyzer.h"
#include "db/database.h"
#include "db/video_repository.h"
#include "jobs/pipeline.h"
#include "jobs/queue.h"
#include "speech/transcriber.h"
#include "speech/word_aligner.h"
#include "storage/storage.h"

namespace clipgen::jobs {

// The engines one worker thread uses; each thread gets its own from the factory, so engines
// need not be thread-safe.
struct Engines {
  std::unique_ptr<speech::Transcriber> transcriber;
  std::unique_ptr<analysis::Analyzer> analyzer;
  // For a video with words its user gave (db::GivenTranscriptRepository): an engine that times
  // those words instead of `transcriber` (speech::AlignedTranscriber).
  std::function<std::unique_ptr<speech::Transcriber>(std::vector<speech::TextWord>)> align;
  // Times a render's corrected words from the audio (speech/correction_timing.h).
  speech::PocketsphinxOptions word_timing = speech::installed_pocketsphinx();
};
using EngineFactory = std::function<Engines()>;

struct WorkerOptions {
  unsigned threads = 1;                  // jobs run at once in this process
  unsigned render_threads = 0;           // CPU threads per job for rendering; 0: every core
  std::filesystem::path scratch_dir;     // per-job temporary folders go under it (required)
  std::string worker_id;                 // empty: "<host>:<pid>:<random>"
  std::chrono::milliseconds poll_interval{1000};  // idle wait between claims
  std::chrono::milliseconds progress_interval{250};  // at most ~4 progress writes per second
  QueueOptions queue;
  // Told how long each pipeline stage of a job took, as each ends (for metrics); may be empty.
  std::function<void(const std::string& stage, double seconds)> on_stage_done;
};

enum class StopMode {
  finish_running,  // stop claiming; let running jobs run to their end
  hand_back,       // stop claiming; cancel running pipelines and return their jobs to the queue
};

// Storage keys of a job's outputs: users/<uid>/jobs/<jid>/clip-NN.mp4, .jpg and .srt.
std::string job_prefix(const std::string& user_id, const std::string& job_id);
// Of a clip's renders after an edit (or by hand): users/<uid>/clips/<cid>/vN.mp4, .jpg, .srt, .ass.
std::string clip_prefix(const std::string& user_id, const std::string& clip_id);
std::string clip_key(const std::string& user_id, const std::string& job_id, int number, const std::string& extension);

class WorkerPool {
 public:
  WorkerPool(db::Database& db, storage::Storage& storage, EngineFactory engines, WorkerOptions options);
  // Stops with StopMode::hand_back if still running.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Starts the worker threads and the lease heartbeat.
  void start();
  // Returns once every worker thread has ended.
  void stop(StopMode mode);

  // Claims and runs one job on the calling thread (no heartbeat thread needed for short jobs
  // when the lease is long enough). False when nothing was queued. For tests and tools.
  bool run_one();

  const std::string& worker_id() const { return options_.worker_id; }

 private:
  // A job this process is running; the heartbeat and stop() flip `cancel` to stop it.
  struct Running {
    db::Job job;
    std::atomic<bool> cancel{false};
  };

  void worker_loop();
  void heartbeat_loop();
  // Claims one job and runs it to an outcome recorded in the database; false when none queued.
  bool run_next(Engines& engines);
  void execute(Running& running, Engines& engines);
  // The two kinds of job, once the original is at `input`.
  void process(const db::Job& job, const db::Video& video, const std::filesystem::path& input,
               const std::filesystem::path& scratch, const PipelineHooks& hooks, Engines& engines);
  // One clip rendered after an edit: the corrected words in it timed from the audio (and kept
  // in the transcript), its new files published and its row changed together; the old files
  // removed after that.
  void render(const db::Job& job, const db::Video& video, const std::filesystem::path& input,
              const std::filesystem::path& scratch, const PipelineHooks& hooks, const Engines& engines);
  void publish(const db::Job& job, const ClipSettings& settings, const PipelineResult& result);

  db::Database& db_;
  storage::Storage& storage_;
  EngineFactory make_engines_;
  WorkerOptions options_;
  JobQueue queue_;

  std::atomic<bool> stopping_{false};        // no new claims
  std::atomic<bool> hand_back_{false};       // running jobs go back to the queue
  std::atomic<bool> heartbeat_stopping_{false};
  std::mutex mutex_;                         // guards running_ and the waits below
  std::condition_variable wake_;
  std::vector<std::shared_ptr<Running>> running_;
  std::vector<std::thread> threads_;
  std::thread heartbeat_;
};

}  // namespace clipgen::jobs
