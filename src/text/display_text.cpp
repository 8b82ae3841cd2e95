#include "text/display_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "text/utf8.h"

namespace clipgen::text {
namespace {

bool dropped(UChar32 c) {
  const auto category = u_charType(c);
  return category == U_CONTROL_CHAR || category == U_FORMAT_CHAR;
}

}  // namespace

std::string display_text(std::string_view raw, std::size_t max_code_points) {
  const std::string valid = repair_utf8(raw);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU has no NFC data: ") + u_errorName(status));
  const icu::UnicodeString normal =
      nfc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(valid.data(), static_cast<int32_t>(valid.size()))),
                     status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("NFC normalisation failed: ") + u_errorName(status));
  icu::UnicodeString kept;
  for (int32_t i = 0; i < normal.length(); i = normal.moveIndex32(i, 1)) {
    const UChar32 c = normal.char32At(i);
    if (!dropped(c)) kept.append(c);
  }
  kept.trim();
  std::string out;
  kept.toUTF8String(out);
  return std::string(first_code_points(out, max_code_points));
}

std::string visible_words(std::string_view text) {
  const icu::UnicodeString all = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString out, word;
  bool shows = false;
  const auto end_word = [&] {
    if (shows) {
      if (!out.isEmpty()) out.append(UChar32(' '));
      out.append(word);
    }
    word.remove();
    shows = false;
  };
  for (int32_t i = 0; i < all.length(); i = all.moveIndex32(i, 1)) {
    const UChar32 c = all.char32At(i);
    if (u_isUWhiteSpace(c)) {
      end_word();
      continue;
    }
    word.append(c);
    const auto category = u_charType(c);
    if (!u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) && category != U_NON_SPACING_MARK &&
        category != U_ENCLOSING_MARK)
      shows = true;
  }
  end_word();
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace clipgen::text
