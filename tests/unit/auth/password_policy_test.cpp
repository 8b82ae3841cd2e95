#include "auth/password_policy.h"

#include <gtest/gtest.h>

namespace clipgen::auth {
namespace {

TEST(PasswordPolicy, CommonAndSimplePasswordsAreRefusedByCracklib) {
  const PasswordPolicy policy;
  for (const std::string weak : {"password", "Password1", "iloveyou", "qwertyuiop", "12345678", "aaaaaaaaaa", "letmein!"})
    EXPECT_TRUE(policy.problem(weak, "ada@example.com")) << weak;
  // The account's own name.
  EXPECT_TRUE(policy.problem("adalovelace", "adalovelace@example.com"));
  for (const std::string fine : {"correct horse battery", "Tr0ub4dor&3", "a much longer pass phrase"})
    EXPECT_FALSE(policy.problem(fine, "ada@example.com")) << fine;
  EXPECT_NE(policy.problem("password", "ada@example.com")->find("dictionary word"), std::string::npos);
}

TEST(PasswordPolicy, ANonexistentDictionaryIsAnErrorAtStartNotAPass) {
  EXPECT_THROW(PasswordPolicy("/nonexistent/cracklib_dict"), std::runtime_error);
}

}  // namespace
}  // namespace clipgen::auth
