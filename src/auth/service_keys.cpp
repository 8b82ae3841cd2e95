#include "auth/service_keys.h"

#include <fmt/format.h>
#include <openssl/core_names.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <array>
#include <cctype>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace clipgen::auth {
namespace {

constexpr std::size_t kKeyBytes = 32;
// 32 random hex digits (128 bits) estimate at about 117; one character repeated at 0, a word
// at 40-60.
constexpr double kMinSecretBits = 100;

struct KdfFree {
  void operator()(EVP_KDF* kdf) const { EVP_KDF_free(kdf); }
  void operator()(EVP_KDF_CTX* ctx) const { EVP_KDF_CTX_free(ctx); }
};

OSSL_PARAM octets(const char* name, std::string_view bytes) {
  return OSSL_PARAM_construct_octet_string(name, const_cast<char*>(bytes.data()), bytes.size());
}

double estimated_bits(std::string_view secret) {
  std::array<std::size_t, 256> counts{};
  for (const char c : secret) ++counts[static_cast<unsigned char>(c)];
  double per_char = 0;
  for (const auto count : counts) {
    if (count == 0) continue;
    const double p = static_cast<double>(count) / static_cast<double>(secret.size());
    per_char -= p * std::log2(p);
  }
  return per_char * static_cast<double>(secret.size());
}

// True when `secret` is some shorter string written out two or more times.
bool repeats(std::string_view secret) {
  for (std::size_t period = 1; period <= secret.size() / 2; ++period) {
    if (secret.size() % period != 0) continue;
    bool same = true;
    for (std::size_t i = period; i < secret.size() && same; ++i) same = secret[i] == secret[i - period];
    if (same) return true;
  }
  return false;
}

// True when most neighbouring characters are consecutive ("abcdef...", "98765...").
bool runs(std::string_view secret) {
  std::size_t steps = 0;
  for (std::size_t i = 1; i < secret.size(); ++i) steps += std::abs(secret[i] - secret[i - 1]) == 1;
  return steps * 2 > secret.size();
}

}  // namespace

std::string hkdf_sha256(std::string_view key_material, std::string_view salt, std::string_view info,
                        std::size_t length) {
  std::unique_ptr<EVP_KDF, KdfFree> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
  if (!kdf) throw std::runtime_error("OpenSSL offers no HKDF");
  std::unique_ptr<EVP_KDF_CTX, KdfFree> ctx(EVP_KDF_CTX_new(kdf.get()));
  if (!ctx) throw std::runtime_error("out of memory for HKDF");
  char digest[] = "SHA256";
  std::array<OSSL_PARAM, 5> params = {
      OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0), octets(OSSL_KDF_PARAM_KEY, key_material),
      octets(OSSL_KDF_PARAM_SALT, salt), octets(OSSL_KDF_PARAM_INFO, info), OSSL_PARAM_construct_end()};
  std::string out(length, '\0');
  if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), out.size(), params.data()) != 1)
    throw std::runtime_error("HKDF-SHA256 failed");
  return out;
}

ServiceKeys derive_service_keys(std::string_view secret) {
  return {hkdf_sha256(secret, "", "clipgen access tokens", kKeyBytes),
          hkdf_sha256(secret, "", "clipgen file links", kKeyBytes),
          hkdf_sha256(secret, "", "clipgen upload ids", kKeyBytes)};
}

std::optional<std::string> secret_key_problem(std::string_view secret) {
  const std::string advice = "make one with: openssl rand -hex 32";
  if (secret.size() < kMinSecretKeyLength)
    return fmt::format("SECRET_KEY must be at least {} characters; {}", kMinSecretKeyLength, advice);
  if (std::isspace(static_cast<unsigned char>(secret.front())) || std::isspace(static_cast<unsigned char>(secret.back())))
    return "SECRET_KEY starts or ends with white space (a quoting mistake?); " + advice;
  if (repeats(secret)) return "SECRET_KEY is a shorter string repeated; " + advice;
  if (runs(secret)) return "SECRET_KEY is mostly a run of consecutive characters; " + advice;
  if (const double bits = estimated_bits(secret); bits < kMinSecretBits)
    return fmt::format("SECRET_KEY is too predictable (about {:.0f} bits, at least {:.0f} needed); {}", bits,
                       kMinSecretBits, advice);
  return std::nullopt;
}

}  // namespace clipgen::auth
