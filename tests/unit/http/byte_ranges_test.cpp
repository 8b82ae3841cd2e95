#include "http/byte_ranges.h"

#include <gtest/gtest.h>

using clipgen::http::ByteRange;
using clipgen::http::plan_ranges;
using Kind = clipgen::http::RangePlan::Kind;

namespace {

constexpr std::uint64_t kSize = 1000;
constexpr std::size_t kMax = 8;

std::vector<ByteRange> partial(std::string_view header) {
  const auto plan = plan_ranges(header, kSize, kMax);
  EXPECT_EQ(plan.kind, Kind::partial) << header;
  return plan.ranges;
}

TEST(ByteRanges, TheThreeFormsOfRange) {
  EXPECT_EQ(partial("bytes=0-99"), (std::vector<ByteRange>{{0, 99}}));
  EXPECT_EQ(partial("bytes=900-"), (std::vector<ByteRange>{{900, 999}}));
  EXPECT_EQ(partial("bytes=-100"), (std::vector<ByteRange>{{900, 999}}));
  EXPECT_EQ(partial("BYTES = 5-5"), (std::vector<ByteRange>{{5, 5}}));
}

TEST(ByteRanges, RangesAreClampedToTheFile) {
  EXPECT_EQ(partial("bytes=990-5000"), (std::vector<ByteRange>{{990, 999}}));
  EXPECT_EQ(partial("bytes=-5000"), (std::vector<ByteRange>{{0, 999}}));
  // A range past the end beside one inside: only the one inside.
  EXPECT_EQ(partial("bytes=2000-3000, 10-19"), (std::vector<ByteRange>{{10, 19}}));
}

TEST(ByteRanges, OverlappingAndTouchingRangesAreMergedInOrder) {
  EXPECT_EQ(partial("bytes=50-149,0-99"), (std::vector<ByteRange>{{0, 149}}));
  EXPECT_EQ(partial("bytes=0-9,10-19"), (std::vector<ByteRange>{{0, 19}}));
  EXPECT_EQ(partial("bytes=500-599,0-9,-1"), (std::vector<ByteRange>{{0, 9}, {500, 599}, {999, 999}}));
  EXPECT_EQ(partial("bytes=0-0,0-0,0-0"), (std::vector<ByteRange>{{0, 0}}));
}

TEST(ByteRanges, NothingInsideTheFileIsUnsatisfiable) {
  for (const std::string_view header : {"bytes=999999999-", "bytes=1000-1000", "bytes=-0", "bytes=1000-,2000-"}) {
    EXPECT_EQ(plan_ranges(header, kSize, kMax).kind, Kind::unsatisfiable) << header;
  }
  EXPECT_EQ(plan_ranges("bytes=0-", 0, kMax).kind, Kind::unsatisfiable);
  EXPECT_EQ(plan_ranges("bytes=-5", 0, kMax).kind, Kind::unsatisfiable);
}

TEST(ByteRanges, MalformedOrOtherUnitsAreIgnored) {
  for (const std::string_view header : {"", "bytes", "bytes=", "items=0-5", "bytes=5-1", "bytes=a-b", "bytes=0-5,x",
                                        "bytes=--5", "bytes=+5-6", "bytes=0-99999999999999999999999"}) {
    EXPECT_EQ(plan_ranges(header, kSize, kMax).kind, Kind::whole) << header;
  }
}

TEST(ByteRanges, TooManyRangesAreIgnored) {
  std::string header = "bytes=";
  for (int i = 0; i < 800; ++i) header += std::to_string(i) + "-" + std::to_string(i) + ",";
  EXPECT_EQ(plan_ranges(header, kSize, kMax).kind, Kind::whole);
  EXPECT_EQ(partial("bytes=0-0,2-2,4-4,6-6,8-8,10-10,12-12,14-14").size(), kMax);
  EXPECT_EQ(plan_ranges("bytes=0-0,2-2,4-4,6-6,8-8,10-10,12-12,14-14,16-16", kSize, kMax).kind, Kind::whole);
}

}  // namespace
