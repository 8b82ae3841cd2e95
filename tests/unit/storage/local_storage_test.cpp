#include "storage/local_storage.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace clipgen::storage {

namespace fs = std::filesystem;

namespace {

class LocalStorageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(CLIPGEN_TEST_WORK_DIR) / "local-storage" /
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }

  fs::path write(const std::string& name, const std::string& content) {
    const fs::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }

  static std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }

  fs::path dir_;
};

}  // namespace

TEST_F(LocalStorageTest, PutGetSizeAndLocalPathRoundTrip) {
  LocalStorage storage(dir_ / "root");
  storage.put_file("users/u1/a b.txt", write("src.txt", "hello"), "text/plain");
  EXPECT_EQ(storage.size("users/u1/a b.txt"), 5u);
  storage.get_file("users/u1/a b.txt", dir_ / "out" / "copy.txt");
  EXPECT_EQ(read(dir_ / "out" / "copy.txt"), "hello");
  ASSERT_TRUE(storage.local_path("users/u1/a b.txt"));
  EXPECT_EQ(read(*storage.local_path("users/u1/a b.txt")), "hello");
  EXPECT_FALSE(storage.local_path("users/u1/missing"));
  EXPECT_FALSE(storage.presigned_get("users/u1/a b.txt", std::chrono::seconds(60), "a.txt"));
  EXPECT_FALSE(storage.presigned_put("users/u1/a b.txt", std::chrono::seconds(60), "text/plain", 10));
}

TEST_F(LocalStorageTest, PutReplacesAndLeavesNoPartialFiles) {
  LocalStorage storage(dir_ / "root");
  storage.put_file("k", write("one", "first version"), "text/plain");
  storage.put_file("k", write("two", "2nd"), "text/plain");
  EXPECT_EQ(read(dir_ / "root" / "k"), "2nd");
  EXPECT_EQ(storage.list(""), std::vector<std::string>{"k"});
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ / "root"), fs::directory_iterator()), 1);
}

TEST_F(LocalStorageTest, MissingObjects) {
  LocalStorage storage(dir_ / "root");
  EXPECT_FALSE(storage.size("nope"));
  EXPECT_THROW(storage.get_file("nope", dir_ / "out"), std::runtime_error);
  EXPECT_NO_THROW(storage.remove("nope"));
  EXPECT_THROW(storage.put_file("k", dir_ / "no-such-source", "text/plain"), std::runtime_error);
}

TEST_F(LocalStorageTest, ListAndRemovePrefix) {
  LocalStorage storage(dir_ / "root");
  const fs::path src = write("src", "x");
  for (const char* key : {"users/u1/videos/v1/original.mp4", "users/u1/videos/v1/clips/clip-01.mp4",
                          "users/u1/videos/v2/original.mp4", "users/u2/videos/v3/original.mp4"})
    storage.put_file(key, src, "video/mp4");
  EXPECT_EQ(storage.list("users/u1/videos/v1/"),
            (std::vector<std::string>{"users/u1/videos/v1/clips/clip-01.mp4", "users/u1/videos/v1/original.mp4"}));
  EXPECT_EQ(storage.list("users/u1/").size(), 3u);
  storage.remove_prefix("users/u1/videos/v1/");
  EXPECT_EQ(storage.list(""),
            (std::vector<std::string>{"users/u1/videos/v2/original.mp4", "users/u2/videos/v3/original.mp4"}));
  EXPECT_FALSE(fs::exists(dir_ / "root" / "users/u1/videos/v1"));
  storage.remove("users/u2/videos/v3/original.mp4");
  EXPECT_EQ(storage.list("users/u2"), std::vector<std::string>{});
}

TEST_F(LocalStorageTest, RejectsKeysThatEscapeTheRoot) {
  LocalStorage storage(dir_ / "root");
  EXPECT_THROW(storage.put_file("../outside", write("src", "x"), "text/plain"), std::invalid_argument);
  EXPECT_THROW(storage.size("/etc/passwd"), std::invalid_argument);
  EXPECT_FALSE(fs::exists(dir_ / "outside"));
}

}  // namespace clipgen::storage
