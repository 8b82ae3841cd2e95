#pragma once
// Reads a multipart/form-data body (RFC 7578; framing from RFC 2046 section 5.1.1) as it
// arrives, in pieces of any size, handing each part's content on without holding it: memory
// stays at one part header (bounded) and a delimiter's length. Pure (no I/O).
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace clipgen::http {

class MultipartReader {
 public:
  struct Part {
    std::string name;          // Content-Disposition's name
    std::string filename;      // its filename, "" for plain fields
    std::string content_type;  // the part's Content-Type, "" when absent
  };
  struct Callbacks {
    std::function<void(const Part&)> begin_part;
    std::function<void(std::string_view content)> content;  // the current part's bytes, in order
  };

  // The boundary of a "multipart/form-data; boundary=..." Content-Type; nullopt for any other
  // type or a missing or invalid boundary.
  static std::optional<std::string> boundary_of(std::string_view content_type);

  MultipartReader(std::string boundary, Callbacks callbacks);

  // Throws http::Error 400 when the framing is broken or a part header is over 16 KiB.
  void feed(std::string_view bytes);
  // Throws http::Error 400 when the body ended before the closing delimiter.
  void finish() const;

 private:
  enum class State { preamble, after_delimiter, part_header, content, epilogue };
  void parse_part_header(std::string_view block);

  std::string delimiter_;  // CRLF "--" boundary
  Callbacks callbacks_;
  State state_ = State::preamble;
  std::string buffer_;     // bytes not yet handed on
};

}  // namespace clipgen::http
