#pragma once
// Password hashing with libsodium's Argon2id (crypto_pwhash_str): the salt and parameters are
// inside the returned string, so verify needs nothing else.
#include <cstddef>
#include <string>
#include <string_view>

namespace clipgen::auth {

struct HashCost {
  unsigned long long ops = 0;  // crypto_pwhash opslimit
  std::size_t memory = 0;      // crypto_pwhash memlimit, bytes
};

// libsodium's "interactive" limits (~64 MiB, a few tens of ms): the default for logins.
HashCost interactive_cost();
// libsodium's minimum limits: only for tests, where hashing speed matters more than strength.
HashCost minimum_cost();

// Throws std::runtime_error when the machine lacks the memory to hash.
std::string hash_password(std::string_view password, const HashCost& cost = interactive_cost());
// False for a wrong password and for a string that is not an Argon2id hash.
bool verify_password(std::string_view password, const std::string& hash);

}  // namespace clipgen::auth
