#include "api_client.h"

#include <atomic>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <sodium.h>
#include <unistd.h>

namespace clipgen::testing {

std::string unique_email(const std::string& name) {
  static std::atomic<int> counter{0};
  return name + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + "-" +
         std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + "@example.com";
}

ApiClient::ApiClient(int port) : http_("127.0.0.1", port) { http_.set_read_timeout(std::chrono::minutes(5)); }

nlohmann::json ApiClient::register_user(const std::string& email, const std::string& password) {
  const auto res = post_json("/api/auth/register", {{"email", email}, {"password", password}});
  if (!res || res->status != 201) throw std::runtime_error("register failed: " + (res ? res->body : "no answer"));
  auto body = body_of(res);
  token_ = body["token"];
  return body;
}

void ApiClient::set_token(const std::string& token) { token_ = token; }

httplib::Headers ApiClient::auth_headers() const {
  if (token_.empty()) return {};
  return {{"Authorization", "Bearer " + token_}};
}

httplib::Result ApiClient::get(const std::string& path, const httplib::Headers& headers) {
  auto all = auth_headers();
  all.insert(headers.begin(), headers.end());
  return http_.Get(path, all);
}

httplib::Result ApiClient::post_json(const std::string& path, const nlohmann::json& body) {
  return http_.Post(path, auth_headers(), body.dump(), "application/json");
}

httplib::Result ApiClient::patch_json(const std::string& path, const nlohmann::json& body) {
  return http_.Patch(path, auth_headers(), body.dump(), "application/json");
}

httplib::Result ApiClient::del(const std::string& path) { return http_.Delete(path, auth_headers()); }

httplib::Result ApiClient::put(const std::string& path, const std::string& body, const std::string& content_type) {
  return http_.Put(path, auth_headers(), body, content_type.c_str());
}

httplib::Result ApiClient::upload(const std::filesystem::path& file, const std::string& field) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  const httplib::MultipartFormDataItems items = {{field, content.str(), file.filename().string(), "video/mp4"}};
  return http_.Post("/api/videos", auth_headers(), items);
}

nlohmann::json ApiClient::upload_video(const std::filesystem::path& file) {
  const auto res = upload(file);
  if (!res || res->status != 201) throw std::runtime_error("upload failed: " + (res ? res->body : "no answer"));
  return body_of(res)["video"];
}

nlohmann::json ApiClient::start_job(const std::string& video_id, const nlohmann::json& settings) {
  const auto res = post_json("/api/videos/" + video_id + "/jobs", settings);
  if (!res || res->status != 202) throw std::runtime_error("job not accepted: " + (res ? res->body : "no answer"));
  return body_of(res)["job"];
}

nlohmann::json ApiClient::wait_for_job(const std::string& job_id) {
  while (true) {
    const auto res = get("/api/jobs/" + job_id);
    if (res && res->status == 200) {
      auto job = body_of(res)["job"];
      const std::string status = job["status"];
      if (status == "succeeded" || status == "failed" || status == "canceled") return job;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

RawResponse post_json(RawConnection& connection, const std::string& path, const nlohmann::json& body) {
  const std::string text = body.dump();
  const std::string request = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                              "Content-Length: " + std::to_string(text.size()) + "\r\nConnection: close\r\n\r\n" + text;
  if (!connection.send_all(request)) return {};
  return connection.read_response().value_or(RawResponse{});
}

RawResponse post_json_from(const std::string& source, int port, const std::string& path, const nlohmann::json& body) {
  RawConnection connection(port, source);
  return post_json(connection, path, body);
}

std::string session_of(const std::string& token) {
  const auto first = token.find('.');
  const auto payload = token.substr(first + 1, token.find('.', first + 1) - first - 1);
  std::string json(payload.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(json.data()), json.size(), payload.data(), payload.size(),
                        nullptr, &length, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    throw std::runtime_error("not a token: " + token);
  json.resize(length);
  return nlohmann::json::parse(json)["sid"];
}

nlohmann::json body_of(const httplib::Result& result) {
  if (!result) throw std::runtime_error("no response: " + httplib::to_string(result.error()));
  return nlohmann::json::parse(result->body);
}

std::string error_code(const httplib::Result& result) { return body_of(result)["error"]["code"]; }

std::filesystem::path talking_head() {
  return std::filesystem::path(CLIPGEN_MEDIA_DIR) / "video" / "sadtalker_WDA_AOC_talkinghead.mp4";
}

nlohmann::json quick_settings() {
  return {{"num_clips", 1}, {"min_duration", 5}, {"max_duration", 8}, {"aspect", "1:1"}};
}

}  // namespace clipgen::testing
