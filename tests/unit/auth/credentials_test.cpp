#include "auth/credentials.h"

#include <gtest/gtest.h>

#include <vector>

namespace clipgen::auth {
namespace {

TEST(Credentials, EmailsAreTrimmedAndLowercased) {
  EXPECT_EQ(normalize_email("  Ada.Lovelace@Example.COM "), "ada.lovelace@example.com");
  EXPECT_EQ(normalize_email("a+tag@sub.example.org"), "a+tag@sub.example.org");
}

TEST(Credentials, LookalikesFoldToTheSameAddressOrAreRefused) {
  // Fullwidth letters and a ligature fold to plain ones (NFKC + case fold): the same account.
  EXPECT_EQ(normalize_email("\uFF21\uFF24\uFF21@example.com"), "ada@example.com");
  EXPECT_EQ(normalize_email("\uFB01sh@example.com"), "fish@example.com");
  EXPECT_EQ(normalize_email("ADA@EXAMPLE.COM"), "ada@example.com");
  // A Cyrillic 'а' among Latin letters, in the name or the domain: refused.
  EXPECT_NE(check_email("\u0430da@example.com").problem.find("scripts"), std::string::npos);
  EXPECT_NE(check_email("ada@ex\u0430mple.com").problem.find("scripts"), std::string::npos);
  // Invisible characters: refused, naming the character.
  EXPECT_NE(check_email("a\u200bda@example.com").problem.find("U+200B"), std::string::npos);
  EXPECT_FALSE(normalize_email("ada\u00ad@example.com"));  // soft hyphen
  EXPECT_FALSE(normalize_email("ada\u202e@example.com"));  // right-to-left override
  EXPECT_FALSE(normalize_email("ada\xff@example.com"));    // not UTF-8
  // One script throughout is fine, as are Japanese names with Latin.
  EXPECT_EQ(normalize_email("\u0410\u0434\u0430@example.com"), "\u0430\u0434\u0430@example.com");
  EXPECT_TRUE(normalize_email("\u5c71\u7530taro@example.jp"));
}

TEST(Credentials, ImplausibleEmailsAreRejected) {
  const std::vector<std::string> bad_emails = {"", "   ", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com",
                                "a@b@example.com", "ada lovelace@example.com", "ada@exa mple.com", "ada@.example.com",
                                "ada@example.com.", "ada@example..com", "<ada@example.com>", "ada@exa_mple.com",
                                std::string("ada\n@example.com"), std::string(250, 'a') + "@example.com",
                                "ada\u3000x@example.com"};
  for (const auto& bad : bad_emails) {
    EXPECT_FALSE(normalize_email(bad)) << bad;
  }
}

TEST(Credentials, PasswordsNeedEightCharactersNotOnlySpaces) {
  EXPECT_TRUE(password_problem("1234567"));
  EXPECT_EQ(*password_problem("short"), "the password must be at least 8 characters long");
  EXPECT_FALSE(password_problem("12345678"));
  EXPECT_FALSE(password_problem("a much longer pass phrase"));
  EXPECT_TRUE(password_problem(std::string(kMaxPasswordLength + 1, 'x')));
  EXPECT_EQ(*password_problem("        "), "the password may not be only spaces");
  EXPECT_TRUE(password_problem("\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000"));  // ideographic spaces
  // Characters, not bytes: four euro signs are 12 bytes but too short.
  EXPECT_TRUE(password_problem("\u20ac\u20ac\u20ac\u20ac"));
}

}  // namespace
}  // namespace clipgen::auth
