#include "app/dotenv.h"

#include <gtest/gtest.h>

using clipgen::app::parse_dotenv;

namespace {

TEST(Dotenv, ReadsTheUsualForms) {
  const auto vars = parse_dotenv(
      "# settings\n"
      "SECRET_KEY=abc=def\n"
      "export DATABASE_URL = postgresql://u:p@localhost/db\n"
      "\n"
      "GEMINI_API_KEY=\"quoted # not a comment\"\n"
      "STORAGE_REGION='auto'\n"
      "CLIPGEN_PORT=8080 # trailing comment\n"
      "EMPTY=\n");
  ASSERT_EQ(vars.size(), 6u);
  EXPECT_EQ(vars[0], (std::pair<std::string, std::string>{"SECRET_KEY", "abc=def"}));
  EXPECT_EQ(vars[1].second, "postgresql://u:p@localhost/db");
  EXPECT_EQ(vars[2].second, "quoted # not a comment");
  EXPECT_EQ(vars[3].second, "auto");
  EXPECT_EQ(vars[4].second, "8080");
  EXPECT_EQ(vars[5].second, "");
}

TEST(Dotenv, NamesTheBadLine) {
  try {
    parse_dotenv("A=1\nthis is not a setting\n");
    FAIL();
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_dotenv("1ABC=x\n"), std::invalid_argument);
}

}  // namespace
