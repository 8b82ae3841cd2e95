#include "net/multipart_form.h"

#include <fmt/format.h>

namespace clipgen::net {

MultipartForm::MultipartForm(std::string boundary) : boundary_(std::move(boundary)) {}

void MultipartForm::add_field(const std::string& name, const std::string& value) {
  parts_ += fmt::format("--{}\r\nContent-Disposition: form-data; name=\"{}\"\r\n\r\n{}\r\n", boundary_, name, value);
}

void MultipartForm::add_file(const std::string& name, const std::string& filename, const std::string& content_type,
                             const std::string& content) {
  parts_ += fmt::format("--{}\r\nContent-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {}\r\n\r\n",
                        boundary_, name, filename, content_type);
  parts_ += content;
  parts_ += "\r\n";
}

std::string MultipartForm::body() const { return parts_ + "--" + boundary_ + "--\r\n"; }

std::string MultipartForm::content_type() const { return "multipart/form-data; boundary=" + boundary_; }

}  // namespace clipgen::net
