// POST /api/videos (upload), GET /api/videos, GET/DELETE /api/videos/{id},
// GET /api/videos/{id}/download (the original), GET /api/videos/{id}/transcript (the words the
// jobs made), PATCH /api/videos/{id}/transcript (corrections of them), PUT/DELETE
// /api/videos/{id}/transcript (the words the user gives)
#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "api/json_io.h"
#include "api/json_mapping.h"
#include "api/media_links.h"
#include "api/routes.h"
#include "api/scratch_folder.h"
#include "api/transcript_kind.h"
#include "api/upload_receiver.h"
#include "api/video_intake.h"
#include "db/ids.h"
#include "db/given_transcript_repository.h"
#include "db/job_repository.h"
#include "db/transcript_repository.h"
#include "db/video_repository.h"
#include "jobs/worker.h"
#include "speech/transcript_file.h"
#include "speech/transcript_format.h"
#include "speech/word_edits.h"
#include "text/display_text.h"

namespace fs = std::filesystem;

namespace clipgen::api {
namespace {

// Multipart framing around the file: boundaries and part headers.
constexpr std::uint64_t kMultipartOverhead = 64 * 1024;

db::Video find_video(ApiContext& context, const std::string& id, const std::string& user_id) {
  auto video = db::VideoRepository(context.db).get(id, user_id);
  if (!video) throw not_found("video");
  return *video;
}

void register_video(ApiContext& context, const std::string& user_id, const std::string& video_id,
                    const ReceivedUpload& upload, http::Response& res) {
  const std::string key = original_key(user_id, video_id, upload.filename);
  const auto video = probe_video(
      {.video_id = video_id, .user_id = user_id, .filename = upload.filename, .path = upload.path, .storage_key = key},
      context.limits.quotas);
  context.storage.put_file(key, upload.path, video.content_type);
  send_json(res, 201, {{"video", video_json(save_video(context, video))}});
}

// POST /api/videos: the file goes to a folder of its own as it arrives; then it is probed,
// stored and registered.
http::BodyReceiver receive_video(ApiContext& context, const http::Request& req) {
  // Refused before the body is read when the announced size already breaks a quota.
  check_upload_quota(context, req.remote_user, std::strtoull(req.header("Content-Length").c_str(), nullptr, 10));
  const std::string video_id = db::new_id();
  const fs::path folder = context.upload_dir / video_id;
  auto receiver = std::make_shared<UploadReceiver>(req.header("Content-Type"), folder, context.limits.max_upload_bytes);
  auto scratch = std::make_shared<ScratchFolder>(folder);
  return {.write = [receiver](std::string_view piece) { receiver->write(piece); },
          .finish = [&context, video_id, receiver, scratch](const http::Request& finished, http::Response& res) {
            register_video(context, finished.remote_user, video_id, receiver->finish(), res);
          }};
}

void delete_video(ApiContext& context, const std::string& id, const std::string& user_id) {
  // The jobs' own folders hold more than the rows list (subtitles): remove them whole.
  const auto jobs = db::JobRepository(context.db).list(user_id, id);
  const auto keys = db::VideoRepository(context.db).remove(id, user_id);
  if (!keys) throw not_found("video");
  for (const auto& key : *keys) context.storage.remove(key);
  for (const auto& job : jobs) context.storage.remove_prefix(jobs::job_prefix(user_id, job.id));
  context.storage.remove_prefix(fmt::format("users/{}/videos/{}/", user_id, id));
}

// PUT /api/videos/{id}/transcript: read now, so a file that is not a transcript is refused here
// rather than failing the next job; the words (not the file) are kept.
void put_given_transcript(ApiContext& context, const http::Request& req, http::Response& res) {
  const auto video = find_video(context, req.path_params[0], req.remote_user);
  const auto kind = transcript_kind(req.header("Content-Type"), req.body);
  // The caption demuxers read files: the body goes to a folder of its own, removed afterwards.
  const ScratchFolder folder(context.upload_dir / db::new_id());
  const fs::path file = folder.path() / "transcript";
  {
    std::ofstream out(file, std::ios::binary);
    out.write(req.body.data(), static_cast<std::streamsize>(req.body.size()));
    if (!out.flush()) throw std::runtime_error("cannot write " + file.string());
  }
  std::vector<speech::TextWord> words;
  try {
    words = speech::read_transcript(file, kind);
  } catch (const std::invalid_argument& e) {
    throw bad_request(fmt::format("the transcript ({}): {}", speech::to_string(kind), e.what()));
  }
  const auto given = db::GivenTranscriptRepository(context.db)
                         .put(video.id, req.remote_user, std::string(speech::to_string(kind)), words);
  if (!given) throw not_found("video");  // deleted meanwhile
  send_json(res, 200, {{"given_transcript", given_transcript_json(*given)}});
}

// A fingerprint of the words' texts in order (BLAKE2b-128): what the word indexes of a
// correction refer to. A correction changes it; a render timing the words does not.
std::string words_revision(const speech::Transcript& transcript) {
  crypto_generichash_state state;
  unsigned char digest[16];
  crypto_generichash_init(&state, nullptr, 0, sizeof digest);
  for (const auto& word : transcript.words) {
    const std::uint64_t length = word.text.size();  // length-prefixed: ["ab","c"] differs from ["a","bc"]
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(&length), sizeof length);
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(word.text.data()), word.text.size());
  }
  crypto_generichash_final(&state, digest, sizeof digest);
  char hex[2 * sizeof digest + 1];
  return sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
}

