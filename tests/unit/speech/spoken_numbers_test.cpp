#include "speech/spoken_numbers.h"

#include <gtest/gtest.h>

namespace clipgen::speech {
namespace {

std::string said(std::string_view token) {
  const auto words = spoken_number(token);
  if (!words) return "<none>";
  std::string out;
  for (const auto& w : *words) out += (out.empty() ? "" : " ") + w;
  return out;
}

TEST(SpokenNumbers, CardinalsAsTheyAreSaid) {
  EXPECT_EQ(said("0"), "zero");
  EXPECT_EQ(said("1"), "one");
  EXPECT_EQ(said("15"), "fifteen");
  EXPECT_EQ(said("42"), "forty two");
  EXPECT_EQ(said("100"), "one hundred");
  EXPECT_EQ(said("2000"), "two thousand");
  EXPECT_EQ(said("2005"), "two thousand five");
  EXPECT_EQ(said("1000000"), "one million");
  EXPECT_EQ(said("123456789"), "one hundred twenty three million four hundred fifty six thousand seven hundred eighty nine");
}

TEST(SpokenNumbers, YearsAndOrdinals) {
  EXPECT_EQ(said("1984"), "nineteen eighty four");
  EXPECT_EQ(said("1900"), "nineteen hundred");
  EXPECT_EQ(said("1905"), "nineteen oh five");
  EXPECT_EQ(said("2024"), "twenty twenty four");
  EXPECT_EQ(said("1st"), "first");
  EXPECT_EQ(said("22nd"), "twenty second");
  EXPECT_EQ(said("3rd"), "third");
  EXPECT_EQ(said("20th"), "twentieth");
  EXPECT_EQ(said("100th"), "one hundredth");
}

TEST(SpokenNumbers, WhatIsNotANumberIsLeftAlone) {
  EXPECT_EQ(said("word"), "<none>");
  EXPECT_EQ(said("4x4"), "<none>");
  EXPECT_EQ(said("1234567890"), "<none>");  // ten digits: a phone number, not a count
  EXPECT_EQ(said(""), "<none>");
}

}  // namespace
}  // namespace clipgen::speech
