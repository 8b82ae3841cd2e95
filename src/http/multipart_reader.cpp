#include "http/multipart_reader.h"

#include <algorithm>

#include "http/error.h"
#include "http/headers.h"

namespace clipgen::http {
namespace {

constexpr std::size_t kMaxPartHeaderBytes = 16 * 1024;
constexpr std::size_t kMaxBoundaryLength = 70;  // RFC 2046

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

Error malformed(const std::string& what) { return Error(400, "bad_request", "the multipart body is malformed: " + what); }

// `value; key=token; key="quoted \" string"` -> the parameter named `key`, unquoted.
std::optional<std::string> parameter(std::string_view header_value, std::string_view key) {
  std::size_t i = header_value.find(';');
  while (i != std::string_view::npos && i < header_value.size()) {
    ++i;  // past ';'
    const auto equals = header_value.find('=', i);
    if (equals == std::string_view::npos) return std::nullopt;
    const auto name = trim(header_value.substr(i, equals - i));
    std::size_t j = equals + 1;
    while (j < header_value.size() && (header_value[j] == ' ' || header_value[j] == '\t')) ++j;
    std::string value;
    if (j < header_value.size() && header_value[j] == '"') {
      for (++j; j < header_value.size() && header_value[j] != '"'; ++j) {
        if (header_value[j] == '\\' && j + 1 < header_value.size()) ++j;
        value += header_value[j];
      }
      i = header_value.find(';', j);
    } else {
      const auto end = header_value.find(';', j);
      value = std::string(trim(header_value.substr(j, end == std::string_view::npos ? end : end - j)));
      i = end;
    }
    if (iequals(name, key)) return value;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> MultipartReader::boundary_of(std::string_view content_type) {
  const auto type = trim(content_type.substr(0, content_type.find(';')));
  if (!iequals(type, "multipart/form-data")) return std::nullopt;
  auto boundary = parameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > kMaxBoundaryLength) return std::nullopt;
  return boundary;
}

MultipartReader::MultipartReader(std::string boundary, Callbacks callbacks)
    : delimiter_("\r\n--" + boundary), callbacks_(std::move(callbacks)), buffer_("\r\n") {
  // The first delimiter may open the body without a CRLF before it: the buffer starts with one.
}

void MultipartReader::feed(std::string_view bytes) {
  if (state_ == State::epilogue) return;
  buffer_.append(bytes);
  std::size_t used = 0;  // bytes of buffer_ dealt with
  while (true) {
    const std::string_view rest = std::string_view(buffer_).substr(used);
    if (state_ == State::preamble || state_ == State::content) {
      const auto at = rest.find(delimiter_);
      if (at == std::string_view::npos) {
        // Everything but a tail that could be the start of a delimiter (one byte shorter than
        // it) is content, whatever the pieces' sizes.
        const std::size_t safe = rest.size() >= delimiter_.size() ? rest.size() - delimiter_.size() + 1 : 0;
        if (state_ == State::content && safe > 0) callbacks_.content(rest.substr(0, safe));
        used += safe;
        break;
      }
      if (state_ == State::content && at > 0) callbacks_.content(rest.substr(0, at));
      used += at + delimiter_.size();
      state_ = State::after_delimiter;
    } else if (state_ == State::after_delimiter) {
      if (rest.size() < 2) break;
      if (rest.substr(0, 2) == "--") {
        state_ = State::epilogue;
        used = buffer_.size();
        break;
      }
      if (rest.substr(0, 2) != "\r\n") throw malformed("a boundary line has text after the boundary");
      used += 2;
      state_ = State::part_header;
    } else if (state_ == State::part_header) {
      // The header block ends at an empty line; with no fields it is that empty line alone.
      const bool no_fields = rest.substr(0, 2) == "\r\n";
      const auto end = no_fields ? 0 : rest.find("\r\n\r\n");
      if (end == std::string_view::npos) {
        // Refused once no header block within the limit can end here (its CRLFCRLF may have
        // begun in the last three bytes), so the piece sizes do not change the answer.
        if (rest.size() > kMaxPartHeaderBytes + 3) throw malformed("a part header is larger than 16 KiB");
        break;
      }
      parse_part_header(rest.substr(0, end));
      used += end + (no_fields ? 2 : 4);
      state_ = State::content;
    } else {
      used = buffer_.size();
      break;
    }
  }
  buffer_.erase(0, used);
}

void MultipartReader::parse_part_header(std::string_view block) {
  if (block.size() > kMaxPartHeaderBytes) throw malformed("a part header is larger than 16 KiB");
  Part part;
  bool form_data = false;
  std::size_t start = 0;
  while (start < block.size()) {
    const auto end = std::min(block.find("\r\n", start), block.size());
    const auto line = block.substr(start, end - start);
    start = end + 2;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) throw malformed("a part header line has no ':'");
    const auto name = trim(line.substr(0, colon));
    const auto value = trim(line.substr(colon + 1));
    if (iequals(name, "Content-Disposition")) {
      form_data = iequals(trim(value.substr(0, value.find(';'))), "form-data");
      part.name = parameter(value, "name").value_or("");
      part.filename = parameter(value, "filename").value_or("");
    } else if (iequals(name, "Content-Type")) {
      part.content_type = std::string(value);
    }
  }
  if (!form_data) throw malformed("a part has no \"Content-Disposition: form-data\" header");
  callbacks_.begin_part(part);
}

void MultipartReader::finish() const {
  if (state_ != State::epilogue) throw malformed("the body ended before the closing boundary");
}

}  // namespace clipgen::http
