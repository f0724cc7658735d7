#include "core/bundle/bundle_format.hpp"

#include <algorithm>

#include "core/util/date.hpp"

namespace isms::bundle::format {
namespace {

constexpr bool is_digit(char c) { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The whole number of text[from, from + length), all digits.
std::optional<int> digits_at(std::string_view text, std::size_t from, std::size_t length) {
  int value = 0;
  for (std::size_t i = from; i < from + length; ++i) {
    if (!is_digit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

bool is_id(std::string_view text) {
  // A table, since every id and link of a bundle passes through here.
  static constexpr std::array<bool, 256> allowed = [] {
    std::array<bool, 256> table{};
    for (int c = 0; c < 256; ++c) {
      table[c] = is_alnum(static_cast<char>(c)) || c == '_' || c == '.' || c == ':' || c == '-';
    }
    return table;
  }();
  if (text.empty() || text.size() > max_id_length || !is_alnum(text.front())) return false;
  for (const char c : text) {
    if (!allowed[static_cast<unsigned char>(c)]) return false;
  }
  return true;
}

bool is_timestamp(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z') return false;
  if (!parse_date(text.substr(0, 10))) return false;
  const std::optional<int> hours = digits_at(text, 11, 2);
  const std::optional<int> minutes = digits_at(text, 14, 2);
  const std::optional<int> seconds = digits_at(text, 17, 2);
  return hours && minutes && seconds && *hours < 24 && *minutes < 60 && *seconds <= 60;  // 60: a leap second
}

bool is_sha256_hex(std::string_view text) {
  return text.size() == 64 &&
         std::all_of(text.begin(), text.end(), [](char c) { return is_digit(c) || (c >= 'a' && c <= 'f'); });
}

std::optional<std::array<long, 3>> app_version_numbers(std::string_view text) {
  if (text.size() > max_app_version_length) return std::nullopt;
  std::array<long, 3> numbers{};
  std::size_t at = 0;
  for (std::size_t part = 0; part < 3; ++part) {
    const std::size_t start = at;
    long value = 0;
    while (at < text.size() && is_digit(text[at]) && at - start < 9) value = value * 10 + (text[at++] - '0');
    if (at == start) return std::nullopt;
    numbers[part] = value;
    if (part < 2) {
      if (at >= text.size() || text[at] != '.') return std::nullopt;
      ++at;
    }
  }
  if (at == text.size()) return numbers;
  if (text[at] != '-' || at + 1 == text.size()) return std::nullopt;
  const bool suffix_ok = std::all_of(text.begin() + static_cast<std::ptrdiff_t>(at) + 1, text.end(),
                                     [](char c) { return is_alnum(c) || c == '.' || c == '-'; });
  return suffix_ok ? std::optional(numbers) : std::nullopt;
}

bool is_app_version(std::string_view text) { return app_version_numbers(text).has_value(); }

bool is_later_app_version(std::string_view theirs, std::string_view ours) {
  const auto their_numbers = app_version_numbers(theirs);
  const auto our_numbers = app_version_numbers(ours);
  return their_numbers && our_numbers && *their_numbers > *our_numbers;
}

}  // namespace isms::bundle::format
