// The worker pool running real jobs (real pocketsphinx, real renderer) on real recordings,
// against SQLite and the throwaway PostgreSQL.
#include "jobs/worker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>

#include "analysis/heuristic_analyzer.h"
#include "db/clip_repository.h"
#include "db/ids.h"
#include "db/job_repository.h"
#include "db/transcript_repository.h"
#include "db/user_repository.h"
#include "db/video_repository.h"
#include "folder_storage.h"
#include "jobs/settings_json.h"
#include "speech/pocketsphinx_transcriber.h"
#include "speech/word_edits.h"
#include "support/test_database.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace clipgen {
namespace {

// The real pocketsphinx engine, counting its calls and telling the test when one starts.
class ObservedTranscriber final : public speech::Transcriber {
 public:
  ObservedTranscriber(std::atomic<int>& calls, std::function<void()> on_start)
      : engine_({CLIPGEN_PS_MODEL_DIR, 0}), calls_(calls), on_start_(std::move(on_start)) {}
  std::string name() const override { return engine_.name(); }

 protected:
  speech::Transcript recognise(const speech::SpeechAudio& audio, const std::string& language,
                               const std::function<void(double)>& progress) override {
    ++calls_;
    if (on_start_) on_start_();
    return engine_.transcribe(audio, language, progress);
  }

 private:
  speech::PocketsphinxTranscriber engine_;
  std::atomic<int>& calls_;
  std::function<void()> on_start_;
};

class Worker : public ::testing::TestWithParam<db::Dialect> {
 protected:
  Worker()
      : database(GetParam()),
        work(fs::path(CLIPGEN_TEST_WORK_DIR) / "worker" / db::new_id().substr(0, 8)),
        // On PostgreSQL the storage pretends to be remote, so the worker downloads the original.
        storage(work / "storage", GetParam() == db::Dialect::sqlite) {
    owner = db::UserRepository(database.db()).create("ada@example.com", "$argon2id$x");
  }
  ~Worker() override { fs::remove_all(work); }

  db::Video upload(const std::string& media) {
    db::Video v;
    v.id = db::new_id();
    v.user_id = owner.id;
    v.filename = fs::path(media).filename().string();
    v.content_type = "video/mp4";
    v.storage_key = "users/" + owner.id + "/videos/" + v.id + "/original.mp4";
    storage.put_file(v.storage_key, fs::path(CLIPGEN_MEDIA_DIR) / media, v.content_type);
    v.size_bytes = *storage.size(v.storage_key);
    return db::VideoRepository(database.db()).create(v);
  }

  db::Job submit(const db::Video& video, int clips, double min_s, double max_s) {
    jobs::ClipSettings settings;
    settings.num_clips = clips;
    settings.min_duration = min_s;
    settings.max_duration = max_s;
    return db::JobRepository(database.db()).create(video.id, owner.id, jobs::to_json(settings));
  }

  jobs::WorkerOptions options(unsigned threads = 1) {
    jobs::WorkerOptions o;
    o.threads = threads;
    o.scratch_dir = work / "scratch";
    o.poll_interval = 50ms;
    return o;
  }

  jobs::EngineFactory engines(std::function<void()> on_transcribe = {}) {
    return [this, on_transcribe] {
      return jobs::Engines{std::make_unique<ObservedTranscriber>(transcriptions, on_transcribe),
                           std::make_unique<analysis::HeuristicAnalyzer>()};
    };
  }

  db::Job job_now(const db::Job& job) { return *db::JobRepository(database.db()).get(job.id, owner.id); }

  // Starts a pool and stops it once its first job is being transcribed.
  void stop_while_transcribing(const jobs::WorkerOptions& o, jobs::StopMode mode) {
    std::promise<void> transcribing;
    auto started = transcribing.get_future();
    std::once_flag once;
    jobs::WorkerPool pool(database.db(), storage,
                          engines([&] { std::call_once(once, [&] { transcribing.set_value(); }); }), o);
    pool.start();
    started.wait();
    pool.stop(mode);
  }

