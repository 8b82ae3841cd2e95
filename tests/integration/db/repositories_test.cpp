// The repositories against real SQLite and real PostgreSQL: the same cases on both dialects.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "db/clip_repository.h"
#include "db/ids.h"
#include "db/given_transcript_repository.h"
#include "db/job_repository.h"
#include "db/migrations.h"
#include "db/session_repository.h"
#include "db/transcript_repository.h"
#include "db/user_repository.h"
#include "db/video_repository.h"
#include "support/test_database.h"

using namespace std::chrono_literals;

namespace clipgen {
namespace {

class Repositories : public ::testing::TestWithParam<db::Dialect> {
 protected:
  Repositories() : database(GetParam()), users(database.db()), videos(database.db()), jobs(database.db()) {}

  db::User make_user(const std::string& email) { return users.create(email, "$argon2id$not-a-real-hash"); }

  db::Video make_video(const db::User& owner, const std::string& name = "talk.mp4") {
    return videos.create(new_video(owner, name));
  }

  static db::Video new_video(const db::User& owner, const std::string& name = "talk.mp4") {
    db::Video v;
    v.id = db::new_id();
    v.user_id = owner.id;
    v.filename = name;
    v.content_type = "video/mp4";
    v.size_bytes = 5'000'000'000ULL;  // beyond 32 bits
    v.duration_s = 88.125;
    v.width = 320;
    v.height = 180;
    v.has_audio = true;
    v.storage_key = "users/" + owner.id + "/videos/" + v.id + "/original.mp4";
    return v;
  }

  db::Clip make_clip(const db::Job& job, int number) {
    db::Clip c;
    c.job_id = job.id;
    c.video_id = job.video_id;
    c.user_id = job.user_id;
    c.clip_number = number;
    c.start_s = 10.5 * number;
    c.end_s = 10.5 * number + 20;
    c.title = "Clip " + std::to_string(number);
    c.text = "words of clip " + std::to_string(number);
    c.virality_score = 7;
    c.reason = "a strong hook";
    c.hashtags = {"#talk", "#clip" + std::to_string(number)};
    c.storage_key = "users/" + job.user_id + "/jobs/" + job.id + "/clip-0" + std::to_string(number) + ".mp4";
    c.thumbnail_key = "users/" + job.user_id + "/jobs/" + job.id + "/clip-0" + std::to_string(number) + ".jpg";
    c.width = 1080;
    c.height = 1920;
    c.size_bytes = 1234567;
    return c;
  }

