#include "jobs/stage_clock.h"

#include <gtest/gtest.h>

namespace clipgen::jobs {
namespace {

using namespace std::chrono_literals;
const StageClock::Clock::time_point t0{};

TEST(StageClock, AStageEndsWhenTheNextIsFirstReported) {
  StageClock clock;
  EXPECT_FALSE(clock.report("probe", t0));
  EXPECT_FALSE(clock.report("probe", t0 + 100ms)) << "a repeated report is the same stage";
  const auto probe = clock.report("audio", t0 + 250ms);
  ASSERT_TRUE(probe);
  EXPECT_EQ(probe->stage, "probe");
  EXPECT_DOUBLE_EQ(probe->seconds, 0.25);
  const auto audio = clock.report("transcribe", t0 + 2s);
  ASSERT_TRUE(audio);
  EXPECT_EQ(audio->stage, "audio");
  EXPECT_DOUBLE_EQ(audio->seconds, 1.75);
}

TEST(StageClock, TheLastStageEndsWithTheJobAndOnlyOnce) {
  StageClock clock;
  EXPECT_FALSE(clock.finish(t0)) << "nothing ran";
  clock.report("render", t0);
  const auto render = clock.finish(t0 + 3s);
  ASSERT_TRUE(render);
  EXPECT_EQ(render->stage, "render");
  EXPECT_DOUBLE_EQ(render->seconds, 3.0);
  EXPECT_FALSE(clock.finish(t0 + 4s));
}

}  // namespace
}  // namespace clipgen::jobs
