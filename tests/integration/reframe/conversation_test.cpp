// Conversations: a two-person talk built by tests/tools/make-conversation.sh, whose turns are
// known from its construction, framed as fill (cutting to whoever talks) and split, rendered,
// and checked in pictures the ffmpeg CLI decodes. The two people sit on backdrops of different
// colours, so a picture's colour says who is in it.
#include <gtest/gtest.h>

#include <cmath>

#include "media/renderer.h"
#include "reframe/clip_framing.h"
#include "reframe/face_sampler.h"
#include "support/conversation_turns.h"
#include "support/frame_faces.h"

namespace fs = std::filesystem;
using namespace clipgen::reframe;
using namespace clipgen::media;
using clipgen::testing::block_colours;
using clipgen::testing::faces_in;
using clipgen::testing::gray_frame;

namespace {

const fs::path kWork = fs::path(CLIPGEN_TEST_WORK_DIR) / "conversation";
const fs::path kConversation = fs::path(CLIPGEN_TEST_WORK_DIR) / "conversation.mp4";
constexpr int kW = 270, kH = 480;  // rendered small: the checks need colours and faces, not detail

using clipgen::testing::conversation_truth;
using Truth = clipgen::testing::ConversationTruth;

// Who is talking at t (0: nobody), counting interjections or not.
int talking_at(const Truth& truth, double t, bool interjections) {
  int who = 0;
  for (const auto& turn : truth.turns)
    if (turn.start <= t && t < turn.end && (interjections || !turn.interjection)) who = turn.speaker;
  return who;
}

std::vector<TimeSpan> voice_of(const Truth& truth) {
  std::vector<TimeSpan> voice;
  for (const auto& turn : truth.turns) voice.push_back({turn.start, turn.end});
  return voice;
}

using Colour = std::array<double, 3>;

double distance(const Colour& a, const Colour& b) {
  return std::hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

// The colours of the source's left and right halves: what each person's picture looks like.
std::pair<Colour, Colour> backdrops() {
  const auto source = block_colours(kConversation, 1, 2, 1);
  Colour left{}, right{};
  for (const auto& p : source)
    for (int c = 0; c < 3; ++c) {
      left[c] += p.blocks[0][c] / source.size();
      right[c] += p.blocks[1][c] / source.size();
    }
  return {left, right};
}

// Who a picture (or half of one) shows: 1 or 2, by the nearer backdrop colour.
int shown(const Colour& picture, const std::pair<Colour, Colour>& backdrops) {
  return distance(picture, backdrops.first) <= distance(picture, backdrops.second) ? 1 : 2;
}

fs::path render(const std::string& name, const ClipFraming& framing, double end) {
  fs::create_directories(kWork);
  const fs::path out = kWork / (name + ".mp4");
  render_clip(kConversation,
              {.start = 0, .end = end, .out_width = kW, .out_height = kH, .crop = framing.crop, .layout = framing.layout,
               .split = framing.split},
              out, 2, {});
  return out;
}

struct Sampled {
  Truth truth;
  FaceTrack track;
};

Sampled sampled() {
  Truth t = conversation_truth(kConversation);
  FaceDetector detector;
  return {t, sample_faces(kConversation, 0, t.duration, detector, {.threads = 2}, {})};
}

}  // namespace

TEST(Conversation, FillCutsToWhoeverTalksAndHoldsThroughInterjections) {
  const auto [truth, track] = sampled();
  const FramingRequest request{.layout = "fill", .out_width = kW, .out_height = kH, .fps = 25, .start = 0,
                               .end = truth.duration, .voice = voice_of(truth)};
  const auto framing = plan_framing(track, request);
  ASSERT_EQ(framing.layout, Layout::Fill);
  ASSERT_EQ(framing.conversation.people.size(), 2u);

  // Shots: none shorter than the minimum, none starting inside an interjection.
  const auto& turns = framing.conversation.turns;
  for (std::size_t k = 0; k < turns.size(); ++k) {
    if (k + 1 < turns.size()) {
      EXPECT_GE(turns[k].end - turns[k].start, request.turns.min_shot - 1e-9) << k;
    }
    for (const auto& turn : truth.turns) {
      if (turn.interjection) {
        EXPECT_FALSE(turn.start - 0.2 <= turns[k].start && turns[k].start <= turn.end + 0.2) << k;
      }
    }
  }
  const double switches_per_minute = 60.0 * double(turns.size() - 1) / truth.duration;
  RecordProperty("switches_per_minute", std::to_string(switches_per_minute));

  // In the rendered clip, the person shown is the one talking (interjections aside).
  const auto colours = backdrops();
  const auto pictures = block_colours(render("fill", framing, truth.duration), 5, 1, 1);
  int counted = 0, right = 0;
  for (const auto& p : pictures) {
    const int talking = talking_at(truth, p.t, false);
    if (talking == 0) continue;
    ++counted;
    right += shown(p.blocks[0], colours) == talking;
  }
  ASSERT_GT(counted, 100);
  const double share = double(right) / counted;
  std::printf("fill shows the talker in %.1f%% of %d pictures; %zu shots, %.1f switches a minute\n", 100 * share,
              counted, turns.size(), switches_per_minute);
  EXPECT_GE(share, 0.9);
}

TEST(Conversation, SplitStacksBothPeopleAndMarksWhoeverTalks) {
  const auto [truth, track] = sampled();
  const auto framing = plan_framing(track, {.layout = "auto", .out_width = kW, .out_height = kH, .fps = 25, .start = 0,
                                            .end = truth.duration, .voice = voice_of(truth)});
  ASSERT_EQ(framing.layout, Layout::Split) << "two people on screen who both talk";
  const fs::path video = render("split", framing, truth.duration);

  // The left person is on top and the right one below, all through.
  const auto colours = backdrops();
  for (const auto& p : block_colours(video, 2, 1, 2)) {
    EXPECT_EQ(shown(p.blocks[0], colours), 1) << p.t;
    EXPECT_EQ(shown(p.blocks[1], colours), 2) << p.t;
  }
  // In the middle of each turn: a whole face in each half, and the border on the talker's half.
  FaceDetector detector;
  for (const auto& turn : truth.turns) {
    if (turn.interjection) continue;
    const double t = (turn.start + turn.end) / 2;
    SCOPED_TRACE(t);
    const auto picture = gray_frame(video, t, kW, kH);
    for (int half = 0; half < 2; ++half) {
      // Each half on its own: the detector ignores faces under a seventh of the picture's height.
      const auto from = picture.pixels.begin() + static_cast<long>(half) * kW * (kH / 2);
      const clipgen::testing::GrayFrame part{kW, kH / 2, {from, from + kW * (kH / 2)}};
      const auto faces = faces_in(part, detector);
      ASSERT_FALSE(faces.empty()) << "no face in half " << half;
      const auto& f = faces.front();
      // Framed, not cut by the half's edges: centred across it, clear of its top and bottom.
      EXPECT_NEAR(f.cx(), kW / 2.0, kW / 6.0) << "half " << half;
      EXPECT_TRUE(f.y > 4 && f.y + f.h < kH / 2.0 - 4) << "half " << half;
    }
    // The border's rows (the first of each half) are bright; a backdrop's are dark.
    auto row_luma = [&](int y) {
      double sum = 0;
      for (int x = 0; x < kW; ++x) sum += picture.pixels[static_cast<std::size_t>(y) * kW + x];
      return sum / kW;
    };
    const double top_edge = row_luma(1), bottom_edge = row_luma(kH / 2 + 1);
    if (turn.speaker == 1) {
      EXPECT_GT(top_edge, bottom_edge + 60);
    } else {
      EXPECT_GT(bottom_edge, top_edge + 60);
    }
  }
}