  testing::TestDatabase database;
  db::UserRepository users;
  db::VideoRepository videos;
  db::JobRepository jobs;
};

const db::Timestamp t0 = db::from_millis(1'800'000'000'000);

TEST_P(Repositories, MigrationsAreRecordedAndIdempotent) {
  EXPECT_EQ(db::schema_version(database.db()), db::latest_schema_version());
  EXPECT_EQ(db::migrate(database.db()), 0);
  EXPECT_EQ(db::migrate(database.db()), 0);
  EXPECT_EQ(db::schema_version(database.db()), db::latest_schema_version());
}

// A database the abuse branch made recorded its sessions migration as 2, before main's 2
// (forget transcripts) was merged in and it became 3: it is renumbered, and main's 2 still runs.
TEST_P(Repositories, ADatabaseThatRanARenumberedMigrationGetsTheOnesItMissed) {
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  db::TranscriptRepository(database.db())
      .put(video.id, ada.id, "pocketsphinx", speech::Transcript{{{"hello", 0, 0.5, 0.9}}, "pocketsphinx", "en", 1});
  {
    auto sql = database.db().session();
    // Later migrations stay recorded: they ran, and their changes are in this database.
    sql << "DELETE FROM schema_migrations WHERE version IN (2, 3)";
    sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (2, 'sessions and the fair queue', 0)";
  }
  EXPECT_EQ(db::migrate(database.db()), 1);
  EXPECT_FALSE(db::TranscriptRepository(database.db()).latest(video.id, ada.id));
  auto sql = database.db().session();
  std::vector<std::string> names(8);
  sql << "SELECT name FROM schema_migrations ORDER BY version", soci::into(names);
  EXPECT_EQ(names, (std::vector<std::string>{"initial schema", "forget transcripts timed before pauses were counted",
                                             "sessions and the fair queue", "the engine that made a job's words",
                                             "transcripts users give", "the clip editor"}));
  EXPECT_EQ(db::migrate(database.db()), 0);
}

TEST_P(Repositories, ProcessesStartingAtOnceApplyEachMigrationOnce) {
  testing::TestDatabase fresh(GetParam(), 1, testing::TestDatabase::Schema::empty);
  EXPECT_EQ(db::schema_version(fresh.db()), 0);
  // Each starter has its own connection, as separate `clipgen serve` processes would.
  constexpr int kStarters = 4;
  std::vector<int> applied(kStarters, -1);
  std::vector<std::string> errors(kStarters);
  std::vector<std::thread> starters;
  for (int i = 0; i < kStarters; ++i) {
    starters.emplace_back([&, i] {
      try {
        db::Database own(fresh.url(), {.pool_size = 1});
        applied[i] = db::migrate(own);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  }
  for (auto& t : starters) t.join();
  int total = 0;
  for (int i = 0; i < kStarters; ++i) {
    EXPECT_EQ(errors[i], "");
    total += applied[i];
  }
  EXPECT_EQ(total, db::latest_schema_version());
  EXPECT_EQ(db::schema_version(fresh.db()), db::latest_schema_version());
}

TEST_P(Repositories, UsersAreFoundByEmailAndIdAndEmailsAreUnique) {
  const auto ada = make_user("ada@example.com");
  EXPECT_TRUE(db::is_id(ada.id));
  const auto by_email = users.find_by_email("ada@example.com");
  ASSERT_TRUE(by_email);
  EXPECT_EQ(by_email->id, ada.id);
  EXPECT_EQ(by_email->password_hash, "$argon2id$not-a-real-hash");
  EXPECT_EQ(by_email->created_at, ada.created_at);
  ASSERT_TRUE(users.find_by_id(ada.id));
  EXPECT_EQ(users.find_by_id(ada.id)->email, "ada@example.com");
  EXPECT_FALSE(users.find_by_email("bob@example.com"));
  EXPECT_FALSE(users.find_by_id(db::new_id()));
  EXPECT_THROW(make_user("ada@example.com"), db::DuplicateEmail);
}

TEST_P(Repositories, VideosRoundTripAndStayWithTheirOwner) {
  const auto ada = make_user("ada@example.com");
  const auto bob = make_user("bob@example.com");
  const auto first = make_video(ada, "first.mp4");
  const auto second = make_video(ada, "second.mp4");

  const auto got = videos.get(first.id, ada.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->filename, "first.mp4");
  EXPECT_EQ(got->size_bytes, 5'000'000'000ULL);
  EXPECT_DOUBLE_EQ(got->duration_s, 88.125);
  EXPECT_EQ(got->width, 320);
  EXPECT_EQ(got->height, 180);
  EXPECT_TRUE(got->has_audio);
  EXPECT_EQ(got->storage_key, first.storage_key);
  EXPECT_EQ(got->status, "ready");

  const auto listed = videos.list(ada.id);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_TRUE(listed[0].created_at >= listed[1].created_at);
  EXPECT_TRUE(std::any_of(listed.begin(), listed.end(), [&](const auto& v) { return v.id == second.id; }));

  EXPECT_FALSE(videos.get(first.id, bob.id));
  EXPECT_TRUE(videos.list(bob.id).empty());
  EXPECT_FALSE(videos.remove(first.id, bob.id));
  EXPECT_TRUE(videos.get(first.id, ada.id));
}

TEST_P(Repositories, RemovingAVideoRemovesItsJobsClipsAndTranscriptsAndNamesTheirFiles) {
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  const auto other = make_video(ada, "other.mp4");
  const auto job = jobs.create(video.id, ada.id, {{"num_clips", 2}});
  const auto other_job = jobs.create(other.id, ada.id, {{"num_clips", 2}});
  db::ClipRepository clips(database.db());
  const auto stored = clips.replace_for_job(job.id, ada.id, {make_clip(job, 1), make_clip(job, 2)});
  clips.replace_for_job(other_job.id, ada.id, {make_clip(other_job, 1)});
  db::TranscriptRepository transcripts(database.db());
  transcripts.put(video.id, ada.id, "pocketsphinx",
                  speech::Transcript{{{"hello", 0, 0.5, 0.9}}, "pocketsphinx", "en", 1});

  db::GivenTranscriptRepository given(database.db());
  ASSERT_TRUE(given.put(video.id, ada.id, "text", {{"Hello"}}));

  auto keys = videos.remove(video.id, ada.id);
  ASSERT_TRUE(keys);
  std::sort(keys->begin(), keys->end());
  std::vector<std::string> expected = {video.storage_key, stored[0].storage_key, stored[0].thumbnail_key,
                                       stored[1].storage_key, stored[1].thumbnail_key};
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(*keys, expected);

  EXPECT_FALSE(videos.get(video.id, ada.id));
  EXPECT_FALSE(jobs.get(job.id, ada.id));
  EXPECT_TRUE(clips.list_for_job(job.id, ada.id).empty());
  EXPECT_FALSE(transcripts.latest(video.id, ada.id));
  EXPECT_FALSE(given.find(video.id, ada.id));
  // The other video keeps everything.
  EXPECT_TRUE(jobs.get(other_job.id, ada.id));
  EXPECT_EQ(clips.list_for_job(other_job.id, ada.id).size(), 1u);
  EXPECT_FALSE(videos.remove(video.id, ada.id));
}

TEST_P(Repositories, TranscriptsAreCachedPerEngineAndLanguage) {
  const auto ada = make_user("ada@example.com");
  const auto bob = make_user("bob@example.com");
  const auto video = make_video(ada);
  db::TranscriptRepository transcripts(database.db());
  EXPECT_FALSE(transcripts.find(video.id, ada.id, "pocketsphinx", "en"));

  speech::Transcript first{{{"ask", 0.5, 0.9, 0.8}, {"not", 1.0, 1.2, 0.7}}, "pocketsphinx", "en", 11.0};
  transcripts.put(video.id, ada.id, "pocketsphinx", first);
  const auto found = transcripts.find(video.id, ada.id, "pocketsphinx", "en");
  ASSERT_TRUE(found);
  ASSERT_EQ(found->words.size(), 2u);
  EXPECT_EQ(found->words[1].text, "not");
  EXPECT_DOUBLE_EQ(found->words[1].start, 1.0);
  EXPECT_DOUBLE_EQ(found->duration, 11.0);
  EXPECT_FALSE(transcripts.find(video.id, ada.id, "pocketsphinx", "de"));
  EXPECT_FALSE(transcripts.find(video.id, ada.id, "whisper-api:whisper-1", "en"));
  EXPECT_FALSE(transcripts.find(video.id, bob.id, "pocketsphinx", "en"));
  EXPECT_FALSE(transcripts.latest(video.id, bob.id));

  // Putting again replaces rather than duplicates.
  speech::Transcript second = first;
  second.words.push_back({"what", 1.3, 1.6, 0.9});
  transcripts.put(video.id, ada.id, "pocketsphinx", second);
  EXPECT_EQ(transcripts.find(video.id, ada.id, "pocketsphinx", "en")->words.size(), 3u);
  EXPECT_EQ(transcripts.latest(video.id, ada.id)->words.size(), 3u);
}

TEST_P(Repositories, GivenTranscriptsAreOnePerVideoOfTheirOwnerAndReplacedUnderANewRevision) {
  const auto ada = make_user("ada@example.com");
  const auto bob = make_user("bob@example.com");
  const auto video = make_video(ada);
  db::GivenTranscriptRepository given(database.db());
  EXPECT_FALSE(given.find(video.id, ada.id));
  // Another user's video takes nothing.
  EXPECT_FALSE(given.put(video.id, bob.id, "text", {{"Hello"}}));
  EXPECT_FALSE(given.find(video.id, bob.id));
  EXPECT_FALSE(given.find(video.id, ada.id));

  const auto info = given.put(video.id, ada.id, "srt", {{"Ask", 0.5, 2.0}, {"not,", 0.5, 2.0}, {"what"}});
  ASSERT_TRUE(info);
  EXPECT_EQ(info->kind, "srt");
  EXPECT_EQ(info->word_count, 3);
  const auto first = given.find(video.id, ada.id);
  ASSERT_TRUE(first);
  ASSERT_EQ(first->words.size(), 3u);
  EXPECT_EQ(first->words[1].text, "not,");
  EXPECT_DOUBLE_EQ(first->words[1].cue_start, 0.5);
  EXPECT_DOUBLE_EQ(first->words[1].cue_end, 2.0);
  EXPECT_LT(first->words[2].cue_start, 0);  // no cue: none stored
  EXPECT_EQ(given.info(video.id, ada.id)->word_count, 3);
  EXPECT_FALSE(given.info(video.id, bob.id));

  given.put(video.id, ada.id, "text", {{"Ask"}});
  const auto second = given.find(video.id, ada.id);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->info.kind, "text");
  EXPECT_EQ(second->words.size(), 1u);
  EXPECT_NE(second->revision, first->revision);
  EXPECT_EQ(given.infos(ada.id).count(video.id), 1u);
  EXPECT_TRUE(given.infos(bob.id).empty());

  EXPECT_FALSE(given.remove(video.id, bob.id));
  EXPECT_TRUE(given.remove(video.id, ada.id));
  EXPECT_FALSE(given.find(video.id, ada.id));
  EXPECT_FALSE(given.remove(video.id, ada.id));
}

TEST_P(Repositories, JobsAreCreatedQueuedListedAndCanceledByTheirOwnerOnly) {
  const auto ada = make_user("ada@example.com");
  const auto bob = make_user("bob@example.com");
  const auto video = make_video(ada);
  const auto other = make_video(ada, "other.mp4");
  const auto job = jobs.create(video.id, ada.id, {{"num_clips", 3}, {"aspect", "9:16"}});
  jobs.create(other.id, ada.id, {{"num_clips", 1}});

  const auto got = jobs.get(job.id, ada.id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->status, db::JobStatus::queued);
  EXPECT_EQ(got->settings["num_clips"], 3);
  EXPECT_EQ(got->settings["aspect"], "9:16");
  EXPECT_EQ(got->attempts, 0);
  EXPECT_FALSE(got->started_at);
  EXPECT_FALSE(got->lease_expires_at);
  EXPECT_EQ(jobs.list(ada.id).size(), 2u);
  ASSERT_EQ(jobs.list(ada.id, video.id).size(), 1u);
  EXPECT_EQ(jobs.list(ada.id, video.id)[0].id, job.id);

  EXPECT_FALSE(jobs.get(job.id, bob.id));
  EXPECT_TRUE(jobs.list(bob.id).empty());
  EXPECT_FALSE(jobs.cancel(job.id, bob.id, t0));
  EXPECT_EQ(jobs.get(job.id, ada.id)->status, db::JobStatus::queued);

  const auto canceled = jobs.cancel(job.id, ada.id, t0);
  ASSERT_TRUE(canceled);
  EXPECT_EQ(canceled->status, db::JobStatus::canceled);
  EXPECT_EQ(canceled->finished_at, t0);
  // Canceling again changes nothing.
  EXPECT_EQ(jobs.cancel(job.id, ada.id, t0 + 5s)->finished_at, t0);
}

TEST_P(Repositories, AClaimLeasesTheOldestQueuedJobOnce) {
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  const auto second = jobs.create(video.id, ada.id, {});
  const auto first = jobs.create(video.id, ada.id, {});
  {
    // Created in the same millisecond or not, `first` is made the older one.
    auto sql = database.db().session();
    sql << "UPDATE jobs SET created_at = created_at - 1000 WHERE id = :id", soci::use(first.id);
  }

  const auto claimed = jobs.claim("worker-a", t0, t0 + 60s);
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, first.id);
  EXPECT_EQ(claimed->status, db::JobStatus::running);
  EXPECT_EQ(claimed->attempts, 1);
  EXPECT_EQ(claimed->lease_owner, "worker-a");
  EXPECT_EQ(claimed->lease_expires_at, t0 + 60s);
  EXPECT_EQ(claimed->started_at, t0);

  const auto next = jobs.claim("worker-b", t0, t0 + 60s);
  ASSERT_TRUE(next);
  EXPECT_EQ(next->id, second.id);
  EXPECT_FALSE(jobs.claim("worker-c", t0, t0 + 60s));

  EXPECT_TRUE(jobs.renew_lease(first.id, "worker-a", t0 + 90s));
  EXPECT_EQ(jobs.get(first.id, ada.id)->lease_expires_at, t0 + 90s);
  EXPECT_FALSE(jobs.renew_lease(first.id, "worker-b", t0 + 90s));
  EXPECT_TRUE(jobs.update_progress(first.id, "worker-a", "transcribe", 42.5));
  EXPECT_FALSE(jobs.update_progress(first.id, "worker-b", "render", 99));
  const auto progressed = jobs.get(first.id, ada.id);
  EXPECT_EQ(progressed->stage, "transcribe");
  EXPECT_DOUBLE_EQ(progressed->progress, 42.5);
}

TEST_P(Repositories, SucceedingWritesOutcomeAndClipsAndARetryReplacesClips) {
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  const auto job = jobs.create(video.id, ada.id, {});
  ASSERT_TRUE(jobs.claim("worker-a", t0, t0 + 60s));
  db::ClipRepository clips(database.db());

  const db::JobOutcome outcome{{"only 2 clips fit"}, 1200, 300, 0.0042, "gemini:gemini-2.5-flash-lite"};
  EXPECT_FALSE(jobs.succeed(job.id, "worker-b", outcome, {make_clip(job, 1)}, t0 + 10s));
  EXPECT_TRUE(clips.list_for_job(job.id, ada.id).empty());
  ASSERT_TRUE(jobs.succeed(job.id, "worker-a", outcome, {make_clip(job, 2), make_clip(job, 1)}, t0 + 10s));

  const auto done = jobs.get(job.id, ada.id);
  EXPECT_EQ(done->status, db::JobStatus::succeeded);
  EXPECT_DOUBLE_EQ(done->progress, 100);
  EXPECT_EQ(done->notes, std::vector<std::string>{"only 2 clips fit"});
  EXPECT_EQ(done->llm_input_tokens, 1200);
  EXPECT_EQ(done->llm_output_tokens, 300);
  EXPECT_DOUBLE_EQ(done->llm_cost_usd, 0.0042);
  EXPECT_EQ(done->transcript_engine, "gemini:gemini-2.5-flash-lite");
  EXPECT_EQ(done->finished_at, t0 + 10s);
  EXPECT_EQ(done->lease_owner, "");

  const auto listed = clips.list_for_job(job.id, ada.id);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].clip_number, 1);
  EXPECT_EQ(listed[1].clip_number, 2);
  EXPECT_EQ(listed[1].hashtags, (std::vector<std::string>{"#talk", "#clip2"}));
  EXPECT_DOUBLE_EQ(listed[1].start_s, 21.0);
  EXPECT_EQ(listed[1].size_bytes, 1234567u);

  // A retried job writes its clips again: they replace the old ones.
  const auto replaced = clips.replace_for_job(job.id, ada.id, {make_clip(job, 1)});
  const auto after = clips.list_for_job(job.id, ada.id);
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].id, replaced[0].id);
  ASSERT_TRUE(clips.get(after[0].id, ada.id));
  EXPECT_EQ(clips.get(after[0].id, ada.id)->title, "Clip 1");

