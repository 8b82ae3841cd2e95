// The captions of a real recording's words, read back from the ASS file libass is given.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <regex>

#include "captions/caption_file.h"
#include "support/reference_words.h"

namespace fs = std::filesystem;
using namespace clipgen::captions;

namespace {

struct Event {
  double start = 0, end = 0;
  std::string highlighted;  // the word the markup colours
  std::string text;         // all the cue's words, markup removed
};

double seconds(const std::string& ass) {  // H:MM:SS.cc
  int h = 0, m = 0;
  double s = 0;
  std::sscanf(ass.c_str(), "%d:%d:%lf", &h, &m, &s);
  return h * 3600 + m * 60 + s;
}

std::vector<Event> events_of(const fs::path& ass) {
  std::ifstream in(ass);
  const std::regex dialogue(R"(^Dialogue: 0,([0-9:.]+),([0-9:.]+),Caption,,0,0,\d+,,(.*)$)");
  const std::regex highlighted(R"(\{\\c&H[0-9A-F]{6}&[^}]*\}([^{]*)\{\\r\})");
  const std::regex markup(R"(\{[^}]*\})");
  std::vector<Event> events;
  for (std::string line; std::getline(in, line);) {
    std::smatch m, h;
    if (!std::regex_match(line, m, dialogue)) continue;
    const std::string text = m[3];
    Event e{seconds(m[1]), seconds(m[2]), "", std::regex_replace(text, markup, "")};
    if (std::regex_search(text, h, highlighted)) e.highlighted = h[1];
    events.push_back(e);
  }
  return events;
}

}  // namespace

TEST(CaptionTiming, EveryWordIsHighlightedWhileItIsSpoken) {
  const auto words = clipgen::testing::reference_words(40, 70);
  ASSERT_GE(words.size(), 50u);
  const fs::path dir = fs::path(CLIPGEN_TEST_WORK_DIR) / "captions";
  fs::create_directories(dir);
  const fs::path ass = dir / "timing.ass";
  write_captions(ass, words, *find_style("bold"), {1080, 1920}, {});

  const auto events = events_of(ass);
  ASSERT_EQ(events.size(), words.size()) << "one event per word";
  for (std::size_t i = 0; i < words.size(); ++i) {
    SCOPED_TRACE(words[i].text);
    EXPECT_EQ(events[i].highlighted, words[i].text);
    EXPECT_NEAR(events[i].start, words[i].start, 0.1);
    EXPECT_GE(events[i].end, words[i].end - 0.1) << "shown until the word is over";
    if (i + 1 < words.size()) {
      EXPECT_LE(events[i].end, words[i + 1].start + 0.01) << "gone when the next begins";
    }
    const auto shown = std::count(events[i].text.begin(), events[i].text.end(), ' ') + 1;
    EXPECT_GE(shown, 1);
    EXPECT_LE(shown, 3) << events[i].text;
  }
}

TEST(CaptionTiming, EachStyleMakesAWellFormedDocument) {
  const auto words = clipgen::testing::reference_words(40, 50);
  const fs::path dir = fs::path(CLIPGEN_TEST_WORK_DIR) / "captions";
  fs::create_directories(dir);
  for (const auto& style : caption_styles()) {
    SCOPED_TRACE(style.name);
    const fs::path ass = dir / (style.name + ".ass");
    write_captions(ass, words, style, {1080, 1920}, {});
    const auto events = events_of(ass);
    ASSERT_EQ(events.size(), words.size());
    for (const auto& e : events) EXPECT_FALSE(e.highlighted.empty()) << e.text;
  }
}
