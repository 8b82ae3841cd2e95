#include "jobs/worker.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <optional>

#include "db/clip_repository.h"
#include "db/given_transcript_repository.h"
#include "db/ids.h"
#include "db/job_repository.h"
#include "db/transcript_repository.h"
#include "db/video_repository.h"
#include "jobs/progress_gate.h"
#include "jobs/stage_clock.h"
#include "jobs/settings_json.h"
#include "jobs/settings_validation.h"
#include "jobs/single_clip.h"
#include "speech/correction_timing.h"
#include "media/media_error.h"

namespace fs = std::filesystem;

namespace clipgen::jobs {
namespace {

// A failure no retry can fix: the input or the settings are wrong.
struct PermanentError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string default_worker_id() {
  char host[HOST_NAME_MAX + 1] = {};
  if (gethostname(host, sizeof host - 1) != 0) std::snprintf(host, sizeof host, "unknown-host");
  return fmt::format("{}:{}:{}", host, getpid(), db::new_id().substr(0, 8));
}

// Removes a job's scratch folder whatever way the run ends.
class ScratchDir {
 public:
  explicit ScratchDir(fs::path path) : path_(std::move(path)) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;  // best effort: a leftover folder is cleared by the next run of this job
    fs::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// Media errors name the file they read ("original.mp4: no audio stream"); the user knows the
// video by the name it was uploaded under.
std::string as_uploaded(const std::string& error, const std::string& read_name, const std::string& uploaded_name) {
  const auto prefix = read_name + ": ";
  if (read_name.empty() || uploaded_name.empty() || error.rfind(prefix, 0) != 0) return error;
  return uploaded_name + ": " + error.substr(prefix.size());
}

db::Clip clip_row(const db::Job& job, const ClipSettings& settings, const ClipOutput& clip) {
  db::Clip row;
  row.job_id = job.id;
  row.video_id = job.video_id;
  row.user_id = job.user_id;
  row.clip_number = clip.number;
  row.start_s = clip.highlight.start;
  row.end_s = clip.highlight.end;
  row.title = clip.highlight.title;
  row.text = clip.highlight.text;
  row.virality_score = std::clamp(clip.highlight.score, 1, 10);
  row.reason = clip.highlight.reason;
  row.hashtags = clip.highlight.hashtags;
  row.storage_key = clip_key(job.user_id, job.id, clip.number, "mp4");
  row.thumbnail_key = clip_key(job.user_id, job.id, clip.number, "jpg");
  row.subtitles_key = clip_key(job.user_id, job.id, clip.number, "srt");
  row.aspect = settings.aspect;
  row.layout = settings.layout;
  row.captions = settings.captions;
  row.caption_style = settings.caption_style;
  row.width = clip.width;
  row.height = clip.height;
  row.size_bytes = clip.size_bytes;
  return row;
}

}  // namespace

std::string job_prefix(const std::string& user_id, const std::string& job_id) {
  return fmt::format("users/{}/jobs/{}/", user_id, job_id);
}

std::string clip_prefix(const std::string& user_id, const std::string& clip_id) {
  return fmt::format("users/{}/clips/{}/", user_id, clip_id);
}

std::string clip_key(const std::string& user_id, const std::string& job_id, int number, const std::string& extension) {
  return fmt::format("{}clip-{:02}.{}", job_prefix(user_id, job_id), number, extension);
}

WorkerPool::WorkerPool(db::Database& db, storage::Storage& storage, EngineFactory engines, WorkerOptions options)
    : db_(db), storage_(storage), make_engines_(std::move(engines)), options_(std::move(options)),
      queue_(db, options_.queue) {
  if (options_.scratch_dir.empty()) throw std::invalid_argument("the workers need a scratch folder");
  if (options_.worker_id.empty()) options_.worker_id = default_worker_id();
  if (!make_engines_) throw std::invalid_argument("the workers need an engine factory");
}

WorkerPool::~WorkerPool() {
  if (!threads_.empty() || heartbeat_.joinable()) stop(StopMode::hand_back);
}

void WorkerPool::start() {
  if (!threads_.empty()) throw std::logic_error("the workers are already running");
  stopping_ = false;
  hand_back_ = false;
  heartbeat_stopping_ = false;
  for (unsigned i = 0; i < std::max(1u, options_.threads); ++i) threads_.emplace_back([this] { worker_loop(); });
  heartbeat_ = std::thread([this] { heartbeat_loop(); });
}

void WorkerPool::stop(StopMode mode) {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    hand_back_ = mode == StopMode::hand_back;
    if (hand_back_)
      for (auto& running : running_) running->cancel = true;
  }
  wake_.notify_all();
  for (auto& thread : threads_) thread.join();
  threads_.clear();
  // The heartbeat keeps the leases of finishing jobs alive until the last worker is done.
  heartbeat_stopping_ = true;
  wake_.notify_all();
  if (heartbeat_.joinable()) heartbeat_.join();
}

bool WorkerPool::run_one() {
  auto engines = make_engines_();
  return run_next(engines);
}

void WorkerPool::worker_loop() {
  std::optional<Engines> engines;
  while (!stopping_) {
    bool ran = false;
    try {
      if (!engines) engines = make_engines_();
      ran = run_next(*engines);
    } catch (const std::exception& e) {
      // The database is unreachable, an engine cannot load, ...: say so and try again after a pause.
      spdlog::error("worker {}: {}", options_.worker_id, e.what());
    }
    if (ran) continue;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, options_.poll_interval, [this] { return stopping_.load(); });
  }
}