  const auto bob = make_user("bob@example.com");
  EXPECT_FALSE(clips.get(after[0].id, bob.id));
  EXPECT_TRUE(clips.list_for_job(job.id, bob.id).empty());
  auto foreign = make_clip(job, 3);
  foreign.user_id = bob.id;
  EXPECT_THROW(clips.replace_for_job(job.id, ada.id, {foreign}), std::invalid_argument);
  EXPECT_EQ(clips.list_for_job(job.id, ada.id).size(), 1u);
}

TEST_P(Repositories, ARenderJobIsTheClipsOnlyOneAndItsSuccessChangesTheClipWhole) {
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  const auto job = jobs.create(video.id, ada.id, {{"aspect", "1:1"}});
  ASSERT_TRUE(jobs.claim("worker-a", t0, t0 + 60s));
  ASSERT_TRUE(jobs.succeed(job.id, "worker-a", {}, {make_clip(job, 1)}, t0 + 1s));
  db::ClipRepository clips(database.db());
  const auto clip = clips.list_for_job(job.id, ada.id).at(0);
  EXPECT_EQ(clip.version, 1);
  EXPECT_EQ(clip.origin, "job");
  EXPECT_EQ(clip.pending_job_id, "");
  EXPECT_EQ(jobs.get(job.id, ada.id)->kind, "process");

  const nlohmann::json edit = {{"start", 12.0}, {"end", 30.0}, {"captions", true}};
  const auto render = jobs.queue_render(clip.id, video.id, ada.id, edit);
  ASSERT_TRUE(render);
  EXPECT_EQ(render->kind, "render");
  EXPECT_EQ(jobs.get(render->id, ada.id)->clip_id, clip.id);
  EXPECT_EQ(jobs.get(render->id, ada.id)->settings, edit);
  EXPECT_EQ(clips.get(clip.id, ada.id)->pending_job_id, render->id);
  EXPECT_FALSE(jobs.queue_render(clip.id, video.id, ada.id, edit));  // one at a time

  ASSERT_EQ(jobs.claim("worker-b", t0 + 2s, t0 + 60s)->id, render->id);
  auto rendered = clip;
  rendered.start_s = 12.0;
  rendered.end_s = 30.0;
  rendered.text = "new words";
  rendered.storage_key = "users/" + ada.id + "/clips/" + clip.id + "/v2.mp4";
  rendered.thumbnail_key = "users/" + ada.id + "/clips/" + clip.id + "/v2.jpg";
  rendered.subtitles_key = "users/" + ada.id + "/clips/" + clip.id + "/v2.srt";
  rendered.captions_key = "users/" + ada.id + "/clips/" + clip.id + "/v2.ass";
  rendered.aspect = "1:1";
  rendered.captions = true;
  EXPECT_FALSE(jobs.succeed_render(render->id, "worker-a", rendered, t0 + 3s));  // not its lease
  EXPECT_EQ(clips.get(clip.id, ada.id)->storage_key, clip.storage_key);
  const auto before = jobs.succeed_render(render->id, "worker-b", rendered, t0 + 3s);
  ASSERT_TRUE(before);
  EXPECT_EQ(before->storage_key, clip.storage_key);  // the files now the caller's to remove
  const auto after = clips.get(clip.id, ada.id);
  EXPECT_EQ(after->version, 2);
  EXPECT_DOUBLE_EQ(after->start_s, 12.0);
  EXPECT_EQ(after->text, "new words");
  EXPECT_EQ(after->captions_key, rendered.captions_key);
  EXPECT_EQ(after->aspect, "1:1");
  EXPECT_TRUE(after->captions);
  EXPECT_EQ(after->title, clip.title);
  EXPECT_EQ(after->pending_job_id, "");
  EXPECT_EQ(jobs.get(render->id, ada.id)->status, db::JobStatus::succeeded);

  // A clip made by hand comes with its render job; deleting it cancels that job.
  db::Clip by_hand = make_clip(job, 1);
  by_hand.origin = db::kManualClip;
  by_hand.version = 0;
  by_hand.storage_key = by_hand.thumbnail_key = "";
  const std::string hand_id = db::new_id();
  const auto first_render = jobs.queue_render(hand_id, video.id, ada.id, edit, {}, by_hand);
  ASSERT_TRUE(first_render);
  const auto made = clips.get(hand_id, ada.id);
  ASSERT_TRUE(made);
  EXPECT_EQ(made->job_id, first_render->id);
  EXPECT_EQ(made->origin, "manual");
  EXPECT_EQ(made->version, 0);
  EXPECT_TRUE(db::clip_files(*made).empty());
  const auto bob = make_user("bob@example.com");
  EXPECT_FALSE(clips.remove(hand_id, bob.id));
  EXPECT_TRUE(clips.remove(hand_id, ada.id));
  EXPECT_FALSE(clips.get(hand_id, ada.id));
  EXPECT_EQ(jobs.get(first_render->id, ada.id)->status, db::JobStatus::canceled);
  ASSERT_TRUE(jobs.claim("worker-c", t0 + 4s, t0 + 60s) == std::nullopt);

  // Removing the video names the rendered clip's files, none empty.
  auto keys = videos.remove(video.id, ada.id);
  ASSERT_TRUE(keys);
  std::sort(keys->begin(), keys->end());
  std::vector<std::string> expected = db::clip_files(rendered);
  expected.push_back(video.storage_key);
  std::sort(expected.begin(), expected.end());
  EXPECT_EQ(*keys, expected);
}

