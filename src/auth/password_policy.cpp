#include "auth/password_policy.h"

#include <cstddef>  // crack.h uses size_t without including it
#include <crack.h>
#include <fmt/format.h>

#include <mutex>
#include <stdexcept>

#include "auth/credentials.h"

namespace clipgen::auth {
namespace {

std::mutex cracklib_mutex;  // FascistCheck keeps static state

// cracklib's verdict, or nullptr when it has no objection.
const char* cracklib_verdict(const std::string& password, const std::string& dictionary, const std::string& user) {
  std::lock_guard lock(cracklib_mutex);
  return FascistCheckUser(password.c_str(), dictionary.c_str(), user.c_str(), nullptr);
}

constexpr std::string_view kDictionaryError = "error loading dictionary";

}  // namespace

PasswordPolicy::PasswordPolicy(std::string dictionary)
    : dictionary_(dictionary.empty() ? GetDefaultCracklibDict() : std::move(dictionary)) {
  // A word every dictionary holds must be refused for being one; anything else means no dictionary.
  const char* verdict = cracklib_verdict("password", dictionary_, "");
  if (!verdict || verdict == kDictionaryError)
    throw std::runtime_error(fmt::format(
        "cannot read cracklib's dictionary at {} (install cracklib-runtime, or run update-cracklib)", dictionary_));
}

std::optional<std::string> PasswordPolicy::problem(std::string_view password, std::string_view email) const {
  if (auto basic = password_problem(password)) return basic;
  const std::string local_part(email.substr(0, email.find('@')));
  if (const char* verdict = cracklib_verdict(std::string(password), dictionary_, local_part))
    return fmt::format("the password is too easy to guess ({}); try a few unrelated words", verdict);
  return std::nullopt;
}

}  // namespace clipgen::auth
