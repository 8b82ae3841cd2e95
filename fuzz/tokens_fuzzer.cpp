// Everything the API reads that claims to be signed: access tokens (JWT), direct-upload ids,
// signed file links. None may crash, and none made without the key may be accepted.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "api/signed_url.h"
#include "api/upload_token.h"
#include "auth/token.h"

namespace {

const std::string kKey = "fuzzing-key-5f0c9e62d1a84b7397e0c3f1a6b25d48";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  static const clipgen::auth::TokenIssuer tokens(kKey);
  try {
    tokens.verify(input, clipgen::auth::Clock::now());
    std::abort();  // a token the fuzzer made without the key verified
  } catch (const clipgen::auth::InvalidToken&) {
  }
  if (clipgen::api::read_upload_token(input, 0, kKey)) std::abort();
  const auto query = input.find('?');
  const clipgen::api::SignedUrl url{input.substr(0, query), 4102444800, query == std::string::npos ? "" : input.substr(query + 1)};
  if (clipgen::api::check_signature(url, 0, kKey) == clipgen::api::SignatureCheck::valid) std::abort();
  return 0;
}