TEST_P(Repositories, ACorrectionEditsTheLatestTranscriptOnly) {
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  db::TranscriptRepository transcripts(database.db());
  const auto edit = [](const speech::Transcript& t) {
    auto changed = t;
    changed.words[0].text = "fixed";
    return changed;
  };
  EXPECT_FALSE(transcripts.correct_latest(video.id, ada.id, edit));
  const speech::Transcript older{{{"ask", 0.5, 0.9, 0.8}}, "pocketsphinx", "en", 11.0};
  const speech::Transcript newer{{{"task", 0.5, 0.9, 0.8}, {"not", 1.0, 1.2, 0.7}}, "whisper-api:whisper-1", "en", 11.0};
  transcripts.put(video.id, ada.id, "pocketsphinx", older);
  std::this_thread::sleep_for(5ms);  // created_at is in milliseconds
  transcripts.put(video.id, ada.id, "whisper-api:whisper-1", newer);

  const auto corrected = transcripts.correct_latest(video.id, ada.id, edit);
  ASSERT_TRUE(corrected);
  EXPECT_EQ(corrected->words[0].text, "fixed");
  EXPECT_EQ(transcripts.latest(video.id, ada.id)->words[0].text, "fixed");
  EXPECT_EQ(transcripts.latest(video.id, ada.id)->words.size(), 2u);
  EXPECT_EQ(transcripts.find(video.id, ada.id, "pocketsphinx", "en")->words[0].text, "ask");
  // A refused edit stores nothing; another user has no transcript of the video.
  EXPECT_THROW(transcripts.correct_latest(video.id, ada.id,
                                          [](const speech::Transcript&) -> speech::Transcript {
                                            throw std::invalid_argument("no");
                                          }),
               std::invalid_argument);
  EXPECT_EQ(transcripts.latest(video.id, ada.id)->words[0].text, "fixed");
  const auto bob = make_user("bob@example.com");
  EXPECT_FALSE(transcripts.correct_latest(video.id, bob.id, edit));
}

