#pragma once
// A user of the API for tests: an httplib client with the user's bearer token and helpers
// for the calls every test makes.
#include <httplib.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

#include "raw_connection.h"

namespace clipgen::testing {

inline constexpr const char* kTestPassword = "correct horse battery";

// A fresh address per call, so suites sharing a database never collide.
std::string unique_email(const std::string& name);

class ApiClient {
 public:
  explicit ApiClient(int port);

  // Registers a new account (status checked) and keeps its token.
  nlohmann::json register_user(const std::string& email, const std::string& password = kTestPassword);
  void set_token(const std::string& token);
  const std::string& token() const { return token_; }

  httplib::Result get(const std::string& path, const httplib::Headers& headers = {});
  httplib::Result post_json(const std::string& path, const nlohmann::json& body);
  httplib::Result patch_json(const std::string& path, const nlohmann::json& body);
  httplib::Result del(const std::string& path);
  httplib::Result put(const std::string& path, const std::string& body, const std::string& content_type);
  // POSTs the file as multipart field `field` (read whole: test files are small).
  httplib::Result upload(const std::filesystem::path& file, const std::string& field = "file");

  // Uploads (expecting 201) and returns the video; starts a job on it (expecting 202).
  nlohmann::json upload_video(const std::filesystem::path& file);
  nlohmann::json start_job(const std::string& video_id, const nlohmann::json& settings);
  // Polls GET /api/jobs/{id} until the job reaches a final status.
  nlohmann::json wait_for_job(const std::string& job_id);

  httplib::Client& http() { return http_; }

 private:
  httplib::Headers auth_headers() const;

  httplib::Client http_;
  std::string token_;
};

// One POST of `body` as JSON (Connection: close) on `connection`, and its answer (status 0
// when the server closed without one).
RawResponse post_json(RawConnection& connection, const std::string& path, const nlohmann::json& body);
// The same on a new connection from the loopback address `source` (any of 127.0.0.0/8, so that
// the server sees a different client address per source): for requests httplib cannot make.
RawResponse post_json_from(const std::string& source, int port, const std::string& path, const nlohmann::json& body);

// The "sid" claim of an access token (its payload is not secret, only signed).
std::string session_of(const std::string& token);

// The JSON body of a response (throws when there is no response or it is not JSON).
nlohmann::json body_of(const httplib::Result& result);
// error.code of an error response.
std::string error_code(const httplib::Result& result);

// A short real talking video: 8 s, 512x512, with speech (../shared/media).
std::filesystem::path talking_head();
// Settings that make a quick job of talking_head().
nlohmann::json quick_settings();

}  // namespace clipgen::testing