void WorkerPool::heartbeat_loop() {
  const auto period = std::max(std::chrono::milliseconds(10), options_.queue.lease / 3);
  std::unique_lock lock(mutex_);
  while (!heartbeat_stopping_) {
    wake_.wait_for(lock, period, [this] { return heartbeat_stopping_.load(); });
    const auto running = running_;
    lock.unlock();
    for (const auto& job : running) {
      try {
        if (!queue_.heartbeat(job->job.id, options_.worker_id, db::now())) job->cancel = true;
      } catch (const std::exception& e) {
        spdlog::warn("worker {}: cannot renew the lease of job {}: {}", options_.worker_id, job->job.id, e.what());
      }
    }
    lock.lock();
  }
}

bool WorkerPool::run_next(Engines& engines) {
  if (stopping_) return false;
  auto job = queue_.claim(options_.worker_id, db::now());
  if (!job) return false;
  auto running = std::make_shared<Running>();
  running->job = std::move(*job);
  {
    std::lock_guard lock(mutex_);
    running_.push_back(running);
  }
  // However execute() ends, the heartbeat must stop renewing this job's lease, or a job whose
  // outcome could not be written (database down) would never expire back to the queue.
  const auto unregister = [&] {
    std::lock_guard lock(mutex_);
    std::erase(running_, running);
  };
  spdlog::info("worker {}: job {} started (attempt {})", options_.worker_id, running->job.id, running->job.attempts);
  try {
    execute(*running, engines);
  } catch (...) {
    unregister();
    throw;
  }
  unregister();
  return true;
}

