#include "net/multipart_form.h"

#include <gtest/gtest.h>

namespace clipgen::net {

TEST(MultipartForm, FieldsAndFilesInRfc7578Shape) {
  MultipartForm form("XYZ");
  form.add_field("model", "whisper-1");
  form.add_file("file", "audio.flac", "audio/flac", std::string("fLaC\0\x01", 6));
  EXPECT_EQ(form.content_type(), "multipart/form-data; boundary=XYZ");
  using namespace std::string_literals;
  EXPECT_EQ(form.body(), "--XYZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                                     "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audio.flac\"\r\n"
                                     "Content-Type: audio/flac\r\n\r\nfLaC\0\x01\r\n--XYZ--\r\n"s);
}

}  // namespace clipgen::net
