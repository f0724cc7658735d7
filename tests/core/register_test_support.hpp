#pragma once

#include <doctest/doctest.h>

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "core/model/validation.hpp"
#include "core/model/value.hpp"

// What the tests of the registers share: short ways to write values, and what a refused write
// says.
namespace isms::test {

using Values = std::map<std::string, Value>;

inline Value text(std::string s) { return Value(std::move(s)); }
inline Value number(std::int64_t n) { return Value(n); }

// The field a refused write marks and the message it shows, or "(written)" if it was not refused.
struct Refusal {
  std::string field, message;
};

inline Refusal refusal(const std::function<void()>& write) {
  try {
    write();
  } catch (const ValidationError& error) {
    REQUIRE(error.errors().size() == 1);
    return {error.errors()[0].field, error.errors()[0].message};
  }
  return {"", "(written)"};
}

}  // namespace isms::test