  testing::TestDatabase database;
  fs::path work;
  testing::FolderStorage storage;
  db::User owner;
  std::atomic<int> transcriptions{0};
};

TEST_P(Worker, RunsARealJobPublishesItsClipsAndReusesTheTranscriptOnARerun) {
  // 8 s of a real talking head: room for one clip of 5-8 s, not the two asked for.
  const auto video = upload("video/sadtalker_WDA_AOC_talkinghead.mp4");
  const auto job = submit(video, 2, 5, 8);
  // A worker that died with the job: its lease ran out a minute ago.
  ASSERT_TRUE(db::JobRepository(database.db()).claim("dead-worker", db::now() - 2min, db::now() - 1min));
  jobs::WorkerPool pool(database.db(), storage, engines(), options());

  ASSERT_TRUE(pool.run_one());
  const auto done = job_now(job);
  ASSERT_EQ(done.status, db::JobStatus::succeeded) << done.error;
  EXPECT_DOUBLE_EQ(done.progress, 100);
  EXPECT_EQ(done.stage, "render");  // progress reached the row on its way
  EXPECT_EQ(done.attempts, 2);      // the dead worker's attempt counts
  EXPECT_EQ(done.lease_owner, "");
  EXPECT_TRUE(done.finished_at);
  EXPECT_EQ(transcriptions, 1);

  EXPECT_FALSE(done.notes.empty());  // says why there are fewer clips than asked for

  const auto clips = db::ClipRepository(database.db()).list_for_job(job.id, owner.id);
  ASSERT_EQ(clips.size(), 1u);
  for (const auto& clip : clips) {
    EXPECT_EQ(clip.video_id, video.id);
    EXPECT_GE(clip.end_s - clip.start_s, 4.5);
    EXPECT_LE(clip.end_s - clip.start_s, 8.5);
    EXPECT_GE(clip.virality_score, 1);
    EXPECT_LE(clip.virality_score, 10);
    EXPECT_FALSE(clip.title.empty());
    EXPECT_FALSE(clip.text.empty());
    EXPECT_EQ(clip.storage_key, jobs::clip_key(owner.id, job.id, clip.clip_number, "mp4"));
    EXPECT_EQ(storage.size(clip.storage_key), clip.size_bytes);
    EXPECT_GT(clip.size_bytes, 10'000u);
    EXPECT_GT(storage.size(clip.thumbnail_key).value_or(0), 1'000u);
    EXPECT_EQ(clip.subtitles_key, jobs::clip_key(owner.id, job.id, clip.clip_number, "srt"));
    EXPECT_GT(storage.size(clip.subtitles_key).value_or(0), 10u);
    EXPECT_EQ(clip.aspect, "9:16");
    EXPECT_GT(clip.width, 0);
    EXPECT_GT(clip.height, clip.width);  // 9:16
  }
  EXPECT_EQ(storage.list(jobs::job_prefix(owner.id, job.id)).size(), 3 * clips.size());  // .mp4, .jpg, .srt

  const auto transcript = db::TranscriptRepository(database.db()).find(video.id, owner.id, "pocketsphinx", "en");
  ASSERT_TRUE(transcript);
  EXPECT_GT(transcript->words.size(), 5u);

  // A word corrected meanwhile (to the word heard there: the user confirms it) is placed by
  // estimate, spread over the two words it replaces.
  const std::size_t k = transcript->words.size() / 2;
  const speech::Word heard = transcript->words[k];
  db::TranscriptRepository(database.db()).correct_latest(video.id, owner.id, [&](const speech::Transcript& t) {
    return speech::apply_word_edits(t, {{k, k + 2, heard.text}});
  });

  // New settings for the same video: no second transcription; the correction is timed from
  // the audio and kept.
  const auto rerun = submit(video, 1, 5, 7);
  ASSERT_TRUE(pool.run_one());
  EXPECT_EQ(job_now(rerun).status, db::JobStatus::succeeded) << job_now(rerun).error;
  EXPECT_EQ(db::ClipRepository(database.db()).list_for_job(rerun.id, owner.id).size(), 1u);
  EXPECT_EQ(transcriptions, 1);
  const auto after = db::TranscriptRepository(database.db()).find(video.id, owner.id, "pocketsphinx", "en");
  ASSERT_TRUE(after);
  ASSERT_EQ(after->words.size(), transcript->words.size() - 1);
  EXPECT_EQ(after->words[k].text, heard.text);
  EXPECT_FALSE(after->words[k].estimated);
  EXPECT_NEAR(after->words[k].start, heard.start, 0.1);  // where the recogniser heard it
  EXPECT_FALSE(pool.run_one());
}

TEST_P(Worker, BrokenMediaFailsAtOnceWithTheReason) {
  const auto video = upload("odd/androidx_sample_malformed_free_box.mp4");
  const auto job = submit(video, 2, 10, 30);
  jobs::WorkerPool pool(database.db(), storage, engines(), options());
  ASSERT_TRUE(pool.run_one());
  const auto failed = job_now(job);
  EXPECT_EQ(failed.status, db::JobStatus::failed);
  EXPECT_EQ(failed.attempts, 1);
  // Named as uploaded, not as stored.
  EXPECT_EQ(failed.error.rfind("androidx_sample_malformed_free_box.mp4: ", 0), 0u) << failed.error;
  EXPECT_TRUE(storage.list(jobs::job_prefix(owner.id, job.id)).empty());
  EXPECT_TRUE(fs::is_empty(work / "scratch"));
}

TEST_P(Worker, ACanceledJobStopsAndLeavesNoClips) {
  const auto video = upload("video/sadtalker_WDA_AOC_talkinghead.mp4");
  const auto job = submit(video, 1, 5, 8);
  db::JobRepository jobs(database.db());
  // The user cancels while the job is being transcribed.
  jobs::WorkerPool pool(database.db(), storage, engines([&] { jobs.cancel(job.id, owner.id, db::now()); }),
                        options());
  ASSERT_TRUE(pool.run_one());
  const auto canceled = job_now(job);
  EXPECT_EQ(canceled.status, db::JobStatus::canceled);
  EXPECT_TRUE(db::ClipRepository(database.db()).list_for_job(job.id, owner.id).empty());
  EXPECT_TRUE(storage.list(jobs::job_prefix(owner.id, job.id)).empty());
}

TEST_P(Worker, AGracefulStopHandsARunningJobBackToTheQueue) {
  const auto job = submit(upload("video/sadtalker_WDA_AOC_talkinghead.mp4"), 1, 5, 8);
  stop_while_transcribing(options(2), jobs::StopMode::hand_back);

  const auto handed_back = job_now(job);
  EXPECT_EQ(handed_back.status, db::JobStatus::queued);
  EXPECT_EQ(handed_back.attempts, 0);
  EXPECT_EQ(handed_back.lease_owner, "");
  EXPECT_TRUE(storage.list(jobs::job_prefix(owner.id, job.id)).empty());
}

TEST_P(Worker, AFinishingStopLetsTheRunningJobSucceed) {
  const auto job = submit(upload("video/sadtalker_WDA_AOC_talkinghead.mp4"), 1, 5, 8);
  auto o = options();
  o.queue.lease = 300ms;  // several heartbeats happen during the job
  stop_while_transcribing(o, jobs::StopMode::finish_running);
  const auto done = job_now(job);
  EXPECT_EQ(done.status, db::JobStatus::succeeded) << done.error;
  EXPECT_EQ(done.attempts, 1);
}

INSTANTIATE_TEST_SUITE_P(Dialects, Worker, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgresql),
                         [](const auto& param_info) { return std::string(testing::dialect_name(param_info.param)); });

}  // namespace
}  // namespace clipgen
