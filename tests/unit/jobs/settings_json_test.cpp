#include "jobs/settings_json.h"
#include "jobs/settings_validation.h"

#include <gtest/gtest.h>

namespace clipgen::jobs {
namespace {

TEST(SettingsJson, RoundTripsEveryField) {
  ClipSettings s;
  s.num_clips = 7;
  s.min_duration = 12.5;
  s.max_duration = 45;
  s.aspect = "1:1";
  s.layout = "fit";
  s.captions = true;
  s.caption_style = "minimal";
  s.language = "de";
  s.prompt = "the funniest moments";
  s.audio_track = 2;
  const auto back = settings_from_json(to_json(s));
  EXPECT_EQ(back.num_clips, 7);
  EXPECT_DOUBLE_EQ(back.min_duration, 12.5);
  EXPECT_DOUBLE_EQ(back.max_duration, 45);
  EXPECT_EQ(back.aspect, "1:1");
  EXPECT_EQ(back.layout, "fit");
  EXPECT_TRUE(back.captions);
  EXPECT_EQ(back.caption_style, "minimal");
  EXPECT_EQ(back.language, "de");
  EXPECT_EQ(back.prompt, "the funniest moments");
  EXPECT_EQ(back.audio_track, 2);
}

TEST(SettingsJson, MissingFieldsKeepDefaultsAndIntegersCountAsDurations) {
  const auto s = settings_from_json({{"num_clips", 3}, {"max_duration", 30}, {"unknown", "ignored"}});
  EXPECT_EQ(s.num_clips, 3);
  EXPECT_DOUBLE_EQ(s.max_duration, 30);
  EXPECT_DOUBLE_EQ(s.min_duration, ClipSettings{}.min_duration);
  EXPECT_EQ(s.aspect, ClipSettings{}.aspect);
}

TEST(SettingsJson, WrongTypesNameTheField) {
  try {
    settings_from_json({{"num_clips", "five"}});
    FAIL() << "accepted a string count";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "num_clips has the wrong type");
  }
  EXPECT_THROW(settings_from_json({{"num_clips", 2.5}}), std::invalid_argument);
  EXPECT_THROW(settings_from_json({{"captions", "yes"}}), std::invalid_argument);
  EXPECT_THROW(settings_from_json({{"aspect", 916}}), std::invalid_argument);
  EXPECT_THROW(settings_from_json(nlohmann::json::array()), std::invalid_argument);
}

TEST(SettingsJson, NumbersTooLargeForTheFieldAreRefusedNotWrapped) {
  // 4294967297 = 2^32 + 1 would wrap to 1 in an int.
  const auto big = nlohmann::json::parse(R"({"num_clips": 4294967297})");
  try {
    settings_from_json(big);
    FAIL() << "accepted 4294967297";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()), "num_clips is out of range");
  }
  EXPECT_THROW(settings_from_json(nlohmann::json::parse(R"({"num_clips": 18446744073709551615})")), std::invalid_argument);
  EXPECT_THROW(settings_from_json(nlohmann::json::parse(R"({"num_clips": -2147483649})")), std::invalid_argument);
  EXPECT_EQ(settings_from_json(nlohmann::json::parse(R"({"num_clips": 3})")).num_clips, 3);
}

TEST(SettingsValidation, ThePromptLimitCountsCharactersNotBytes) {
  ClipSettings s;
  s.prompt.clear();
  for (int i = 0; i < 1000; ++i) s.prompt += "\u20ac";  // 3,000 bytes, 1,000 characters
  EXPECT_FALSE(validate_settings(s));
  s.prompt = std::string(2000, 'x');
  EXPECT_FALSE(validate_settings(s));
  s.prompt += "\u20ac";
  ASSERT_TRUE(validate_settings(s));
  EXPECT_EQ(validate_settings(s)->field, "prompt");
}

}  // namespace
}  // namespace clipgen::jobs
