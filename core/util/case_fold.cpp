#include "core/util/case_fold.hpp"

namespace isms {
namespace {

char32_t fold_code_point(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;  // À..Þ, not ×
  if (c >= 0x100 && c <= 0x137 && c != 0x130) return c | 1;  // Ā ā ... Ķ ķ pairs: the odd one is lower
  if (c >= 0x139 && c <= 0x148) return (c % 2 == 1) ? c + 1 : c;  // Ĺ ĺ ... Ň ň: the even one is lower
  if (c >= 0x14A && c <= 0x177) return c | 1;                       // Ŋ ŋ ... Ŷ ŷ
  if (c == 0x178) return 0xFF;                                      // Ÿ
  if (c >= 0x179 && c <= 0x17E) return (c % 2 == 1) ? c + 1 : c;    // Ź ź Ż ż Ž ž
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 32;        // Greek capitals
  if (c >= 0x410 && c <= 0x42F) return c + 32;                      // Cyrillic А..Я
  if (c >= 0x400 && c <= 0x40F) return c + 80;                      // Ѐ..Џ
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

std::string fold_case(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {  // the common case, without decoding
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 32 : byte);
      ++i;
      continue;
    }
    // Only two-byte sequences hold letters this folds (U+0080..U+07FF); longer ones are copied.
    if ((byte & 0xE0) == 0xC0 && i + 1 < text.size() && (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
      const char32_t c = (static_cast<char32_t>(byte & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
      if (c >= 0x80) {
        append_utf8(out, fold_code_point(c));
        i += 2;
        continue;
      }
    }
    out += text[i];
    ++i;
  }
  return out;
}

}  // namespace isms
