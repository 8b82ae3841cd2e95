#include "text/json_text.h"

#include <gtest/gtest.h>

namespace clipgen::text {
namespace {

TEST(JsonText, TextThatIsNotUtf8NeverThrows) {
  const nlohmann::json value = {{"filename", "caf\xE9.mp4"}, {"n", 1}};
  EXPECT_THROW((void)value.dump(), nlohmann::json::type_error);  // what the API used to do: a 500
  const auto text = to_json_text(value);
  EXPECT_EQ(text, "{\"filename\":\"caf\uFFFD.mp4\",\"n\":1}");
  EXPECT_EQ(nlohmann::json::parse(text)["filename"], "caf\uFFFD.mp4");
  EXPECT_EQ(to_json_text({{"a", 1}}, 2), "{\n  \"a\": 1\n}");
}

}  // namespace
}  // namespace clipgen::text
