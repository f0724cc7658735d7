#pragma once

#include <cstdint>
#include <string>
#include <vector>

// One JSON value as the bundle reader receives it, before it knows what it should be: a record's
// fields can arrive before its "kind" says which register they belong to.
namespace isms::bundle {

struct RawValue {
  enum class Type : std::uint8_t { Null, Bool, Integer, Unsigned, Float, String, Array, Object };

  Type type = Type::Null;
  bool boolean = false;
  std::int64_t integer = 0;
  std::uint64_t unsigned_integer = 0;  // a whole number above INT64_MAX
  double real = 0;
  std::string text;
  std::vector<std::string> items;  // Array: its strings
  bool items_are_strings = true;   // Array: false if an item was anything but a string

  // The whole number it holds (Integer, Unsigned up to INT64_MAX, or a Float without fraction
  // in that range), or false.
  bool whole_number(std::int64_t& out) const;
};

// What the value is, for "must be X, not <this>": "text", "a whole number", "a list", ...
const char* describe(const RawValue& value);

}  // namespace isms::bundle
