#include "api/upload_receiver.h"

#include <gtest/gtest.h>

using clipgen::api::safe_filename;

TEST(SafeFilename, KeepsPlainNamesAndDropsFolders) {
  EXPECT_EQ(safe_filename("talk.mp4"), "talk.mp4");
  EXPECT_EQ(safe_filename("C:\\Users\\me\\talk final.mp4"), "talk_final.mp4");
  EXPECT_EQ(safe_filename("../../etc/passwd"), "passwd");
  EXPECT_EQ(safe_filename(".."), "upload");
  EXPECT_EQ(safe_filename(".hidden.mp4"), "hidden.mp4");
  EXPECT_EQ(safe_filename(""), "upload");
  EXPECT_EQ(safe_filename("caf\xC3\xA9.mov"), "caf__.mov");
  EXPECT_EQ(safe_filename(std::string(300, 'a')).size(), 100u);
}
