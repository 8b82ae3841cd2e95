#include "auth/service_keys.h"

#include <gtest/gtest.h>

#include <set>

namespace clipgen::auth {
namespace {

std::string from_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

TEST(ServiceKeys, HkdfMatchesRfc5869) {
  // RFC 5869, appendix A.1 (test case 1) and A.3 (test case 3: no salt, no info).
  const std::string ikm = from_hex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b");
  EXPECT_EQ(hkdf_sha256(ikm, from_hex("000102030405060708090a0b0c"), from_hex("f0f1f2f3f4f5f6f7f8f9"), 42),
            from_hex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
  EXPECT_EQ(hkdf_sha256(ikm, "", "", 42),
            from_hex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
}

TEST(ServiceKeys, EachPurposeHasItsOwnKey) {
  const auto keys = derive_service_keys("5f0c9e62d1a84b7397e0c3f1a6b25d48e9c70f13b2d4a6859e1f07c3d8b2a4e6");
  EXPECT_EQ(keys.tokens.size(), 32u);
  EXPECT_EQ(std::set<std::string>({keys.tokens, keys.links, keys.uploads}).size(), 3u);
  EXPECT_EQ(keys.links, derive_service_keys("5f0c9e62d1a84b7397e0c3f1a6b25d48e9c70f13b2d4a6859e1f07c3d8b2a4e6").links);
}

TEST(ServiceKeys, PredictableSecretsAreRefused) {
  for (const std::string& weak : {std::string(32, 'a'), std::string(40, ' '), std::string("short"),
                                 std::string("0123456789abcdef0123456789abcdef"), std::string("abcdefghijklmnopqrstuvwxyz0123456789"),
                                 std::string("passwordpassword"), std::string(" 5f0c9e62d1a84b7397e0c3f1a6b25d48e9c7")})
    EXPECT_TRUE(secret_key_problem(weak)) << "'" << weak << "'";
  // What `openssl rand -hex 16`, `-hex 32` and `-base64 32` made.
  for (const std::string good : {"9c1f3e7a0b5d2c84f6a1e3b907d4c2a5", "5f0c9e62d1a84b7397e0c3f1a6b25d48e9c70f13b2d4a6859e1f07c3d8b2a4e6",
                                 "q8Vn3xT0pZ7rK1wB9yL4mC6dF2hJ5sA+eG0uN8iO3/c="})
    EXPECT_FALSE(secret_key_problem(good)) << good << ": " << secret_key_problem(good).value_or("");
}

}  // namespace
}  // namespace clipgen::auth
