#pragma once
// A multipart/form-data body (RFC 7578) built in memory, for file uploads to an API. Pure.
#include <string>

namespace clipgen::net {

class MultipartForm {
 public:
  // `boundary` must not occur in any part; the default is long and random enough for audio.
  explicit MultipartForm(std::string boundary = "clipgen-7d1f0c9a3b5e4f6a8c2d-boundary");

  void add_field(const std::string& name, const std::string& value);
  void add_file(const std::string& name, const std::string& filename, const std::string& content_type,
                const std::string& content);

  // The finished body, with the closing boundary.
  std::string body() const;
  std::string content_type() const;

 private:
  std::string boundary_;
  std::string parts_;
};

}  // namespace clipgen::net
