#include "auth/password.h"

#include <gtest/gtest.h>

namespace clipgen::auth {
namespace {

TEST(Password, HashesVerifyOnlyTheRightPassword) {
  const auto hash = hash_password("correct horse battery", minimum_cost());
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_TRUE(verify_password("correct horse battery", hash));
  EXPECT_FALSE(verify_password("correct horse batterY", hash));
  EXPECT_FALSE(verify_password("", hash));
}

TEST(Password, EachHashHasItsOwnSalt) {
  const auto a = hash_password("same password", minimum_cost());
  const auto b = hash_password("same password", minimum_cost());
  EXPECT_NE(a, b);
  EXPECT_TRUE(verify_password("same password", a));
  EXPECT_TRUE(verify_password("same password", b));
}

TEST(Password, TheInteractiveCostIsTheDefaultAndVerifies) {
  const auto hash = hash_password("an interactive one");
  EXPECT_NE(hash.find("m=65536"), std::string::npos) << hash;  // 64 MiB, libsodium's interactive limit
  EXPECT_TRUE(verify_password("an interactive one", hash));
}

TEST(Password, GarbageAndOtherAlgorithmsNeverVerify) {
  EXPECT_FALSE(verify_password("x", ""));
  EXPECT_FALSE(verify_password("x", "not a hash"));
  EXPECT_FALSE(verify_password("password", "$2b$12$abcdefghijklmnopqrstuv"));  // bcrypt
  auto hash = hash_password("password", minimum_cost());
  hash.back() = hash.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(verify_password("password", hash));
}

}  // namespace
}  // namespace clipgen::auth