TEST_P(Repositories, AMergedPutSeesTheTranscriptStoredNowAndStoresWhatTheMergeGives) {
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  db::TranscriptRepository transcripts(database.db());
  const speech::Transcript read{{{"ask", 0.5, 0.9, 0.8}}, "pocketsphinx", "en", 11.0};
  std::optional<speech::Transcript> seen;
  const auto remember = [&](const std::optional<speech::Transcript>& stored) {
    seen = stored;
    return read;
  };
  transcripts.put_merged(video.id, ada.id, "pocketsphinx", "en", remember);  // nothing stored yet
  EXPECT_FALSE(seen);
  // Corrected while a job that read it ran: the job's merge sees the correction and keeps it.
  transcripts.correct_latest(video.id, ada.id, [](speech::Transcript t) {
    t.words[0].text = "task";
    return t;
  });
  transcripts.put_merged(video.id, ada.id, "pocketsphinx", "en", [&](const std::optional<speech::Transcript>& stored) {
    seen = stored;
    return *stored;
  });
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->words[0].text, "task");
  EXPECT_EQ(transcripts.latest(video.id, ada.id)->words[0].text, "task");
}

TEST_P(Repositories, ClipsMadeBeforeTheEditorTakeTheFramingOfTheirJob) {
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  const auto job = jobs.create(video.id, ada.id,
                               {{"aspect", "16:9"}, {"layout", "fit"}, {"captions", true}, {"caption_style", "pop"}});
  db::ClipRepository(database.db()).replace_for_job(job.id, ada.id, {make_clip(job, 1)});
  {
    // Back to the schema before migration 6, the clip kept.
    auto sql = database.db().session();
    sql << "DROP INDEX jobs_by_clip";
    for (const char* column : {"kind", "clip_id"}) sql << "ALTER TABLE jobs DROP COLUMN " << column;
    for (const char* column : {"version", "origin", "aspect", "layout", "captions", "caption_style", "subtitles_key",
                               "captions_key"})
      sql << "ALTER TABLE clips DROP COLUMN " << column;
    sql << "DELETE FROM schema_migrations WHERE version = 6";
  }
  EXPECT_EQ(db::migrate(database.db()), 1);
  const auto clip = db::ClipRepository(database.db()).list_for_job(job.id, ada.id).at(0);
  EXPECT_EQ(clip.aspect, "16:9");
  EXPECT_EQ(clip.layout, "fit");
  EXPECT_TRUE(clip.captions);
  EXPECT_EQ(clip.caption_style, "pop");
  EXPECT_EQ(clip.version, 1);
  EXPECT_EQ(clip.origin, "job");
  EXPECT_EQ(jobs.get(job.id, ada.id)->kind, "process");
}