void WorkerPool::execute(Running& running, Engines& engines) {
  const db::Job& job = running.job;
  const auto fail = [&](const std::string& error, bool retryable) {
    const auto status = queue_.fail(job, options_.worker_id, error, retryable, db::now());
    spdlog::warn("worker {}: job {} {}: {}", options_.worker_id, job.id,
                 status ? std::string(db::to_string(*status)) : "was taken away", error);
  };
  std::string read_name, uploaded_name;
  try {
    ScratchDir scratch(options_.scratch_dir / job.id);
    const auto video = db::VideoRepository(db_).get(job.video_id, job.user_id);
    if (!video) throw PermanentError("the video of this job no longer exists");
    uploaded_name = video->filename;

    fs::path input = scratch.path() / ("original" + fs::path(video->storage_key).extension().string());
    if (auto local = storage_.local_path(video->storage_key)) {
      input = *local;
    } else {
      storage_.get_file(video->storage_key, input);
    }
    read_name = input.filename().string();

    db::JobRepository jobs(db_);
    ProgressGate gate(options_.progress_interval);
    StageClock stages;
    const auto record = [this](const std::optional<StageLap>& lap) {
      if (lap && options_.on_stage_done) options_.on_stage_done(lap->stage, lap->seconds);
    };
    const PipelineHooks hooks{
        .progress =
            [&](const std::string& stage, double percent) {
              const auto now = ProgressGate::Clock::now();
              record(stages.report(stage, now));
              if (!gate.admit(stage, now)) return;
              try {
                if (!jobs.update_progress(job.id, options_.worker_id, stage, percent)) running.cancel = true;
              } catch (const std::exception& e) {
                // A lost progress row is no reason to lose the job; the heartbeat notices a real outage.
                spdlog::warn("worker {}: job {}: cannot write progress: {}", options_.worker_id, job.id, e.what());
              }
            },
        .cancel = &running.cancel,
    };
    if (job.kind == db::kRenderJob) {
      render(job, *video, input, scratch.path(), hooks, engines);
    } else {
      process(job, *video, input, scratch.path(), hooks, engines);
    }
    record(stages.finish(StageClock::Clock::now()));
  } catch (const Canceled&) {
    if (hand_back_ && db::JobRepository(db_).release(job.id, options_.worker_id)) {
      spdlog::info("worker {}: job {} handed back to the queue", options_.worker_id, job.id);
    } else {
      spdlog::info("worker {}: job {} stopped: canceled", options_.worker_id, job.id);
    }
  } catch (const media::MediaError& e) {
    fail(as_uploaded(e.what(), read_name, uploaded_name), false);
  } catch (const PermanentError& e) {
    fail(e.what(), false);
  } catch (const std::exception& e) {
    fail(e.what(), true);
  }
}

void WorkerPool::process(const db::Job& job, const db::Video& video, const fs::path& input, const fs::path& scratch,
                         const PipelineHooks& hooks, Engines& engines) {
  ClipSettings settings;
  try {
    settings = settings_from_json(job.settings);
  } catch (const std::invalid_argument& e) {
    throw PermanentError(e.what());
  }
  if (const auto problem = validate_settings(settings)) throw PermanentError(problem->field + ": " + problem->message);

  // The user's own words, when given, are timed instead of recognised; a transcript cached from
  // other words (an earlier upload) is not theirs.
  const auto given = db::GivenTranscriptRepository(db_).find(video.id, job.user_id);
  std::unique_ptr<speech::Transcriber> aligner;
  if (given) {
    if (!engines.align) throw PermanentError("this worker cannot time a transcript the user gave");
    aligner = engines.align(given->words);
  }
  speech::Transcriber& transcriber = aligner ? *aligner : *engines.transcriber;
  const std::string source = given ? transcriber.name() + "@" + given->revision : transcriber.name();
  db::TranscriptRepository transcripts(db_);
  const auto cached = transcripts.find(video.id, job.user_id, source, settings.language);
  const auto result = [&] {
    try {
      return run_pipeline(input, scratch / "clips", settings,
                          {transcriber, *engines.analyzer, options_.render_threads, engines.word_timing}, cached, hooks);
    } catch (const std::invalid_argument& e) {
      // Given words the audio does not hold, or in a language the aligner cannot do: no retry
      // changes that.
      if (given) throw PermanentError(std::string("your transcript: ") + e.what());
      throw;
    }
  }();
  // Stored again when reused too, so that the video's latest transcript is this job's words;
  // a reused one keeps corrections made while the job ran (and then this job's timing of the
  // earlier ones is dropped: the next render times them).
  transcripts.put_merged(video.id, job.user_id, source, settings.language,
                         [&](const std::optional<speech::Transcript>& stored) {
                           if (result.transcribed || !stored) return result.transcript;
                           return speech::keep_timed_corrections(*stored, result.transcript);
                         });
  publish(job, settings, result);
  spdlog::info("worker {}: job {} succeeded with {} clip(s)", options_.worker_id, job.id, result.clips.size());
}

