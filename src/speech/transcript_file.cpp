#include "speech/transcript_file.h"

extern "C" {
#include <libavformat/avformat.h>
}

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>

#include "media/av_handles.h"
#include "text/utf8.h"

namespace fs = std::filesystem;

namespace clipgen::speech {
namespace {

std::invalid_argument bad_file(const fs::path& path, const std::string& what) {
  return std::invalid_argument("transcript " + path.string() + ": " + what);
}

std::invalid_argument bad_content(const std::string& what) { return std::invalid_argument(what); }

// Caption markup dropped: <i>, </b>, <c.yellow>, <00:00:01.500> and {\an8}.
std::string without_markup(const std::string& text) {
  std::string out;
  char closing = 0;
  for (char c : text) {
    if (closing != 0) {
      if (c == closing) closing = 0;
    } else if (c == '<' || c == '{') {
      closing = c == '<' ? '>' : '}';
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The non-empty lines of a cue, trimmed.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    lines.push_back(line.substr(first, line.find_last_not_of(" \t\r") - first + 1));
  }
  return lines;
}

// Words as written; bytes that are not UTF-8 become U+FFFD, so no caption or JSON made from them
// can fail to encode.
void add_words(const std::string& text, double cue_start, double cue_end, std::vector<TextWord>& words) {
  std::istringstream in(text);
  for (std::string word; in >> word;) words.push_back({text::repair_utf8(word), cue_start, cue_end});
}

std::vector<TextWord> read_captions(const fs::path& path, const char* demuxer) {
  AVFormatContext* raw = nullptr;
  AVDictionary* options = nullptr;
  av_dict_set(&options, "protocol_whitelist", "file", 0);
  const int opened = avformat_open_input(&raw, path.c_str(), av_find_input_format(demuxer), &options);
  av_dict_free(&options);
  if (opened < 0) throw bad_content(std::string("not readable as ") + demuxer + " captions");
  const media::InputPtr input(raw);
  if (input->nb_streams != 1) throw bad_content("no captions in it");
  const AVRational time_base = input->streams[0]->time_base;
  media::PacketPtr packet(av_packet_alloc());
  std::vector<TextWord> words;
  std::vector<std::string> previous_lines;
  while (av_read_frame(input.get(), packet.get()) >= 0) {
    const double start = double(packet->pts) * av_q2d(time_base);
    const double end = start + double(packet->duration) * av_q2d(time_base);
    const auto lines =
        lines_of(without_markup(std::string(reinterpret_cast<const char*>(packet->data), std::size_t(packet->size))));
    av_packet_unref(packet.get());
    for (const auto& line : lines) {
      // Rolling captions (YouTube's, among others) show each line again in the next cue, under
      // the new one: a line the cue before showed is not said again.
      if (std::find(previous_lines.begin(), previous_lines.end(), line) != previous_lines.end()) continue;
      add_words(line, end > start ? start : -1, end > start ? end : -1, words);  // a cue with no length bounds nothing
    }
    previous_lines = lines;
  }
  return words;
}

std::vector<TextWord> read_transcript_json(std::istream& in) {
  nlohmann::json doc;
  try {
    doc = nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for a number past double's range
    throw bad_content(std::string("not JSON (") + e.what() + ")");
  }
  if (!doc.is_object() || !doc.contains("words") || !doc["words"].is_array())
    throw bad_content("not a clipgen transcript: no \"words\" list");
  std::vector<TextWord> words;
  for (const auto& w : doc["words"]) {
    if (!w.is_object() || !w.contains("text") || !w["text"].is_string())
      throw bad_content("a word without \"text\"");
    add_words(w["text"].get<std::string>(), -1, -1, words);
  }
  return words;
}

}  // namespace

TranscriptKind transcript_kind_of(const fs::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".srt" || extension == ".SRT") return TranscriptKind::srt;
  if (extension == ".vtt" || extension == ".VTT") return TranscriptKind::vtt;
  if (extension == ".json") return TranscriptKind::json;
  return TranscriptKind::text;
}

std::string_view to_string(TranscriptKind kind) {
  switch (kind) {
    case TranscriptKind::srt: return "srt";
    case TranscriptKind::vtt: return "vtt";
    case TranscriptKind::json: return "json";
    case TranscriptKind::text: return "text";
  }
  return "text";
}

std::vector<TextWord> read_transcript(const fs::path& path, TranscriptKind kind) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw bad_content("cannot be read");
  std::vector<TextWord> words;
  switch (kind) {
    case TranscriptKind::srt: words = read_captions(path, "srt"); break;
    case TranscriptKind::vtt: words = read_captions(path, "webvtt"); break;
    case TranscriptKind::json: words = read_transcript_json(in); break;
    case TranscriptKind::text: {
      std::stringstream text;
      text << in.rdbuf();
      add_words(text.str(), -1, -1, words);
      break;
    }
  }
  if (words.empty()) throw bad_content("no words in it");
  return words;
}

std::vector<TextWord> read_transcript_file(const fs::path& path) {
  std::error_code error;
  if (!fs::exists(path, error)) throw bad_file(path, "cannot be read (no such file)");
  if (!fs::is_regular_file(path, error)) throw bad_file(path, "cannot be read (not a regular file)");
  if (fs::file_size(path, error) > kMaxTranscriptBytes)
    throw bad_file(path, fmt::format("larger than {} MiB: not a transcript", kMaxTranscriptBytes >> 20));
  try {
    return read_transcript(path, transcript_kind_of(path));
  } catch (const std::invalid_argument& e) {
    throw bad_file(path, e.what());
  }
}

}  // namespace clipgen::speech
