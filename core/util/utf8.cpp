#include "core/util/utf8.hpp"

namespace isms {

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  auto continues = [&](std::size_t at) { return at < n && (byte(at) & 0xC0u) == 0x80u; };

  while (i < n) {
    const unsigned char lead = byte(i);
    if (lead < 0x80u) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    unsigned long code_point = 0;
    unsigned long smallest = 0;  // below this the sequence is an overlong encoding
    if ((lead & 0xE0u) == 0xC0u) {
      length = 2;
      code_point = lead & 0x1Fu;
      smallest = 0x80;
    } else if ((lead & 0xF0u) == 0xE0u) {
      length = 3;
      code_point = lead & 0x0Fu;
      smallest = 0x800;
    } else if ((lead & 0xF8u) == 0xF0u) {
      length = 4;
      code_point = lead & 0x07u;
      smallest = 0x10000;
    } else {
      return false;  // a stray continuation byte or 0xF8..0xFF
    }
    for (std::size_t k = 1; k < length; ++k) {
      if (!continues(i + k)) return false;
      code_point = (code_point << 6) | (byte(i + k) & 0x3Fu);
    }
    if (code_point < smallest) return false;
    if (code_point >= 0xD800 && code_point <= 0xDFFF) return false;
    if (code_point > 0x10FFFF) return false;
    i += length;
  }
  return true;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0u) != 0x80u) ++count;
  }
  return count;
}

}  // namespace isms