TEST_P(Repositories, AFailedAttemptIsRetriedUntilAttemptsRunOutThenFailsWithTheLastError) {
  const auto ada = make_user("ada@example.com");
  const auto job = jobs.create(make_video(ada).id, ada.id, {});
  for (int attempt = 1; attempt <= 2; ++attempt) {
    const auto claimed = jobs.claim("worker-a", t0, t0 + 60s);
    ASSERT_TRUE(claimed);
    EXPECT_EQ(claimed->attempts, attempt);
    EXPECT_EQ(jobs.fail(job.id, "worker-a", "storage timed out " + std::to_string(attempt), true, 3, t0),
              db::JobStatus::queued);
    const auto queued = jobs.get(job.id, ada.id);
    EXPECT_EQ(queued->status, db::JobStatus::queued);
    EXPECT_EQ(queued->error, "storage timed out " + std::to_string(attempt));
    EXPECT_EQ(queued->lease_owner, "");
  }
  ASSERT_TRUE(jobs.claim("worker-a", t0, t0 + 60s));
  EXPECT_EQ(jobs.fail(job.id, "worker-a", "storage timed out 3", true, 3, t0 + 1s), db::JobStatus::failed);
  const auto failed = jobs.get(job.id, ada.id);
  EXPECT_EQ(failed->status, db::JobStatus::failed);
  EXPECT_EQ(failed->error, "storage timed out 3");
  EXPECT_EQ(failed->attempts, 3);
  EXPECT_EQ(failed->finished_at, t0 + 1s);
  EXPECT_FALSE(jobs.claim("worker-a", t0, t0 + 60s));
  EXPECT_FALSE(jobs.fail(job.id, "worker-a", "again", true, 3, t0));

  // A permanent error fails at once.
  const auto bad = jobs.create(make_video(ada, "bad.mp4").id, ada.id, {});
  ASSERT_TRUE(jobs.claim("worker-a", t0, t0 + 60s));
  EXPECT_EQ(jobs.fail(bad.id, "worker-a", "bad.mp4: no audio", false, 3, t0), db::JobStatus::failed);
}

TEST_P(Repositories, ExpiredLeasesGoBackToTheQueueThenFail) {
  const auto ada = make_user("ada@example.com");
  const auto job = jobs.create(make_video(ada).id, ada.id, {});
  db::Timestamp now = t0;
  for (int attempt = 1; attempt <= 3; ++attempt) {
    ASSERT_TRUE(jobs.claim("doomed-worker", now, now + 30s));
    EXPECT_EQ(jobs.recover_expired(now + 29s, 3), 0);  // still leased
    now += 31s;
    EXPECT_EQ(jobs.recover_expired(now, 3), 1);
    const auto after = jobs.get(job.id, ada.id);
    if (attempt < 3) {
      EXPECT_EQ(after->status, db::JobStatus::queued);
      EXPECT_FALSE(after->lease_expires_at);
      // The dead worker's late writes are refused.
      EXPECT_FALSE(jobs.update_progress(job.id, "doomed-worker", "render", 50));
    } else {
      EXPECT_EQ(after->status, db::JobStatus::failed);
      EXPECT_NE(after->error.find("gave up after 3 attempts"), std::string::npos) << after->error;
      EXPECT_EQ(after->finished_at, now);
    }
  }
}

