#include "app/clip_report.h"

#include <gtest/gtest.h>

using namespace clipgen;

namespace {

jobs::PipelineResult one_clip() {
  jobs::PipelineResult r;
  jobs::ClipOutput c;
  c.number = 1;
  c.highlight.start = 12.3456;
  c.highlight.end = 40.0;
  c.highlight.title = "A Title That Is Quite Long Enough To Need Cutting Down For The Table Width";
  c.highlight.score = 8;
  c.highlight.reason = "Brisk delivery.";
  c.video = "/tmp/out/clip-01.mp4";
  c.thumbnail = "/tmp/out/clip-01.jpg";
  c.subtitles = "/tmp/out/clip-01.srt";
  c.duration = 27.66;
  r.clips.push_back(c);
  r.notes.push_back("only 1 clip fits");
  return r;
}

TEST(ClipsJson, HasTheDocumentedShapeWithRelativeFileNames) {
  const auto json = app::clips_json("/videos/talk.mp4", jobs::ClipSettings{}, one_clip());
  const auto& clip = json["clips"][0];
  for (const char* key : {"number", "start", "end", "duration", "title", "score", "reason", "text", "file", "thumbnail"})
    EXPECT_TRUE(clip.contains(key)) << key;
  EXPECT_EQ(clip["file"], "clip-01.mp4");
  EXPECT_EQ(clip["thumbnail"], "clip-01.jpg");
  EXPECT_DOUBLE_EQ(clip["start"].get<double>(), 12.346);
  EXPECT_EQ(json["source"], "talk.mp4");
  EXPECT_EQ(json["notes"][0], "only 1 clip fits");
}

TEST(ClipsTable, ShowsEachClipAndTheNotes) {
  const auto table = app::clips_table(one_clip());
  EXPECT_NE(table.find("0:12-0:40"), std::string::npos) << table;
  EXPECT_NE(table.find("..."), std::string::npos) << "long titles are shortened";
  EXPECT_NE(table.find("note: only 1 clip fits"), std::string::npos);
}

}  // namespace
