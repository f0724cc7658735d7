#include <doctest/doctest.h>

#include <limits>
#include <set>

#include "core/util/clock.hpp"
#include "core/util/number_text.hpp"
#include "core/util/text.hpp"
#include "core/util/utf8.hpp"
#include "core/util/uuid.hpp"

using namespace isms;

namespace {

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

}  // namespace

TEST_CASE("new_uuid makes distinct lowercase version 4 UUIDs") {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const std::string id = new_uuid();
    REQUIRE(id.size() == 36);
    for (std::size_t k = 0; k < id.size(); ++k) {
      if (k == 8 || k == 13 || k == 18 || k == 23) {
        CHECK(id[k] == '-');
      } else {
        CHECK(is_lower_hex(id[k]));
      }
    }
    CHECK(id[14] == '4');
    CHECK(std::string("89ab").find(id[19]) != std::string::npos);
    seen.insert(id);
  }
  CHECK(seen.size() == 200);
}

TEST_CASE("SystemClock gives UTC ISO 8601 to the second - FixedClock gives what it is told") {
  const std::string now = SystemClock().now_utc();
  REQUIRE(now.size() == 20);
  CHECK(now[4] == '-');
  CHECK(now[10] == 'T');
  CHECK(now[19] == 'Z');
  CHECK(now.substr(0, 2) == "20");

  FixedClock clock("2026-01-02T03:04:05Z");
  CHECK(clock.now_utc() == "2026-01-02T03:04:05Z");
  clock.set("2027-01-01T00:00:00Z");
  CHECK(clock.now_utc() == "2027-01-01T00:00:00Z");
}

TEST_CASE("UTF-8: strict validity and code point counting") {
  CHECK(is_valid_utf8("plain"));
  CHECK(is_valid_utf8("Łódź 🚀 Müller"));
  CHECK_FALSE(is_valid_utf8("\xC3"));              // truncated
  CHECK_FALSE(is_valid_utf8("\x80"));              // stray continuation byte
  CHECK_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  CHECK_FALSE(is_valid_utf8("\xFF"));

  CHECK(count_code_points("Łódź") == 4);
  CHECK(std::string("Łódź").size() == 7);
  CHECK(count_code_points("🚀") == 1);
  CHECK(count_code_points("") == 0);
}

TEST_CASE("trim removes ASCII whitespace only at the ends") {
  CHECK(trim("  a b \t\r\n") == "a b");
  CHECK(trim(" \t ") == "");
  CHECK(trim("Łódź ") == "Łódź");
  CHECK(is_blank(" \n\t"));
  CHECK_FALSE(is_blank(" x "));
  CHECK(to_lower_ascii("Asset Ł") == "asset Ł");
}

TEST_CASE("numbers: shortest exact text, strict parsing") {
  CHECK(format_double(0.1) == "0.1");
  CHECK(format_double(3.0) == "3");
  CHECK(format_double(-2.5) == "-2.5");
  CHECK(format_double(100.0) == "100");
  CHECK(format_double(1200.0) == "1200");
  CHECK(format_double(0.001) == "0.001");
  CHECK(format_double(123.456) == "123.456");
  CHECK(format_double(1e21) == "1e+21");
  CHECK(format_double(1.5e-8) == "1.5e-8");
  CHECK(format_double(-0.0) == "0");
  const double third = 1.0 / 3.0;
  CHECK(parse_double(format_double(third)) == third);
  const double tiny = std::numeric_limits<double>::denorm_min();
  CHECK(parse_double(format_double(tiny)) == tiny);
  const double huge = std::numeric_limits<double>::max();
  CHECK(parse_double(format_double(huge)) == huge);

  CHECK(parse_int64("42") == 42);
  CHECK(parse_int64("+7") == 7);
  CHECK(parse_int64("-9223372036854775808") == std::numeric_limits<std::int64_t>::min());
  CHECK_FALSE(parse_int64("9223372036854775808").has_value());
  CHECK_FALSE(parse_int64("4.5").has_value());
  CHECK_FALSE(parse_int64(" 4").has_value());
  CHECK_FALSE(parse_int64("").has_value());
  CHECK_FALSE(parse_int64("-").has_value());
  CHECK(parse_double("2.5e3") == 2500.0);
  CHECK(parse_double("-.5") == -0.5);
  CHECK_FALSE(parse_double("inf").has_value());
  CHECK_FALSE(parse_double("0x10").has_value());
  CHECK_FALSE(parse_double("1e").has_value());
  CHECK_FALSE(parse_double("1e999").has_value());
}