TEST_P(Repositories, ACanceledOrReleasedJobRefusesTheWorkersWrites) {
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  const auto job = jobs.create(video.id, ada.id, {});
  ASSERT_TRUE(jobs.claim("worker-a", t0, t0 + 60s));
  ASSERT_EQ(jobs.cancel(job.id, ada.id, t0 + 1s)->status, db::JobStatus::canceled);
  EXPECT_FALSE(jobs.renew_lease(job.id, "worker-a", t0 + 90s));
  EXPECT_FALSE(jobs.update_progress(job.id, "worker-a", "render", 80));
  EXPECT_FALSE(jobs.succeed(job.id, "worker-a", {}, {}, t0 + 2s));
  EXPECT_FALSE(jobs.fail(job.id, "worker-a", "boom", false, 3, t0 + 2s));
  EXPECT_EQ(jobs.get(job.id, ada.id)->status, db::JobStatus::canceled);

  // Released on shutdown: queued again without spending an attempt.
  const auto next = jobs.create(video.id, ada.id, {});
  ASSERT_TRUE(jobs.claim("worker-a", t0, t0 + 60s));
  EXPECT_TRUE(jobs.release(next.id, "worker-a"));
  const auto released = jobs.get(next.id, ada.id);
  EXPECT_EQ(released->status, db::JobStatus::queued);
  EXPECT_EQ(released->attempts, 0);
  EXPECT_FALSE(jobs.release(next.id, "worker-a"));
}

TEST_P(Repositories, ConcurrentClaimersNeverGetTheSameJob) {
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  constexpr int kJobs = 40;
  constexpr int kClaimers = 4;
  for (int i = 0; i < kJobs; ++i) jobs.create(video.id, ada.id, {});

  // Every claimer has its own connection (the pool holds one per thread).
  std::vector<std::vector<std::string>> claimed(kClaimers);
  std::vector<std::thread> threads;
  std::vector<std::string> errors(kClaimers);
  for (int c = 0; c < kClaimers; ++c) {
    threads.emplace_back([&, c] {
      try {
        db::JobRepository repo(database.db());
        while (auto job = repo.claim("worker-" + std::to_string(c), t0, t0 + 60s)) claimed[c].push_back(job->id);
      } catch (const std::exception& e) {
        errors[c] = e.what();
      }
    });
  }
  for (auto& t : threads) t.join();
  std::vector<std::string> all;
  for (int c = 0; c < kClaimers; ++c) {
    EXPECT_EQ(errors[c], "");
    all.insert(all.end(), claimed[c].begin(), claimed[c].end());
  }
  std::sort(all.begin(), all.end());
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kJobs));
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end()) << "a job was claimed twice";
  for (const auto& job : jobs.list(ada.id)) {
    EXPECT_EQ(job.status, db::JobStatus::running);
    EXPECT_EQ(job.attempts, 1);
  }
}

TEST_P(Repositories, ClaimsTakeTurnsBetweenUsers) {
  // One user queues many jobs first; another queues one later. Oldest-first would serve all of
  // the first user's before the second's; turns serve the second user's job second.
  const auto ada = make_user("ada@example.com");
  const auto bob = make_user("bob@example.com");
  const auto carol = make_user("carol@example.com");
  const auto ada_video = make_video(ada);
  std::vector<std::string> ada_jobs;
  for (int i = 0; i < 4; ++i) ada_jobs.push_back(jobs.create(ada_video.id, ada.id, {}).id);
  const auto bob_job = jobs.create(make_video(bob).id, bob.id, {}).id;
  const auto carol_job = jobs.create(make_video(carol).id, carol.id, {}).id;
  {
    auto sql = database.db().session();  // make the order of creation unambiguous
    long long at = 1000;
    for (const auto& id : {ada_jobs[0], ada_jobs[1], ada_jobs[2], ada_jobs[3], bob_job, carol_job}) {
      sql << "UPDATE jobs SET created_at = :at WHERE id = :id", soci::use(at), soci::use(id);
      at += 1000;
    }
  }
  // One worker finishing each job before claiming the next: a, b, c (never served yet, oldest
  // first among them), then ada's remaining jobs in order.
  std::vector<std::string> order;
  auto now = t0;
  while (auto job = jobs.claim("worker", now, now + 60s)) {
    order.push_back(job->id);
    ASSERT_TRUE(jobs.succeed(job->id, "worker", {}, {}, now));
    now += 1s;
  }
  EXPECT_EQ(order, (std::vector<std::string>{ada_jobs[0], bob_job, carol_job, ada_jobs[1], ada_jobs[2], ada_jobs[3]}));
}

TEST_P(Repositories, AUserWithAJobRunningWaitsBehindOthers) {
  const auto ada = make_user("ada@example.com");
  const auto bob = make_user("bob@example.com");
  const auto ada_video = make_video(ada);
  const auto ada_first = jobs.create(ada_video.id, ada.id, {});
  const auto ada_second = jobs.create(ada_video.id, ada.id, {});
  {
    // Both may be made in the same millisecond; then the id would decide which is older.
    auto sql = database.db().session();
    sql << "UPDATE jobs SET created_at = created_at - 1000 WHERE id = :id", soci::use(ada_first.id);
  }
  ASSERT_EQ(jobs.claim("w1", t0, t0 + 60s)->id, ada_first.id);
  const auto bob_job = jobs.create(make_video(bob).id, bob.id, {});
  // Two workers: the second goes to bob, although ada's second job is older.
  EXPECT_EQ(jobs.claim("w2", t0 + 1s, t0 + 60s)->id, bob_job.id);
  EXPECT_EQ(jobs.claim("w3", t0 + 2s, t0 + 60s)->id, ada_second.id);
}

