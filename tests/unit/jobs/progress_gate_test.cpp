#include "jobs/progress_gate.h"

#include <gtest/gtest.h>

namespace clipgen::jobs {
namespace {

using namespace std::chrono_literals;
const ProgressGate::Clock::time_point t0{};

TEST(ProgressGate, AdmitsAtMostOneReportPerIntervalWithinAStage) {
  ProgressGate gate(250ms);
  EXPECT_TRUE(gate.admit("transcribe", t0));
  int admitted = 0;
  for (int ms = 1; ms <= 1000; ++ms) admitted += gate.admit("transcribe", t0 + std::chrono::milliseconds(ms));
  EXPECT_EQ(admitted, 4);  // at 250, 500, 750, 1000 ms
}

TEST(ProgressGate, ANewStageIsAlwaysAdmitted) {
  ProgressGate gate(250ms);
  EXPECT_TRUE(gate.admit("probe", t0));
  EXPECT_TRUE(gate.admit("audio", t0 + 1ms));
  EXPECT_FALSE(gate.admit("audio", t0 + 2ms));
  EXPECT_TRUE(gate.admit("transcribe", t0 + 3ms));
}

}  // namespace
}  // namespace clipgen::jobs
