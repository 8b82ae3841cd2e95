#pragma once
// One request to cut clips from a video, and its way through the queue:
//   queued -> running -> succeeded | failed | canceled   (running -> queued on a retry)
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/timestamp.h"

namespace clipgen::db {

enum class JobStatus { queued, running, succeeded, failed, canceled };

std::string_view to_string(JobStatus status);
// Throws std::invalid_argument for a word that is not a status.
JobStatus job_status_from_string(std::string_view text);
// succeeded, failed and canceled: nothing will change the job any more.
bool is_final(JobStatus status);

// What a job does: cut clips from a whole video, or render one clip again after an edit (or
// for the first time, a clip made by hand).
inline constexpr const char* kProcessJob = "process";
inline constexpr const char* kRenderJob = "render";

struct Job {
  std::string id;
  std::string video_id;
  std::string user_id;
  std::string kind = kProcessJob;  // kProcessJob | kRenderJob
  std::string clip_id;      // the clip a render job renders; "" for process jobs
  // process: jobs::ClipSettings as JSON (jobs/settings_json.h); render: jobs::ClipEdit
  // (jobs/clip_edit.h)
  nlohmann::json settings;
  JobStatus status = JobStatus::queued;
  std::string stage;        // one of jobs::kStages while running, "" before
  double progress = 0;      // 0..100
  std::string error;        // the last error, "" when none
  std::vector<std::string> notes;  // for the user, e.g. "only 3 clips of 20-60 s fit"
  int attempts = 0;         // claims so far
  std::string lease_owner;  // worker id while running, "" otherwise
  std::optional<Timestamp> lease_expires_at;
  long long llm_input_tokens = 0;
  long long llm_output_tokens = 0;
  double llm_cost_usd = 0;   // of every paid model in the job: transcription and highlights
  std::string transcript_engine;  // which engine made the words ("" before the job succeeded)
  Timestamp created_at;
  std::optional<Timestamp> started_at;   // first claim
  std::optional<Timestamp> finished_at;  // reached a final status
};

}  // namespace clipgen::db