// The transcript as GET and PATCH answer it: its JSON and its words_revision.
nlohmann::json transcript_json(const speech::Transcript& transcript) {
  auto json = speech::to_json(transcript);
  json["words_revision"] = words_revision(transcript);
  return json;
}

struct WordsChanged {};

// The edits of a PATCH /api/videos/{id}/transcript body; 422 naming the field.
std::vector<speech::WordEdit> read_word_edits(const nlohmann::json& body) {
  const auto it = body.find("edits");
  if (it == body.end() || !it->is_array() || it->empty())
    throw invalid_field("edits", "must be a list of at least one {start, end, text}");
  std::vector<speech::WordEdit> edits;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto& item = (*it)[i];
    const std::string name = fmt::format("edits[{}]", i);
    if (!item.is_object()) throw invalid_field(name, "must be an object {start, end, text}");
    const auto index = [&](const char* field) {
      const auto value = item.find(field);
      if (value == item.end() || !value->is_number_integer() || value->get<long long>() < 0)
        throw invalid_field(name + "." + field, "must be a word index (a whole number, 0 or more)");
      return value->get<std::size_t>();
    };
    const auto text = item.find("text");
    if (text == item.end() || !text->is_string()) throw invalid_field(name + ".text", "must be a string");
    std::string raw = text->get<std::string>();
    if (std::any_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r'; }))
      throw invalid_field(name + ".text", "holds control characters");
    std::replace_if(raw.begin(), raw.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    // Stored and shown as captions: NFC, and no zero-width or bidi-control words.
    std::string words = text::visible_words(text::display_text(raw, raw.size()));
    if (words.empty() && raw.find_first_not_of(' ') != std::string::npos)
      throw invalid_field(name + ".text", "holds no visible character (to delete the words, send \"\")");
    edits.push_back({index("start"), index("end"), std::move(words)});
  }
  return edits;
}

void correct_transcript(ApiContext& context, const http::Request& req, http::Response& res) {
  const auto body = read_json_body(req);
  const auto video = find_video(context, req.path_params[0], req.remote_user);
  const auto edits = read_word_edits(body);
  // The words the indexes were read from, when the client says (another tab may have corrected
  // them since: the same indexes would then change other words).
  std::optional<std::string> read_revision;
  if (const auto it = body.find("words_revision"); it != body.end()) {
    if (!it->is_string()) throw invalid_field("words_revision", "must be the words_revision the transcript was read with");
    read_revision = it->get<std::string>();
  }
  std::optional<speech::Transcript> corrected;
  try {
    corrected = db::TranscriptRepository(context.db).correct_latest(video.id, video.user_id, [&](const speech::Transcript& t) {
      if (read_revision && *read_revision != words_revision(t)) throw WordsChanged();
      return speech::apply_word_edits(t, edits);
    });
  } catch (const speech::WordEditError& e) {
    throw invalid_field(fmt::format("edits[{}]", e.index), e.what());
  } catch (const WordsChanged&) {
    throw HttpError(409, "transcript_changed",
                    "the words were corrected elsewhere since you read them: load the transcript again and make your "
                    "fixes there");
  }
  if (!corrected) throw HttpError(404, "not_found", "no transcript yet: it is made by the video's first job");
  send_json(res, 200, transcript_json(*corrected));
}

}  // namespace

