// `clipgen render`: one clip by hand from the 11 s JFK recording (testsrc picture), timed by its
// exact text; the ffprobe CLI measures the file, jfk.txt is the words' reference. Bad arguments
// exit 2 naming the flag, before any work and without output.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/command.h"
#include "support/ffprobe.h"

namespace fs = std::filesystem;
using clipgen::testing::run_command;

namespace {

const fs::path kInput = fs::path(CLIPGEN_MEDIA_DIR) / "field/testsrc_jfk.mkv";
const fs::path kText = fs::path(CLIPGEN_MEDIA_DIR) / "speech/jfk.txt";
const fs::path kOut = fs::path(CLIPGEN_TEST_WORK_DIR) / "render-command";

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> lowercase_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) {
    std::string letters;
    for (char c : w)
      if (std::isalpha(static_cast<unsigned char>(c))) letters += static_cast<char>(std::tolower(c));
    if (!letters.empty()) words.push_back(letters);
  }
  return words;
}

// The words of a SubRip file's cue texts (not its numbers and timing lines).
std::string cue_text(const std::string& srt) {
  std::istringstream in(srt);
  std::string out;
  for (std::string line; std::getline(in, line);)
    if (line.find("-->") == std::string::npos && !line.empty() && !std::isdigit(static_cast<unsigned char>(line[0])))
      out += line + " ";
  return out;
}

void expect_refused(const std::vector<std::string>& flags, const std::string& words) {
  std::vector<std::string> argv = {CLIPGEN_BINARY, "render", kInput.string(), "-q"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  const auto r = run_command(argv);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(words), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(kOut / "refused.mp4"));
}

}  // namespace

TEST(RenderCommand, RendersTheWindowAskedForWithItsWords) {
  fs::remove_all(kOut);
  const fs::path clip = kOut / "ask-not.mp4";
  const auto r = run_command({CLIPGEN_BINARY, "render", kInput.string(), "--start", "1.5", "--end", "8.25", "-o",
                              clip.string(), "--aspect", "1:1", "--captions", "--transcript", kText.string(), "-q"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto probed = clipgen::testing::ffprobe(clip, "format=duration:stream=codec_type,width,height");
  EXPECT_NEAR(clipgen::testing::probed_number(probed["format"], "duration"), 8.25 - 1.5, 1.0 / 30);
  EXPECT_EQ(probed["streams"].size(), 2u);
  EXPECT_EQ(probed["streams"][0]["width"], 1080);
  EXPECT_EQ(probed["streams"][0]["height"], 1080);
  EXPECT_GT(fs::file_size(kOut / "ask-not.jpg"), 0u);
  EXPECT_NE(read_file(kOut / "ask-not.ass").find("[Events]"), std::string::npos);
  // Its subtitles are a run of the recording's own words, as written in jfk.txt.
  const auto reference = lowercase_words(read_file(kText));
  const auto heard = lowercase_words(cue_text(read_file(kOut / "ask-not.srt")));
  ASSERT_GE(heard.size(), 8u) << read_file(kOut / "ask-not.srt");
  EXPECT_NE(std::search(reference.begin(), reference.end(), heard.begin(), heard.end()), reference.end());
  // Nothing else is left beside it (the decoded sound, the working folder).
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(kOut)) ++files;
  EXPECT_EQ(files, 4u);
}

TEST(RenderCommand, RefusesBadArgumentsNamingTheFlag) {
  const std::string out = (kOut / "refused.mp4").string();
  expect_refused({"--start", "6", "--end", "5", "-o", out}, "--end: must be after start");
  expect_refused({"--start", "1", "--end", "12", "-o", out}, "--end: must be inside the video");
  expect_refused({"--start", "-1", "--end", "5", "-o", out}, "--start: must be inside the video");
  expect_refused({"--start", "1", "--end", "3", "-o", out}, "--end: the clip must last 5 to 180 seconds");
  expect_refused({"--start", "1", "--end", "7", "-o", out, "--layout", "zoom"}, "--layout: must be one of");
  expect_refused({"--start", "1", "--end", "7", "-o", (kOut / "refused.mov").string()}, "-o: the clip is an mp4");
  expect_refused({"--end", "7", "-o", out}, "--start is required");
  // A folder where one of the clip's files would go: refused before any work (it once rendered,
  // then failed to move the .mp4 and left the .jpg and .srt behind).
  // (A folder of its own: the rendering case, run in parallel, checks nothing but its files is in kOut.)
  const fs::path taken = kOut.parent_path() / "render-command-taken";
  fs::create_directories(taken / "clip.srt");
  expect_refused({"--start", "1", "--end", "7", "-o", (taken / "clip.mp4").string()}, "-o: ");
  EXPECT_FALSE(fs::exists(taken / "clip.jpg"));
  fs::remove_all(taken);
  const auto missing = run_command({CLIPGEN_BINARY, "render", "/nonexistent.mp4", "--start", "1", "--end", "7", "-o", out});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;
}

TEST(RenderCommand, HelpNamesWhatItWrites) {
  const auto r = run_command({CLIPGEN_BINARY, "render", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* words : {"--start", "--end", "--transcript", "FILE.srt", "5-180 s", "bold, boxed, pop, minimal, speakers"})
    EXPECT_NE(r.out.find(words), std::string::npos) << words << " in " << r.out;
}
