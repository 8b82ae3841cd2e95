// A clip of a conversation made as the pipeline makes it: words heard by pocketsphinx, the
// layout left to auto (split, as both people talk). Who says each word is checked against the talk's construction
// (tests/tools/make-conversation.sh writes who speaks when).
#include <gtest/gtest.h>

#include <fstream>
#include <ranges>

#include "captions/caption_style.h"
#include "jobs/clip_maker.h"
#include "media/audio_extract.h"
#include "speech/pocketsphinx_transcriber.h"
#include "speech/transcript_format.h"
#include "support/conversation_turns.h"
#include "support/frames.h"

namespace fs = std::filesystem;
using namespace clipgen;

namespace {

const fs::path kWork = fs::path(CLIPGEN_TEST_WORK_DIR) / "conversation-clip";
const fs::path kConversation = fs::path(CLIPGEN_TEST_WORK_DIR) / "conversation.mp4";
// The clip: the first 30 s, which hold turns of both people and an interjection.
constexpr double kEnd = 30;

std::string read(const fs::path& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), {}};
}

}  // namespace

TEST(ConversationClip, WordsAreLabelledWithWhoSaysThemAndCaptionedInTheirColour) {
  const auto info = media::probe(kConversation);
  ASSERT_FALSE(info.audio_tracks.empty());
  const auto samples = media::decode_audio_window(kConversation, info.audio_tracks[0].stream_index, 0, kEnd);
  speech::PocketsphinxTranscriber engine(speech::installed_pocketsphinx(2));
  const auto transcript = engine.transcribe(speech::with_voice_activity(samples), "en", {});

  fs::create_directories(kWork);
  jobs::ClipSettings settings;  // layout auto
  settings.captions = true;
  settings.caption_style = "speakers";
  jobs::ClipOutput clip;
  clip.highlight.start = 0;
  clip.highlight.end = kEnd;
  clip.video = kWork / "clip.mp4";
  clip.thumbnail = kWork / "clip.jpg";
  clip.subtitles = kWork / "clip.srt";
  clip.captions = kWork / "clip.ass";
  reframe::FaceDetector detector;
  jobs::make_clip(kConversation, info, settings, transcript, -1, clip, 2, detector, [](double) {});

  // Each word heard inside a turn carries the label of the person whose turn it is.
  const auto truth = clipgen::testing::conversation_truth(kConversation).turns;
  int counted = 0, right = 0;
  for (const auto& w : clip.words) {
    const double mid = (w.start + w.end) / 2;
    for (const auto& turn : truth)
      if (turn.start <= mid && mid < turn.end && turn.end <= kEnd) {
        ++counted;
        right += w.speaker == turn.speaker;
      }
  }
  ASSERT_GE(counted, 30) << clip.words.size() << " words, " << truth.size() << " turns";
  const double share = double(right) / counted;
  std::printf("%d of %d words labelled with who says them (%.1f%%)\n", right, counted, 100 * share);
  EXPECT_GE(share, 0.9);

  // The subtitles name each turn's speaker; the whole transcript keeps the labels.
  const auto srt = read(clip.subtitles);
  EXPECT_NE(srt.find("Speaker 1: "), std::string::npos) << srt;
  EXPECT_NE(srt.find("Speaker 2: "), std::string::npos) << srt;
  // The burned captions colour each speaker's words: both colours of the style are used.
  const auto ass = read(clip.captions);
  for (const auto& colour : captions::find_style("speakers")->speaker_colours | std::views::take(2))
    EXPECT_NE(ass.find("\\c" + colour + "&"), std::string::npos) << colour;
  auto labelled = transcript;
  jobs::keep_speaker_labels(labelled, clip);
  int kept = 0;
  for (const auto& w : labelled.words) kept += w.speaker > 0;
  EXPECT_GE(kept, counted);
  EXPECT_EQ(clip.width, 1080);
  EXPECT_EQ(clip.height, 1920);
  // Auto chose split, both people talking: the left one (on a red backdrop) above, the right one
  // (on a blue one) below, in pictures the ffmpeg CLI decodes.
  for (const auto& p : clipgen::testing::block_colours(clip.video, 0.5, 1, 2)) {
    SCOPED_TRACE(p.t);
    const double top_redness = p.blocks[0][0] - p.blocks[0][2], bottom_redness = p.blocks[1][0] - p.blocks[1][2];
    EXPECT_GT(top_redness, 0);
    EXPECT_LT(bottom_redness, 0);
    EXPECT_GT(top_redness - bottom_redness, 80);  // the backdrops differ by about 150; captions take some
  }
}
