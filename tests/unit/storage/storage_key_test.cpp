#include "storage/storage_key.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace clipgen::storage {

TEST(StorageKey, AcceptsNestedKeysWithSpacesAndUnicode) {
  EXPECT_NO_THROW(check_key("users/u1/videos/v1/original.mp4"));
  EXPECT_NO_THROW(check_key("clips/my talk (final) - é.mp4"));
  EXPECT_NO_THROW(check_key("a..b/c.d"));
}

TEST(StorageKey, RejectsKeysThatCouldEscapeOrAlias) {
  for (const char* bad : {"", "/abs", "a/../b", "..", "./a", "a//b", "a/", "tab\there", "nl\n"})
    EXPECT_THROW(check_key(bad), std::invalid_argument) << bad;
}

}  // namespace clipgen::storage
