#include "auth/credentials.h"

#include <gtest/gtest.h>

#include <vector>

namespace clipgen::auth {
namespace {

TEST(Credentials, EmailsAreTrimmedAndLowercased) {
  EXPECT_EQ(normalize_email("  Ada.Lovelace@Example.COM "), "ada.lovelace@example.com");
  EXPECT_EQ(normalize_email("a+tag@sub.example.org"), "a+tag@sub.example.org");
}

TEST(Credentials, ImplausibleEmailsAreRejected) {
  const std::vector<std::string> bad_emails = {"", "   ", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com",
                                "a@b@example.com", "ada lovelace@example.com", "ada@exa mple.com", "ada@.example.com",
                                "ada@example.com.", "ada@example..com", "<ada@example.com>", "ada@exa_mple.com",
                                std::string("ada\n@example.com"), std::string(250, 'a') + "@example.com"};
  for (const auto& bad : bad_emails) {
    EXPECT_FALSE(normalize_email(bad)) << bad;
  }
}

TEST(Credentials, PasswordsNeedEightCharacters) {
  EXPECT_TRUE(password_problem("1234567"));
  EXPECT_EQ(*password_problem("short"), "the password must be at least 8 characters long");
  EXPECT_FALSE(password_problem("12345678"));
  EXPECT_FALSE(password_problem("a much longer pass phrase"));
  EXPECT_TRUE(password_problem(std::string(kMaxPasswordLength + 1, 'x')));
}

}  // namespace
}  // namespace clipgen::auth