void WorkerPool::render(const db::Job& job, const db::Video& video, const fs::path& input, const fs::path& scratch,
                        const PipelineHooks& hooks, const Engines& engines) {
  ClipEdit edit;
  try {
    edit = clip_edit_from_json(job.settings);
  } catch (const std::invalid_argument& e) {
    throw PermanentError(e.what());
  }
  auto clip = db::ClipRepository(db_).get(job.clip_id, job.user_id);
  if (!clip) throw PermanentError("the clip of this job no longer exists");
  // The video's transcript as it is now, corrections included; those in the clip are timed
  // from the audio first and kept, unless the words changed meanwhile.
  db::TranscriptRepository transcripts(db_);
  const auto stored = transcripts.latest(video.id, job.user_id);
  if (!stored) throw PermanentError("this video has no transcript yet: run a job on it first");
  auto transcript = time_clip_corrections(input, *stored, edit, engines.word_timing, hooks);
  const int version = clip->version + 1;
  const auto out = render_single_clip(input, transcript, edit, scratch / "clip", fmt::format("v{}", version),
                                      options_.render_threads, hooks);
  // The timing of the corrections and the clip's speaker labels are kept with the video's words.
  keep_speaker_labels(transcript, out);
  if (transcript.words != stored->words)
    transcripts.correct_latest(video.id, job.user_id, [&](const speech::Transcript& now) {
      return speech::keep_timed_corrections(now, transcript);
    });

  clip->start_s = out.highlight.start;
  clip->end_s = out.highlight.end;
  clip->text = out.highlight.text;
  if (edit.title) clip->title = *edit.title;
  clip->aspect = edit.framing.aspect;
  clip->layout = edit.framing.layout;
  clip->captions = edit.framing.captions;
  clip->caption_style = edit.framing.caption_style;
  clip->width = out.width;
  clip->height = out.height;
  clip->size_bytes = out.size_bytes;
  const std::string prefix = clip_prefix(job.user_id, clip->id);
  clip->storage_key = fmt::format("{}v{}.mp4", prefix, version);
  clip->thumbnail_key = fmt::format("{}v{}.jpg", prefix, version);
  clip->subtitles_key = fmt::format("{}v{}.srt", prefix, version);
  clip->captions_key = out.captions.empty() ? "" : fmt::format("{}v{}.ass", prefix, version);
  const auto uploaded = db::clip_files(*clip);
  try {
    storage_.put_file(clip->storage_key, out.video, "video/mp4");
    storage_.put_file(clip->thumbnail_key, out.thumbnail, "image/jpeg");
    storage_.put_file(clip->subtitles_key, out.subtitles, "application/x-subrip; charset=utf-8");
    if (!out.captions.empty()) storage_.put_file(clip->captions_key, out.captions, "text/x-ssa; charset=utf-8");
  } catch (...) {
    for (const auto& key : uploaded) storage_.remove(key);
    throw;
  }
  const auto before = db::JobRepository(db_).succeed_render(job.id, options_.worker_id, *clip, db::now());
  if (!before) {
    // Canceled, the clip deleted, or the job taken over: nothing points at these files.
    for (const auto& key : uploaded) storage_.remove(key);
    throw Canceled();
  }
  // Removed only once nothing points at them; a retried render wrote the same keys again.
  for (const auto& key : db::clip_files(*before))
    if (std::find(uploaded.begin(), uploaded.end(), key) == uploaded.end()) storage_.remove(key);
  spdlog::info("worker {}: job {} rendered clip {} version {}", options_.worker_id, job.id, clip->id, version);
}

void WorkerPool::publish(const db::Job& job, const ClipSettings& settings, const PipelineResult& result) {
  // A retry starts from a clean slate, so an earlier attempt's extra clips cannot linger.
  const auto prefix = job_prefix(job.user_id, job.id);
  storage_.remove_prefix(prefix);
  std::vector<db::Clip> rows;
  for (const auto& clip : result.clips) {
    auto row = clip_row(job, settings, clip);
    storage_.put_file(row.storage_key, clip.video, "video/mp4");
    storage_.put_file(row.thumbnail_key, clip.thumbnail, "image/jpeg");
    storage_.put_file(row.subtitles_key, clip.subtitles, "application/x-subrip; charset=utf-8");
    rows.push_back(std::move(row));
  }
  const db::JobOutcome outcome{result.notes, result.usage.input_tokens, result.usage.output_tokens,
                               result.usage.cost_usd, result.transcript.engine};
  if (!db::JobRepository(db_).succeed(job.id, options_.worker_id, outcome, rows, db::now())) {
    // Canceled or deleted while rendering: nothing may point at these files.
    storage_.remove_prefix(prefix);
    throw Canceled();
  }
}

}  // namespace clipgen::jobs
