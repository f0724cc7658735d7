#include "core/bundle/field_reader.hpp"

#include <cmath>
#include <utility>
#include <vector>

#include "core/bundle/bundle_format.hpp"
#include "core/model/links.hpp"
#include "core/util/date.hpp"
#include "core/util/utf8.hpp"

namespace isms::bundle {
namespace {

FieldProblem wrong_type(const std::string& expected, const RawValue& raw) {
  return {BundleErrorCode::WrongType, "must be " + expected + ", not " + describe(raw)};
}

std::string expected_text(const FieldDef& field) {
  switch (field.type) {
    case FieldType::Date:
      return std::string("a date like ") + format::date_example;
    case FieldType::Link:
      return "a record id";
    default:
      return "text";
  }
}

std::string option_values(const FieldDef& field) {
  std::string values;
  for (const EnumOption& option : field.options) {
    if (!values.empty()) values += ", ";
    values += option.value;
  }
  return values;
}

std::optional<FieldProblem> read_link_list(const FieldDef& field, RawValue& raw, Value& out) {
  if (raw.type != RawValue::Type::Array) return wrong_type("a list of record ids", raw);
  if (!raw.items_are_strings) return FieldProblem{BundleErrorCode::WrongType, "must hold only record ids (text)"};
  if (raw.items.size() > max_links_per_field) {
    return FieldProblem{BundleErrorCode::TooLong, "has too many links (" + std::to_string(raw.items.size()) +
                                                      "; at most " + std::to_string(max_links_per_field) + ")"};
  }
  for (const std::string& id : raw.items) {
    if (!format::is_id(id))
      return FieldProblem{BundleErrorCode::BadValue, "holds " + in_quotes(id) + ", which is not a record id"};
  }
  out = link_list(std::move(raw.items));  // canonical: sorted, no duplicates; an empty list is null
  return std::nullopt;
}

std::optional<FieldProblem> read_text(const FieldDef& field, RawValue& raw, Value& out) {
  if (raw.type != RawValue::Type::String) return wrong_type(expected_text(field), raw);
  const std::size_t length = count_code_points(raw.text);
  const std::size_t limit = effective_max_length(field);
  if (length > limit) {
    return FieldProblem{BundleErrorCode::TooLong, "is too long (" + std::to_string(length) + " characters; at most " +
                                                      std::to_string(limit) + ")"};
  }
  switch (field.type) {
    case FieldType::Enum:
      if (field.option(raw.text) == nullptr) {
        return FieldProblem{BundleErrorCode::UnknownEnumValue,
                            "has the value " + in_quotes(raw.text) + ", which is not one of: " + option_values(field)};
      }
      break;
    case FieldType::Date:
      if (!parse_date(raw.text)) {
        return FieldProblem{BundleErrorCode::BadValue, "must be a date like " + std::string(format::date_example) +
                                                           ", not " + in_quotes(raw.text)};
      }
      break;
    case FieldType::Link:
      if (!format::is_id(raw.text)) {
        return FieldProblem{BundleErrorCode::BadValue, "must be a record id, not " + in_quotes(raw.text)};
      }
      break;
    default:
      break;
  }
  out = std::move(raw.text);
  return std::nullopt;
}

}  // namespace

std::optional<FieldProblem> read_field(const FieldDef& field, RawValue& raw, Value& out) {
  if (raw.type == RawValue::Type::Null) {
    out = std::monostate{};
    return std::nullopt;
  }
  if (field.type == FieldType::LinkList) return read_link_list(field, raw, out);
  if (is_text_type(field.type)) return read_text(field, raw, out);
  if (is_integer_type(field.type)) {
    std::int64_t whole = 0;
    if (!raw.whole_number(whole)) return wrong_type("a whole number", raw);
    out = whole;
    return std::nullopt;
  }
  switch (raw.type) {  // FieldType::Number
    case RawValue::Type::Integer:
      out = static_cast<double>(raw.integer);
      return std::nullopt;
    case RawValue::Type::Unsigned:
      out = static_cast<double>(raw.unsigned_integer);
      return std::nullopt;
    case RawValue::Type::Float:
      if (!std::isfinite(raw.real)) return FieldProblem{BundleErrorCode::BadValue, "is too large a number"};
      out = raw.real;
      return std::nullopt;
    default:
      return wrong_type("a number", raw);
  }
}

std::string in_quotes(std::string_view text) {
  constexpr std::size_t shown = 60;  // code points
  std::size_t end = text.size();
  if (count_code_points(text) > shown) {
    end = 0;
    for (std::size_t points = 0; end < text.size(); ++end) {
      if ((static_cast<unsigned char>(text[end]) & 0xC0u) != 0x80u && points++ == shown) break;
    }
  }
  // Appended piece by piece: GCC 12 warns falsely (-Wrestrict) about "\"" + std::string(...).
  std::string result;
  result.reserve(end + 5);
  result.push_back('"');
  result.append(text.substr(0, end));
  if (end < text.size()) result.append("…");
  result.push_back('"');
  return result;
}

}  // namespace isms::bundle
