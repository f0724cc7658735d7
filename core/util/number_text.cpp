#include "core/util/number_text.hpp"

#include <cerrno>
#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace isms {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Replaces the current locale's decimal separator with '.', in case the host program ever
// calls setlocale(): history text must not depend on it.
void force_decimal_point(char* text) {
  const char* point = std::localeconv()->decimal_point;
  if (point == nullptr || std::strcmp(point, ".") == 0) return;
  const std::size_t point_length = std::strlen(point);
  char* found = std::strstr(text, point);
  if (found == nullptr) return;
  *found = '.';
  std::memmove(found + 1, found + point_length, std::strlen(found + point_length) + 1);
}

bool looks_like_decimal(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < text.size() && is_digit(text[i])) {
    ++i;
    ++digits;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
      ++digits;
    }
  }
  if (digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < text.size() && is_digit(text[i])) {
      ++i;
      ++exponent_digits;
    }
    if (exponent_digits == 0) return false;
  }
  return i == text.size();
}

}  // namespace

std::string format_double(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // Floating-point std::to_chars is not in every standard library we build with (em++'s
  // libc++ lacks it), so find the fewest significant digits that read back exactly...
  char text[40];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*e", digits - 1, value);
    force_decimal_point(text);
    if (parse_double(text) == value) break;
  }
  // ...then lay them out as people write numbers: "100" and "0.001", not "1e+02" and "1e-03";
  // exponents only for very large or small magnitudes (the same cut-offs as JavaScript).
  const std::string scientific = text;
  const std::size_t e = scientific.find('e');
  const bool negative = scientific[0] == '-';
  std::string digits;
  for (std::size_t i = negative ? 1 : 0; i < e; ++i) {
    if (is_digit(scientific[i])) digits += scientific[i];
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int exponent = std::atoi(scientific.c_str() + e + 1);

  std::string result = negative ? "-" : "";
  if (exponent >= 21 || exponent < -7) {
    result += digits.substr(0, 1);
    if (digits.size() > 1) result.append(".").append(digits, 1);  // (not "." + ...: GCC 12 -Wrestrict false alarm)
    result += exponent < 0 ? "e-" : "e+";
    result += std::to_string(exponent < 0 ? -exponent : exponent);
  } else if (exponent >= 0) {
    const std::size_t whole = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= whole) {
      result += digits + std::string(whole - digits.size(), '0');
    } else {
      result += digits.substr(0, whole) + "." + digits.substr(whole);
    }
  } else {
    result += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  }
  return result == "-0" ? "0" : result;
}

std::optional<std::int64_t> parse_int64(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);  // from_chars refuses '+'
  if (digits.empty() || (digits.front() == '-' && digits.size() == 1)) return std::nullopt;
  if (digits.front() == '-' && !is_digit(digits[1])) return std::nullopt;
  if (digits.front() != '-' && !is_digit(digits.front())) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return value;
}

std::optional<double> parse_double(std::string_view text) {
  if (!looks_like_decimal(text)) return std::nullopt;
  std::string copy(text);
  // strtod reads the locale's decimal separator; translate '.' to it if it differs.
  const char* point = std::localeconv()->decimal_point;
  if (point != nullptr && std::strcmp(point, ".") != 0) {
    const std::size_t at = copy.find('.');
    if (at != std::string::npos) copy.replace(at, 1, point);
  }
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) return std::nullopt;
  if (errno == ERANGE && std::isinf(value)) return std::nullopt;
  return value;
}

}  // namespace isms
