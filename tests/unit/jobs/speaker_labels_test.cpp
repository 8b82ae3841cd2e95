#include <gtest/gtest.h>

#include "jobs/pipeline.h"

using clipgen::jobs::ClipOutput;
using clipgen::jobs::keep_speaker_labels;
using clipgen::speech::Transcript;
using clipgen::speech::Word;

TEST(KeepSpeakerLabels, LabelsTheClipsWordsInTheWholeTranscript) {
  Transcript t;
  t.words = {{"so", 9.5, 9.8}, {"tell", 10.2, 10.5}, {"me", 10.5, 10.7}, {"well", 12.0, 12.3}, {"after", 30, 30.4}};
  t.words[4].speaker = 3;  // from another clip: kept
  ClipOutput clip;
  clip.highlight.start = 10;
  clip.highlight.end = 20;
  clip.words = {{"tell", 0.2, 0.5}, {"me", 0.5, 0.7}, {"well", 2.0, 2.3}};
  clip.words[0].speaker = clip.words[1].speaker = 1;
  clip.words[2].speaker = 2;
  keep_speaker_labels(t, clip);
  EXPECT_EQ(t.words[0].speaker, 0);
  EXPECT_EQ(t.words[1].speaker, 1);
  EXPECT_EQ(t.words[2].speaker, 1);
  EXPECT_EQ(t.words[3].speaker, 2);
  EXPECT_EQ(t.words[4].speaker, 3);
  // Words that changed since the clip was made (another text) are left alone.
  t.words[3].text = "whale";
  t.words[3].speaker = 0;
  keep_speaker_labels(t, clip);
  EXPECT_EQ(t.words[3].speaker, 0);
}
