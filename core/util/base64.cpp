#include "core/util/base64.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace isms {
namespace {

constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::uint8_t invalid = 0xFF;

constexpr std::array<std::uint8_t, 256> decoding_table() {
  std::array<std::uint8_t, 256> table{};
  for (auto& entry : table) entry = invalid;
  for (std::uint8_t i = 0; i < 64; ++i) table[static_cast<unsigned char>(alphabet[i])] = i;
  return table;
}

constexpr std::array<std::uint8_t, 256> sextet_of = decoding_table();

std::uint8_t sextet(char c) { return sextet_of[static_cast<unsigned char>(c)]; }

}  // namespace

void append_base64(std::string& out, std::string_view bytes) {
  // Grown at least twofold when it must grow: reserving exactly what each call needs would copy
  // the whole text again for every file a bundle carries (libc++ reserves exactly).
  const std::size_t needed = out.size() + (bytes.size() + 2) / 3 * 4;
  if (needed > out.capacity()) out.reserve(std::max(needed, 2 * out.capacity()));
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t group = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8) | data[i + 2];
    const char quad[4] = {alphabet[group >> 18], alphabet[(group >> 12) & 63], alphabet[(group >> 6) & 63],
                          alphabet[group & 63]};
    out.append(quad, 4);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest == 1) {
    const std::uint32_t group = std::uint32_t{data[i]} << 16;
    const char quad[4] = {alphabet[group >> 18], alphabet[(group >> 12) & 63], '=', '='};
    out.append(quad, 4);
  } else if (rest == 2) {
    const std::uint32_t group = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8);
    const char quad[4] = {alphabet[group >> 18], alphabet[(group >> 12) & 63], alphabet[(group >> 6) & 63], '='};
    out.append(quad, 4);
  }
}

std::string base64_encode(std::string_view bytes) {
  std::string out;
  append_base64(out, bytes);
  return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
  if (text.size() % 4 != 0) return std::nullopt;
  std::size_t padding = 0;
  if (!text.empty() && text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
  std::string bytes;
  bytes.reserve(text.size() / 4 * 3);
  const std::size_t full = text.size() - (padding == 0 ? 0 : 4);  // groups without padding
  for (std::size_t i = 0; i < full; i += 4) {
    const std::uint8_t a = sextet(text[i]), b = sextet(text[i + 1]), c = sextet(text[i + 2]), d = sextet(text[i + 3]);
    if (((a | b | c | d) & 0xC0u) != 0) return std::nullopt;  // a character outside the alphabet
    const std::uint32_t group = (std::uint32_t{a} << 18) | (std::uint32_t{b} << 12) | (std::uint32_t{c} << 6) | d;
    bytes.push_back(static_cast<char>(group >> 16));
    bytes.push_back(static_cast<char>((group >> 8) & 0xFF));
    bytes.push_back(static_cast<char>(group & 0xFF));
  }
  if (padding != 0) {
    const std::string_view last = text.substr(full);
    const std::uint8_t a = sextet(last[0]), b = sextet(last[1]);
    if (a == invalid || b == invalid) return std::nullopt;
    if (padding == 2) {
      if ((b & 0x0F) != 0) return std::nullopt;  // bits that no byte uses must be zero
      bytes.push_back(static_cast<char>((a << 2) | (b >> 4)));
    } else {
      const std::uint8_t c = sextet(last[2]);
      if (c == invalid || (c & 0x03) != 0) return std::nullopt;
      bytes.push_back(static_cast<char>((a << 2) | (b >> 4)));
      bytes.push_back(static_cast<char>(((b & 0x0F) << 4) | (c >> 2)));
    }
  }
  return bytes;
}

}  // namespace isms
