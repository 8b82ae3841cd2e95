#include "captions/ass_document.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace clipgen::captions;
using clipgen::speech::Word;

namespace {

std::vector<std::string> dialogues(const std::string& doc) {
  std::vector<std::string> out;
  std::istringstream in(doc);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("Dialogue:", 0) == 0) out.push_back(line);
  return out;
}

const std::vector<CaptionCue> kCues{{{{"hello", 1.0, 1.4}, {"big", 1.5, 1.7}, {"world", 1.8, 2.26}}},
                                    {{{"again", 3.0, 3.5}}}};

}  // namespace

TEST(AssDocument, WritesTimesInCentiseconds) {
  EXPECT_EQ(ass_time(0), "0:00:00.00");
  EXPECT_EQ(ass_time(61.234), "0:01:01.23");
  EXPECT_EQ(ass_time(3725.999), "1:02:06.00");
}

TEST(AssDocument, HighlightsTheSpokenWordOnly) {
  const auto& bold = *find_style("bold");
  EXPECT_EQ(cue_markup(kCues[0], 1, bold), "hello {\\c&H00FFFF&}big{\\r} world");
  const auto& pop = *find_style("pop");
  EXPECT_EQ(cue_markup(kCues[0], 0, pop), "{\\c&H00A5FF&\\fscx115\\fscy115}HELLO{\\r} BIG WORLD");
}

TEST(AssDocument, TheSpeakersStyleColoursEachSpeakersWords) {
  CaptionCue cue{{{"so", 0, 0.2}, {"yes", 0.3, 0.5}, {"no", 0.6, 0.8}}};
  cue.words[0].speaker = 1;
  cue.words[1].speaker = 2;
  cue.words[2].speaker = 6;  // colours cycle
  const auto& speakers = *find_style("speakers");
  EXPECT_EQ(cue_markup(cue, 0, speakers), "{\\c&H00FFFF&}so{\\r} {\\c&HFFE080&}yes{\\r} {\\c&HFFE080&}no{\\r}");
  // Without labels, or in another style, the words keep the style's text colour.
  EXPECT_EQ(cue_markup(kCues[0], 1, speakers), "hello {\\c&H00FFFF&}big{\\r} world");
  EXPECT_EQ(cue_markup(cue, 0, *find_style("bold")), "{\\c&H00FFFF&}so{\\r} yes no");
}

TEST(AssDocument, KeepsTranscriptBracesAndBackslashesOutOfTheMarkup) {
  const CaptionCue cue{{{"{\\b1}x", 0, 1}}};
  const std::string markup = cue_markup(cue, 1, *find_style("bold"));  // nothing spoken
  EXPECT_EQ(markup, "(/b1)x");
}

TEST(AssDocument, OneEventPerWordFromItsStartToTheNextWords) {
  const auto lines = dialogues(ass_document(kCues, *find_style("bold"), {1080, 1920}, {}));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "Dialogue: 0,0:00:01.00,0:00:01.50,Caption,,0,0,422,,{\\c&H00FFFF&}hello{\\r} big world");
  EXPECT_EQ(lines[1].substr(0, 33), "Dialogue: 0,0:00:01.50,0:00:01.80");
  EXPECT_EQ(lines[2].substr(0, 33), "Dialogue: 0,0:00:01.80,0:00:02.26");
  EXPECT_EQ(lines[3].substr(0, 33), "Dialogue: 0,0:00:03.00,0:00:03.50");
}

TEST(AssDocument, DeclaresTheFrameAndTheStyle) {
  const auto doc = ass_document(kCues, *find_style("boxed"), {1080, 1920}, {});
  EXPECT_NE(doc.find("PlayResX: 1080\nPlayResY: 1920\n"), std::string::npos);
  EXPECT_NE(doc.find("Style: Caption,DejaVu Sans,92,&H00FFFFFF,&H00FFFFFF,&H50000000,&H80000000,-1,0,0,0,100,100,0,0,3,"),
            std::string::npos);
}

TEST(AssDocument, PlacesACueOverAFaceAtTheTop) {
  const auto lines = dialogues(ass_document(kCues, *find_style("bold"), {1080, 1920}, {{0.9, 2.0, 1000, 1700}}));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_NE(lines[0].find(",230,,{\\an8}"), std::string::npos) << lines[0];
  EXPECT_EQ(lines[3].find("\\an8"), std::string::npos) << "the face is gone by then: " << lines[3];
}
