#include "speech/whisper_api_transcriber.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "net/api_call.h"
#include "net/multipart_form.h"
#include "speech/whisper_api_audio.h"

namespace clipgen::speech {

namespace {

std::string env(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\n") - first + 1);
}

}  // namespace

std::optional<WhisperApiSettings> whisper_settings_from_env() {
  WhisperApiSettings settings;
  settings.api_key = env("WHISPER_API_KEY");
  std::string base = env("WHISPER_BASE_URL");
  if (settings.api_key.empty()) settings.api_key = env("OPENAI_API_KEY");
  if (base.empty()) {
    base = env("OPENAI_BASE_URL");
    while (base.ends_with('/')) base.pop_back();
    if (base.ends_with("/v1")) base.resize(base.size() - 3);
  }
  if (settings.api_key.empty() && base.empty()) return std::nullopt;
  if (!base.empty()) settings.base_url = base;
  while (settings.base_url.ends_with('/')) settings.base_url.pop_back();
  if (auto model = env("WHISPER_MODEL"); !model.empty()) settings.model = model;
  return settings;
}

std::vector<Word> read_whisper_words(const std::string& body, double offset, double part_seconds) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object()) throw std::invalid_argument("the answer is not JSON");
  const auto words = json.find("words");
  if (words == json.end() || !words->is_array()) {
    // Silence legitimately gives no words; text without words means no word timestamps.
    if (trimmed(json.value("text", "")).empty()) return {};
    throw std::invalid_argument("the answer has text but no word times (timestamp_granularities[]=word unsupported?)");
  }
  constexpr double kSlack = 0.5;
  std::vector<Word> out;
  for (const auto& item : *words) {
    if (!item.is_object() || !item.contains("start") || !item.contains("end") || !item["start"].is_number() ||
        !item["end"].is_number())
      throw std::invalid_argument("a word has no start or end time");
    Word word;
    word.text = trimmed(item.value("word", ""));
    const double start = item["start"].get<double>();
    const double end = item["end"].get<double>();
    if (word.text.empty() || !std::isfinite(start) || !std::isfinite(end) || start < -kSlack || end < start ||
        end > part_seconds + kSlack)
      continue;
    word.start = offset + std::clamp(start, 0.0, part_seconds);
    word.end = offset + std::clamp(end, 0.0, part_seconds);
    // Keep the transcript's promise: in time order, not overlapping.
    if (!out.empty()) {
      if (word.start < out.back().end) word.start = out.back().end;
      if (word.end < word.start) word.end = word.start;
    }
    out.push_back(std::move(word));
  }
  return out;
}

WhisperApiTranscriber::WhisperApiTranscriber(WhisperApiSettings settings, std::unique_ptr<Transcriber> fallback)
    : settings_(std::move(settings)), fallback_(std::move(fallback)) {}

std::vector<Word> WhisperApiTranscriber::transcribe_part(const std::string& flac, const std::string& language,
                                                         double part_seconds) {
  net::MultipartForm form;
  form.add_file("file", "audio.flac", "audio/flac", flac);
  form.add_field("model", settings_.model);
  form.add_field("response_format", "verbose_json");
  form.add_field("timestamp_granularities[]", "word");
  if (!language.empty() && language != "auto") form.add_field("language", language);
  const std::string body = form.body();
  const std::string service = "the Whisper API at " + settings_.base_url;
  std::string problem;
  net::HttpClient client;
  for (int attempt = 1; attempt <= settings_.answer_attempts; ++attempt) {
    const auto response = net::call_api(client, settings_.retry, service, [&] {
      net::HttpRequest request;
      request.method = "POST";
      request.url = settings_.base_url + "/v1/audio/transcriptions";
      request.headers = {{"content-type", form.content_type()}};
      if (!settings_.api_key.empty()) request.headers.emplace_back("authorization", "Bearer " + settings_.api_key);
      request.body = body;
      request.timeout_seconds = settings_.timeout_seconds;
      return request;
    });
    try {
      return read_whisper_words(response.body, 0, part_seconds);
    } catch (const std::invalid_argument& e) {
      problem = e.what();
    }
  }
  throw net::ApiError(net::ApiError::Kind::bad_answer,
                      fmt::format("{} gave no usable answer after {} tries: {}", service, settings_.answer_attempts,
                                  problem));
}

Transcript WhisperApiTranscriber::recognise(const SpeechAudio& audio, const std::string& language,
                                            const std::function<void(double)>& progress) {
  const auto samples = audio.samples;
  Transcript transcript;
  transcript.engine = name();
  transcript.language = language.empty() ? "en" : language;
  transcript.duration = static_cast<double>(samples.size()) / kSampleRate;
  try {
    const auto parts = encode_parts(samples, settings_.part_seconds);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const double offset = static_cast<double>(parts[i].chunk.begin) / kSampleRate;
      const double seconds = static_cast<double>(parts[i].chunk.end - parts[i].chunk.begin) / kSampleRate;
      for (Word& word : transcribe_part(parts[i].flac, language, seconds)) {
        word.start += offset;
        word.end += offset;
        if (!transcript.words.empty() && word.start < transcript.words.back().end) word.start = transcript.words.back().end;
        word.end = std::max(word.end, word.start);
        transcript.words.push_back(std::move(word));
      }
      if (progress) progress(static_cast<double>(i + 1) / static_cast<double>(parts.size()));
    }
  } catch (const std::exception& e) {
    if (!fallback_) throw std::runtime_error(fmt::format("{} failed: {}", name(), e.what()));
    spdlog::warn("{} failed ({}); transcribing with {} instead", name(), e.what(), fallback_->name());
    return fallback_->transcribe(audio, language, progress);
  }
  return transcript;
}

}  // namespace clipgen::speech
