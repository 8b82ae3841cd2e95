#include "speech/whisper_api_transcriber.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cmath>
#include <cstdlib>
#include <sstream>
#include <nlohmann/json.hpp>

#include "net/api_call.h"
#include "net/multipart_form.h"
#include "speech/audio_upload.h"

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
  if (settings.base_url.ends_with("/inference")) {
    settings.whisper_cpp = true;
    settings.base_url.resize(settings.base_url.size() - std::string_view("/inference").size());
  }
  if (auto model = env("WHISPER_MODEL"); !model.empty()) settings.model = model;
  return settings;
}

WhisperAnswer read_whisper_answer(const std::string& body, double part_seconds) {
  const auto json = nlohmann::json::parse(body, nullptr, false);
  if (!json.is_object()) throw std::invalid_argument("the answer is not JSON");
  if (const auto error = json.find("error"); error != json.end())
    throw std::invalid_argument("the server answered with an error: " + net::error_message(body));
  constexpr double kSlack = 0.5;
  WhisperAnswer answer;
  const auto words = json.find("words");
  if (words != json.end() && words->is_array()) {
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
      word.start = std::clamp(start, 0.0, part_seconds);
      word.end = std::clamp(end, 0.0, part_seconds);
      // Keep the transcript's promise: in time order, not overlapping.
      if (!answer.words.empty()) {
        if (word.start < answer.words.back().end) word.start = answer.words.back().end;
        if (word.end < word.start) word.end = word.start;
      }
      answer.words.push_back(std::move(word));
    }
    return answer;
  }
  // No word times: the segments' text (whisper.cpp's segment "words" are tokens, pieces of
  // words, and are not used), or the whole text.
  const auto bound = [&](const nlohmann::json& item, const char* key, double otherwise) {
    const auto it = item.find(key);
    return it != item.end() && it->is_number() && std::isfinite(it->get<double>())
               ? std::clamp(it->get<double>(), 0.0, part_seconds)
               : otherwise;
  };
  const auto add_text = [&](const std::string& text, double start, double end) {
    std::istringstream in(text);
    for (std::string word; in >> word;) answer.untimed.push_back({word, start, std::max(start, end)});
  };
  const auto segments = json.find("segments");
  if (segments != json.end() && segments->is_array() && !segments->empty()) {
    for (const auto& segment : *segments) {
      if (!segment.is_object() || !segment.contains("text") || !segment["text"].is_string())
        throw std::invalid_argument("a segment has no text");
      add_text(segment["text"].get<std::string>(), bound(segment, "start", 0), bound(segment, "end", part_seconds));
    }
  } else if (json.contains("text") && json["text"].is_string()) {
    add_text(json["text"].get<std::string>(), 0, part_seconds);
  } else {
    throw std::invalid_argument("the answer has neither words, segments nor text");
  }
  return answer;
}

WhisperApiTranscriber::WhisperApiTranscriber(WhisperApiSettings settings, std::unique_ptr<Transcriber> fallback)
    : settings_(std::move(settings)), fallback_(std::move(fallback)) {}

WhisperAnswer WhisperApiTranscriber::transcribe_part(const std::string& audio, const std::string& language,
                                                     double part_seconds) {
  net::MultipartForm form;
  if (settings_.whisper_cpp) {
    // examples/server/README.md: file, temperature, temperature_inc, response_format, language.
    form.add_file("file", "audio.wav", "audio/wav", audio);
    form.add_field("temperature", "0.0");
    form.add_field("temperature_inc", "0.2");
    form.add_field("response_format", "verbose_json");
    form.add_field("language", language.empty() ? "auto" : language);
  } else {
    form.add_file("file", "audio.flac", "audio/flac", audio);
    form.add_field("model", settings_.model);
    form.add_field("response_format", "verbose_json");
    form.add_field("timestamp_granularities[]", "word");
    if (!language.empty() && language != "auto") form.add_field("language", language);
  }
  const std::string body = form.body();
  const std::string service = (settings_.whisper_cpp ? "the whisper.cpp server at " : "the Whisper API at ") +
                              settings_.base_url;
  std::string problem;
  net::HttpClient client;
  for (int attempt = 1; attempt <= settings_.answer_attempts; ++attempt) {
    const auto response = net::call_api(client, settings_.retry, service, [&] {
      net::HttpRequest request;
      request.method = "POST";
      request.url = settings_.base_url + (settings_.whisper_cpp ? "/inference" : "/v1/audio/transcriptions");
      request.headers = {{"content-type", form.content_type()}};
      if (!settings_.api_key.empty()) request.headers.emplace_back("authorization", "Bearer " + settings_.api_key);
      request.body = body;
      request.timeout_seconds = settings_.timeout_seconds;
      return request;
    });
    try {
      return read_whisper_answer(response.body, part_seconds);
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
  return transcribe_or_fall_back(
      name(), fallback_.get(),
      [&](const std::function<void(double)>& reporting) { return transcribe_with_server(audio, language, reporting); },
      audio, language, progress);
}

Transcript WhisperApiTranscriber::transcribe_with_server(const SpeechAudio& audio, const std::string& language,
                                                         const std::function<void(double)>& progress) {
  const auto samples = audio.samples;
  Transcript transcript;
  transcript.engine = name();
  transcript.language = language.empty() ? "en" : language;
  transcript.duration = static_cast<double>(samples.size()) / kSampleRate;
  const auto parts = encode_parts(samples, settings_.part_seconds, kWhisperUploadLimit,
                                  settings_.whisper_cpp ? AudioFormat::wav : AudioFormat::flac);
  // Words with the server's times, and every word as text bound to its times, in case some
  // part comes without them and the lot has to be aligned.
  std::vector<TextWord> text;
  bool untimed = false;
  const double server_share = 0.5;  // of the progress, when alignment follows
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const double offset = static_cast<double>(parts[i].chunk.begin) / kSampleRate;
    const double seconds = static_cast<double>(parts[i].chunk.end - parts[i].chunk.begin) / kSampleRate;
    WhisperAnswer answer = transcribe_part(parts[i].file, language, seconds);
    for (Word& word : answer.words) {
      word.start += offset;
      word.end += offset;
      if (!transcript.words.empty() && word.start < transcript.words.back().end) word.start = transcript.words.back().end;
      word.end = std::max(word.end, word.start);
      text.push_back({word.text, word.start, word.end});
      transcript.words.push_back(std::move(word));
    }
    for (TextWord& word : answer.untimed) text.push_back({word.text, word.cue_start + offset, word.cue_end + offset});
    untimed = untimed || !answer.untimed.empty();
    if (progress) progress(server_share * static_cast<double>(i + 1) / static_cast<double>(parts.size()));
  }
  if (untimed && !text.empty()) {
    if (language != "en" && language.rfind("en-", 0) != 0)
      throw std::runtime_error(fmt::format(
          "the server gave no word times, and words are timed locally in English only (language '{}'): use a "
          "server that gives word times (timestamp_granularities[]=word)",
          language));
    WordAligner aligner(settings_.aligner);
    auto alignment = aligner.align(audio, text, [&](double f) {
      if (progress) progress(server_share + (1 - server_share) * f);
    });
    spdlog::info("{}: {} words without times from the server, {:.0f}% timed from the audio", name(), text.size(),
                 100 * alignment.aligned_share);
    transcript.words = std::move(alignment.transcript.words);
  }
  if (progress) progress(1.0);
  return transcript;
}

}  // namespace clipgen::speech
