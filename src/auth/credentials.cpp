#include "auth/credentials.h"

#include <fmt/format.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "text/utf8.h"

namespace clipgen::auth {
namespace {

constexpr std::size_t kMaxEmailLength = 254;  // RFC 5321 path limit

struct SpoofCheckerClose {
  void operator()(USpoofChecker* checker) const { uspoof_close(checker); }
};

// UTS #39 restriction level "highly restrictive": one script, or Latin with the Han-based
// combinations of Japanese, Chinese and Korean. Created once; checks on it are thread-safe.
const USpoofChecker& script_checker() {
  static const std::unique_ptr<USpoofChecker, SpoofCheckerClose> checker = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<USpoofChecker, SpoofCheckerClose> made(uspoof_open(&status));
    uspoof_setChecks(made.get(), USPOOF_RESTRICTION_LEVEL | USPOOF_MIXED_NUMBERS, &status);
    uspoof_setRestrictionLevel(made.get(), USPOOF_HIGHLY_RESTRICTIVE);
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU spoof checker: ") + u_errorName(status));
    return made;
  }();
  return *checker;
}

bool mixes_scripts(const icu::UnicodeString& part) {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t result = uspoof_check2UnicodeString(&script_checker(), part, nullptr, &status);
  return U_FAILURE(status) || result != 0;
}

bool invisible(UChar32 c) {
  return u_charType(c) == U_FORMAT_CHAR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool forbidden(UChar32 c) {
  return u_charType(c) == U_CONTROL_CHAR || u_isUWhiteSpace(c) || c == '<' || c == '>' || c == ',' || c == ';' ||
         c == '"';
}

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.find('.') == std::string_view::npos) return false;
  if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string_view::npos) return false;
  return std::all_of(domain.begin(), domain.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '.' ||
           static_cast<unsigned char>(c) >= 0x80;  // internationalized domains, UTF-8
  });
}

EmailCheck refuse(std::string problem) { return {std::nullopt, std::move(problem)}; }

}  // namespace

EmailCheck check_email(std::string_view raw) {
  if (!text::is_valid_utf8(raw)) return refuse("is not valid UTF-8");
  icu::UnicodeString email = icu::UnicodeString::fromUTF8(icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
  email.trim();
  for (int32_t i = 0; i < email.length(); i = email.moveIndex32(i, 1)) {
    const UChar32 c = email.char32At(i);
    if (invisible(c)) return refuse(fmt::format("contains an invisible character (U+{:04X})", static_cast<int>(c)));
    if (forbidden(c)) return refuse("contains a space, a control character or one of <>,;\"");
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU has no NFKC_Casefold data: ") + u_errorName(status));
  const icu::UnicodeString folded = fold->normalize(email, status);
  if (U_FAILURE(status)) return refuse("cannot be normalised");
  std::string out;
  folded.toUTF8String(out);
  if (out.empty() || out.size() > kMaxEmailLength) return refuse(fmt::format("must have 1 to {} bytes", kMaxEmailLength));
  const auto at = out.find('@');
  if (at == 0 || at == std::string::npos || out.find('@', at + 1) != std::string::npos)
    return refuse("is not an email address: it needs one @ with a name before it");
  const std::string_view domain = std::string_view(out).substr(at + 1);
  if (!valid_domain(domain)) return refuse("has no valid domain after the @");
  // Normalising may have brought in new forbidden characters (a fullwidth space, say).
  const icu::UnicodeString local = folded.tempSubString(0, folded.indexOf(u'@'));
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    if (forbidden(folded.char32At(i))) return refuse("contains a space, a control character or one of <>,;\"");
  }
  if (mixes_scripts(local)) return refuse("mixes letters of different scripts in the name before the @");
  std::size_t label_start = 0;
  while (label_start <= domain.size()) {
    const auto dot = std::min(domain.find('.', label_start), domain.size());
    const auto label = domain.substr(label_start, dot - label_start);
    if (mixes_scripts(icu::UnicodeString::fromUTF8(icu::StringPiece(label.data(), static_cast<int32_t>(label.size())))))
      return refuse("mixes letters of different scripts in its domain");
    label_start = dot + 1;
  }
  return {out, ""};
}

std::optional<std::string> normalize_email(std::string_view email) { return check_email(email).email; }

std::optional<std::string> password_problem(std::string_view password) {
  if (text::code_points(password) < kMinPasswordLength)
    return fmt::format("the password must be at least {} characters long", kMinPasswordLength);
  if (password.size() > kMaxPasswordLength)
    return fmt::format("the password must be at most {} bytes long", kMaxPasswordLength);
  const auto text = icu::UnicodeString::fromUTF8(icu::StringPiece(password.data(), static_cast<int32_t>(password.size())));
  bool all_space = true;
  for (int32_t i = 0; i < text.length() && all_space; i = text.moveIndex32(i, 1)) all_space = u_isUWhiteSpace(text.char32At(i));
  if (all_space) return "the password may not be only spaces";
  return std::nullopt;
}

}  // namespace clipgen::auth