TEST_P(Repositories, QuotaChecksHoldUnderConcurrency) {
  // Eight requests at once for a user allowed three active jobs: exactly three get in.
  const auto ada = make_user("ada@example.com");
  const auto video = make_video(ada);
  std::atomic<int> created{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      try {
        db::JobRepository(database.db()).create(video.id, ada.id, {}, [](const db::UserUsage& usage) {
          if (usage.active_jobs >= 3) throw std::length_error("quota");
        });
        ++created;
      } catch (const std::length_error&) {
        ++refused;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created, 3);
  EXPECT_EQ(refused, 5);
  EXPECT_EQ(jobs.list(ada.id).size(), 3u);
  const auto usage = users.usage(ada.id, db::now());
  EXPECT_EQ(usage.active_jobs, 3);
  EXPECT_EQ(usage.uploads_last_day, 1);
  EXPECT_EQ(usage.stored_bytes, 5'000'000'000ULL);
}

TEST_P(Repositories, SessionsEndByLogoutByPasswordChangeAndWithTheirUser) {
  db::SessionRepository sessions(database.db());
  const auto ada = make_user("ada@example.com");
  const auto bob = make_user("bob@example.com");
  const auto first = sessions.create(ada.id, t0, t0 + 1h);
  const auto second = sessions.create(ada.id, t0, t0 + 1h);
  const auto bobs = sessions.create(bob.id, t0, t0 + 1h);
  EXPECT_TRUE(sessions.active(first, ada.id, t0 + 59min));
  EXPECT_FALSE(sessions.active(first, ada.id, t0 + 1h));   // expired
  EXPECT_FALSE(sessions.active(first, bob.id, t0));         // another user's id with it
  sessions.remove(first, ada.id);
  EXPECT_FALSE(sessions.active(first, ada.id, t0));
  EXPECT_TRUE(sessions.active(second, ada.id, t0));
  const auto third = sessions.create(ada.id, t0, t0 + 1h);
  sessions.remove_others(ada.id, third);
  EXPECT_FALSE(sessions.active(second, ada.id, t0));
  EXPECT_TRUE(sessions.active(third, ada.id, t0));
  EXPECT_TRUE(sessions.active(bobs, bob.id, t0));

  // Removing the account takes its sessions, videos, jobs and clips with it; not bob's.
  const auto video = make_video(ada);
  const auto job = jobs.create(video.id, ada.id, {});
  ASSERT_TRUE(jobs.claim("w", t0, t0 + 60s));
  ASSERT_TRUE(jobs.succeed(job.id, "w", {}, {make_clip(job, 1)}, t0));
  const auto bob_video = make_video(bob);
  EXPECT_TRUE(users.remove(ada.id));
  EXPECT_FALSE(users.remove(ada.id));
  EXPECT_FALSE(users.find_by_id(ada.id));
  EXPECT_FALSE(sessions.active(third, ada.id, t0));
  EXPECT_TRUE(videos.list(ada.id).empty());
  EXPECT_TRUE(jobs.list(ada.id).empty());
  EXPECT_TRUE(db::ClipRepository(database.db()).list_for_job(job.id, ada.id).empty());
  EXPECT_EQ(videos.list(bob.id).size(), 1u);
  EXPECT_TRUE(sessions.active(bobs, bob.id, t0));
  // The address is free again.
  EXPECT_NO_THROW(make_user("ada@example.com"));
}

// Reads run statements kept prepared on their connection. One that has read must not keep its read
// open (SQLite would go on showing that connection the database as it was then): a job claimed and
// a session ended by another connection are seen at once, by a query new to the connection and by
// the kept ones.
TEST_P(Repositories, KeptStatementsSeeWhatOtherConnectionsWroteAtOnce) {
  testing::TestDatabase one(GetParam(), 1);  // every read below on the same connection
  db::Database elsewhere(one.url(), {.pool_size = 1});  // another process's, say a worker's
  const auto ada = db::UserRepository(one.db()).create("ada@example.com", "$argon2id$not-a-real-hash");
  const auto video = db::VideoRepository(one.db()).create(new_video(ada));
  db::JobRepository here(one.db());
  db::SessionRepository sessions(one.db());
  const auto job = here.create(video.id, ada.id, {});
  const auto session = sessions.create(ada.id, t0, t0 + 1h);
  ASSERT_EQ(here.get(job.id, ada.id)->status, db::JobStatus::queued);
  ASSERT_TRUE(sessions.active(session, ada.id, t0));

  ASSERT_TRUE(db::JobRepository(elsewhere).claim("w", t0, t0 + 60s));
  db::SessionRepository(elsewhere).remove(session, ada.id);
  ASSERT_EQ(here.list(ada.id).size(), 1u);
  EXPECT_EQ(here.list(ada.id)[0].status, db::JobStatus::running);
  EXPECT_EQ(here.get(job.id, ada.id)->status, db::JobStatus::running);
  EXPECT_FALSE(sessions.active(session, ada.id, t0));
}

INSTANTIATE_TEST_SUITE_P(Dialects, Repositories, ::testing::Values(db::Dialect::sqlite, db::Dialect::postgresql),
                         [](const auto& param_info) { return std::string(testing::dialect_name(param_info.param)); });

}  // namespace
}  // namespace clipgen