void add_video_routes(Router& router, ApiContext& context) {
  router.post_stream("/api/videos", Access::user, context.limits.max_upload_bytes + kMultipartOverhead,
                     [&context](const http::Request& req) { return receive_video(context, req); });

  router.get("/api/videos", Access::user, [&context](const http::Request& req, http::Response& res) {
    const auto videos = db::VideoRepository(context.db).list(req.remote_user);
    auto list = nlohmann::json::array();
    const auto given = db::GivenTranscriptRepository(context.db).infos(req.remote_user);
    for (const auto& video : videos) {
      const auto found = given.find(video.id);
      list.push_back(video_json(video, found == given.end() ? std::nullopt : std::optional(found->second)));
    }
    send_json(res, 200, {{"videos", list}});
  });

  router.get("/api/videos/{id}", Access::user, [&context](const http::Request& req, http::Response& res) {
    const auto video = find_video(context, req.path_params[0], req.remote_user);
    const auto given = db::GivenTranscriptRepository(context.db).info(video.id, video.user_id);
    send_json(res, 200, {{"video", video_json(video, given)}});
  });

  router.del("/api/videos/{id}", Access::user, [&context](const http::Request& req, http::Response& res) {
    delete_video(context, req.path_params[0], req.remote_user);
    res.status = 204;
  });

  // The original, for playing the source around a clip (byte ranges through the same links).
  router.get("/api/videos/{id}/download", Access::user, [&context](const http::Request& req, http::Response& res) {
    const auto video = find_video(context, req.path_params[0], req.remote_user);
    res.redirect(media_link(context, video.storage_key, video.filename).url);
  });

  router.get("/api/videos/{id}/jobs", Access::user, [&context](const http::Request& req, http::Response& res) {
    const std::string& user_id = req.remote_user;
    const auto video = find_video(context, req.path_params[0], user_id);
    auto list = nlohmann::json::array();
    for (const auto& job : db::JobRepository(context.db).list(user_id, video.id)) list.push_back(job_json(job));
    send_json(res, 200, {{"jobs", list}});
  });

  router.get("/api/videos/{id}/transcript", Access::user, [&context](const http::Request& req, http::Response& res) {
    const std::string& user_id = req.remote_user;
    const auto video = find_video(context, req.path_params[0], user_id);
    const std::string format = req.query_param("format").value_or("json");
    if (format != "json" && format != "srt" && format != "vtt") throw invalid_field("format", "must be json, srt or vtt");
    const auto transcript = db::TranscriptRepository(context.db).latest(video.id, user_id);
    if (!transcript) throw HttpError(404, "not_found", "no transcript yet: it is made by the video's first job");
    if (format == "json") {
      send_json(res, 200, transcript_json(*transcript));
    } else if (format == "srt") {
      res.set_content(speech::to_srt(*transcript), "application/x-subrip; charset=utf-8");
    } else {
      res.set_content(speech::to_vtt(*transcript), "text/vtt; charset=utf-8");
    }
  });

  router.patch("/api/videos/{id}/transcript", Access::user,
               [&context](const http::Request& req, http::Response& res) { correct_transcript(context, req, res); });

  router.put("/api/videos/{id}/transcript", Access::user, speech::kMaxTranscriptBytes,
             [&context](const http::Request& req, http::Response& res) { put_given_transcript(context, req, res); });

  router.del("/api/videos/{id}/transcript", Access::user, [&context](const http::Request& req, http::Response& res) {
    const auto video = find_video(context, req.path_params[0], req.remote_user);
    if (!db::GivenTranscriptRepository(context.db).remove(video.id, video.user_id))
      throw HttpError(404, "not_found", "no transcript was given for this video");
    res.status = 204;
  });
}

}  // namespace clipgen::api
