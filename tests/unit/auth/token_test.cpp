#include "auth/token.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <nlohmann/json.hpp>

namespace clipgen::auth {
namespace {

using namespace std::chrono_literals;

const std::string kSecret = "0123456789abcdef0123456789abcdef-test-secret";
const Clock::time_point kNow = Clock::time_point(std::chrono::seconds(1'800'000'000));

std::string base64url(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::string hs256(const std::string& input, const std::string& key) {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(input.data()), input.size());
  crypto_auth_hmacsha256_final(&state, mac);
  return base64url(std::string(reinterpret_cast<char*>(mac), sizeof mac));
}

// A token built by hand, the way an attacker would: any header, any claims, any signature.
std::string forge(const nlohmann::json& header, const nlohmann::json& claims, const std::string& key) {
  const auto signing_input = base64url(header.dump()) + "." + base64url(claims.dump());
  return signing_input + "." + (key.empty() ? "" : hs256(signing_input, key));
}

long seconds(Clock::time_point t) {
  return static_cast<long>(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}

TEST(Token, AnIssuedTokenVerifiesUntilItExpires) {
  const TokenIssuer issuer(kSecret, 1h);
  const auto issued = issuer.issue("user-1", "session-1", kNow);
  EXPECT_EQ(issued.expires_at, kNow + 1h);
  const auto claims = issuer.verify(issued.token, kNow + 59min);
  EXPECT_EQ(claims.user_id, "user-1");
  EXPECT_EQ(claims.session_id, "session-1");
  EXPECT_EQ(claims.expires_at, kNow + 1h);
  EXPECT_THROW(issuer.verify(issued.token, kNow + 1h), InvalidToken);
  EXPECT_THROW(issuer.verify(issued.token, kNow + 2h), InvalidToken);
}

// verify() remembers the tokens it verified: a remembered token still expires, a copy of it
// with one byte changed is still checked in full, and past the bound everything still verifies.
TEST(Token, ARememberedTokenStillExpiresAndItsTamperedCopiesAreStillRefused) {
  const TokenIssuer issuer(kSecret, 1h);
  const auto token = issuer.issue("user-1", "session-1", kNow).token;
  ASSERT_EQ(issuer.verify(token, kNow).user_id, "user-1");
  auto flipped = token;
  const auto signature = token.rfind('.');
  flipped[signature + 3] = flipped[signature + 3] == 'a' ? 'b' : 'a';
  EXPECT_THROW(issuer.verify(flipped, kNow), InvalidToken);
  EXPECT_THROW(issuer.verify(token.substr(0, signature), kNow), InvalidToken);
  EXPECT_THROW(issuer.verify(token, kNow + 1h), InvalidToken);
  EXPECT_EQ(issuer.verify(token, kNow + 59min).session_id, "session-1");

  for (std::size_t i = 0; i <= TokenIssuer::kMaxVerified; ++i) {
    const auto session = "session-" + std::to_string(i + 2);
    ASSERT_EQ(issuer.verify(issuer.issue("user-2", session, kNow).token, kNow).session_id, session);
  }
  EXPECT_EQ(issuer.verify(token, kNow).session_id, "session-1");
  EXPECT_THROW(issuer.verify(token, kNow + 1h), InvalidToken);
}

TEST(Token, AHandMadeHs256TokenWithTheRightKeyVerifies) {
  // Proves forge() matches what libjwt checks, so the rejections below are for the stated reason.
  const TokenIssuer issuer(kSecret);
  const auto token = forge({{"alg", "HS256"}, {"typ", "JWT"}}, {{"sub", "user-2"}, {"sid", "s"}, {"exp", seconds(kNow + 1h)}}, kSecret);
  EXPECT_EQ(issuer.verify(token, kNow).user_id, "user-2");
}

TEST(Token, ATokenWithoutASessionIsRefused) {
  // Tokens from before sessions existed could never be revoked: they are not honoured.
  const TokenIssuer issuer(kSecret);
  const auto token = forge({{"alg", "HS256"}, {"typ", "JWT"}}, {{"sub", "user-2"}, {"exp", seconds(kNow + 1h)}}, kSecret);
  EXPECT_THROW(issuer.verify(token, kNow), InvalidToken);
}

TEST(Token, AnotherKeyIsRejected) {
  const TokenIssuer issuer(kSecret);
  const TokenIssuer other("another-secret-of-at-least-32-bytes!!");
  EXPECT_THROW(issuer.verify(other.issue("user-1", "session-1", kNow).token, kNow), InvalidToken);
}

TEST(Token, ATamperedPayloadIsRejected) {
  const TokenIssuer issuer(kSecret);
  const auto token = issuer.issue("user-1", "session-1", kNow).token;
  const auto first_dot = token.find('.');
  const auto second_dot = token.find('.', first_dot + 1);
  const auto tampered = token.substr(0, first_dot + 1) +
                        base64url(nlohmann::json({{"sub", "admin"}, {"sid", "s"}, {"exp", seconds(kNow + 1h)}}).dump()) +
                        token.substr(second_dot);
  EXPECT_THROW(issuer.verify(tampered, kNow), InvalidToken);
  auto flipped = token;
  flipped[second_dot + 3] = flipped[second_dot + 3] == 'a' ? 'b' : 'a';
  EXPECT_THROW(issuer.verify(flipped, kNow), InvalidToken);
}

TEST(Token, AlgNoneIsRejected) {
  const TokenIssuer issuer(kSecret);
  const auto token = forge({{"alg", "none"}, {"typ", "JWT"}}, {{"sub", "admin"}, {"sid", "s"}, {"exp", seconds(kNow + 1h)}}, "");
  EXPECT_THROW(issuer.verify(token, kNow), InvalidToken);
}

TEST(Token, OtherAlgorithmsAreRejectedEvenWhenSignedWithTheSecret) {
  const TokenIssuer issuer(kSecret);
  const auto token = forge({{"alg", "HS512"}}, {{"sub", "user-1"}, {"sid", "s"}, {"exp", seconds(kNow + 1h)}}, kSecret);
  EXPECT_THROW(issuer.verify(token, kNow), InvalidToken);
}

TEST(Token, MissingExpiryOrSubjectIsRejected) {
  const TokenIssuer issuer(kSecret);
  EXPECT_THROW(issuer.verify(forge({{"alg", "HS256"}}, {{"sub", "user-1"}, {"sid", "s"}}, kSecret), kNow), InvalidToken);
  EXPECT_THROW(issuer.verify(forge({{"alg", "HS256"}}, {{"sid", "s"}, {"exp", seconds(kNow + 1h)}}, kSecret), kNow), InvalidToken);
}

TEST(Token, JunkIsRejected) {
  const TokenIssuer issuer(kSecret);
  for (const std::string junk : {"", "abc", "a.b.c", "....", "eyJhbGciOiJIUzI1NiJ9"})
    EXPECT_THROW(issuer.verify(junk, kNow), InvalidToken) << junk;
}

TEST(Token, AShortSecretIsRefused) {
  EXPECT_THROW(TokenIssuer("short"), std::invalid_argument);
}

}  // namespace
}  // namespace clipgen::auth
