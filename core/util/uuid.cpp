#include "core/util/uuid.hpp"

#include <array>
#include <cstdint>
#include <random>

namespace isms {
namespace {

std::mt19937_64& generator() {
  // Seeded once from the system's entropy (in the browser std::random_device reads
  // crypto.getRandomValues); several words so the 64-bit engine gets a full seed.
  static std::mt19937_64 engine = [] {
    std::random_device entropy;
    std::seed_seq seed{entropy(), entropy(), entropy(), entropy(), entropy(), entropy(), entropy(), entropy()};
    return std::mt19937_64(seed);
  }();
  return engine;
}

}  // namespace

std::string new_uuid() {
  std::array<std::uint8_t, 16> bytes{};
  for (std::size_t half = 0; half < 2; ++half) {
    std::uint64_t word = generator()();
    for (std::size_t i = 0; i < 8; ++i) {
      bytes[half * 8 + i] = static_cast<std::uint8_t>(word & 0xffu);
      word >>= 8;
    }
  }
  bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0fu) | 0x40u);  // version 4
  bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3fu) | 0x80u);  // RFC 4122 variant

  static constexpr char hex[] = "0123456789abcdef";
  std::string text;
  text.reserve(36);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) text.push_back('-');
    text.push_back(hex[bytes[i] >> 4]);
    text.push_back(hex[bytes[i] & 0x0fu]);
  }
  return text;
}

}  // namespace isms
