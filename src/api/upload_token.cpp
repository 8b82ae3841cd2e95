#include "api/upload_token.h"

#include <sodium.h>

#include <nlohmann/json.hpp>
#include <vector>

#include "api/hmac_hex.h"
#include "text/json_text.h"

namespace clipgen::api {
namespace {

constexpr int kBase64 = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

// Its own purpose: an upload MAC is never a valid file-link MAC, nor the reverse.
std::string sign(std::string_view payload, std::string_view secret) {
  return hmac_sha256_hex(secret, std::string("clipgen-upload\n").append(payload));
}

std::string to_base64(const std::string& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kBase64), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), kBase64);
  out.resize(out.find('\0'));
  return out;
}

std::optional<std::string> from_base64(std::string_view text) {
  std::vector<unsigned char> out(text.size());
  std::size_t length = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &length, nullptr, kBase64) != 0)
    return std::nullopt;
  return std::string(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(length));
}

}  // namespace

std::string issue_upload_token(const UploadTicket& ticket, std::string_view secret) {
  const nlohmann::json claims = {{"u", ticket.user_id}, {"v", ticket.video_id}, {"k", ticket.storage_key},
                                 {"f", ticket.filename}, {"e", ticket.expires}};
  const std::string payload = to_base64(text::to_json_text(claims));
  return payload + "." + sign(payload, secret);
}

std::optional<UploadTicket> read_upload_token(std::string_view token, std::int64_t now, std::string_view secret) {
  const auto dot = token.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  const std::string_view payload = token.substr(0, dot);
  // The MAC first: nothing of an unsigned payload is parsed.
  if (!same_signature(token.substr(dot + 1), sign(payload, secret))) return std::nullopt;
  const auto json_text = from_base64(payload);
  if (!json_text) return std::nullopt;
  try {
    const auto claims = nlohmann::json::parse(*json_text);
    UploadTicket ticket{.user_id = claims.at("u").get<std::string>(),
                        .video_id = claims.at("v").get<std::string>(),
                        .storage_key = claims.at("k").get<std::string>(),
                        .filename = claims.at("f").get<std::string>(),
                        .expires = claims.at("e").get<std::int64_t>()};
    if (now > ticket.expires) return std::nullopt;
    return ticket;
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;  // signed by us, so only a format change could get here
  }
}

}  // namespace clipgen::api
