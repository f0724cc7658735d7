#include "core/model/validation.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/model/links.hpp"
#include "core/util/number_text.hpp"
#include "core/util/text.hpp"
#include "core/util/utf8.hpp"

namespace isms {
namespace {

constexpr const char* date_example = "2026-11-26";

std::vector<std::string> messages_of(const std::vector<FieldError>& errors) {
  std::vector<std::string> messages;
  messages.reserve(errors.size());
  for (const FieldError& error : errors) messages.push_back(error.message);
  return messages;
}

FieldError error(const FieldDef& field, std::string message) { return {field.key, std::move(message)}; }

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// YYYY-MM-DD with a real calendar day: 2026-02-29 is refused, 2028-02-29 accepted.
bool is_calendar_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int year = std::stoi(text.substr(0, 4));
  const int month = std::stoi(text.substr(5, 2));
  const int day = std::stoi(text.substr(8, 2));
  if (year < 1 || month < 1 || month > 12) return false;
  return day >= 1 && day <= days_in_month(year, month);
}

// Deliberately simple: one '@', something before it, and a dot with text on both sides in the
// part after it. Full RFC 5322 parsing would accept addresses no person means to type.
bool looks_like_email(const std::string& text) {
  const std::size_t at = text.find('@');
  if (at == std::string::npos || at == 0 || text.find('@', at + 1) != std::string::npos) return false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return false;
  }
  const std::string domain = text.substr(at + 1);
  const std::size_t dot = domain.rfind('.');
  return dot != std::string::npos && dot > 0 && dot + 1 < domain.size() && domain.front() != '.';
}

std::optional<FieldError> check_bounds(const FieldDef& field, double value) {
  std::optional<double> low = field.min;
  std::optional<double> high = field.max;
  if (field.type == FieldType::Rating) {
    if (!low) low = 1.0;
    if (!high) high = 5.0;
  }
  const bool too_low = low && value < *low;
  const bool too_high = high && value > *high;
  if (!too_low && !too_high) return std::nullopt;
  if (low && high) {
    return error(field, field.label + " must be between " + format_double(*low) + " and " + format_double(*high) + ".");
  }
  if (too_low) return error(field, field.label + " must be at least " + format_double(*low) + ".");
  return error(field, field.label + " must be at most " + format_double(*high) + ".");
}

std::optional<FieldError> check_link_list(const FieldDef& field, const std::string& text) {
  const std::optional<std::vector<std::string>> ids = parse_link_list(text);
  if (!ids) return error(field, field.label + " must be a list of record ids.");
  if (ids->size() > max_links_per_field) {
    return error(field, field.label + " has too many links (" + std::to_string(ids->size()) + "; at most " +
                            std::to_string(max_links_per_field) + ").");
  }
  for (const std::string& id : *ids) {
    if (id.size() > max_link_id_length) return error(field, field.label + " holds an id that is too long.");
  }
  return std::nullopt;
}

std::optional<FieldError> check_text(const FieldDef& field, const std::string& text) {
  if (!is_valid_utf8(text)) {
    return error(field, field.label + " contains characters that are not valid UTF-8 text.");
  }
  if (field.required && is_blank(text)) return error(field, field.label + " is required.");
  const std::size_t length = count_code_points(text);
  const std::size_t limit = effective_max_length(field);
  if (length > limit) {
    return error(field, field.label + " is too long (" + std::to_string(length) + " characters; at most " +
                            std::to_string(limit) + ").");
  }
  if (text.empty()) return std::nullopt;  // an empty optional field has no format to check

  switch (field.type) {
    case FieldType::Enum:
      if (field.option(text) == nullptr) {
        std::vector<std::string> labels;
        for (const EnumOption& option : field.options) labels.push_back(option.label);
        return error(field, field.label + " must be one of: " + join(labels, ", ") + ".");
      }
      break;
    case FieldType::Date:
      if (!is_calendar_date(text)) {
        return error(field, field.label + " must be a date like " + date_example + ".");
      }
      break;
    case FieldType::Email:
      if (!looks_like_email(text)) {
        return error(field, field.label + " must be an e-mail address like name@example.org.");
      }
      break;
    case FieldType::LinkList:
      return check_link_list(field, text);
    default:
      break;
  }
  return std::nullopt;
}

std::optional<FieldError> check_whole_number(const FieldDef& field, const Value& value) {
  const auto* integer = std::get_if<std::int64_t>(&value);
  if (integer == nullptr) return error(field, field.label + " must be a whole number.");
  return check_bounds(field, static_cast<double>(*integer));
}

std::optional<FieldError> check_number(const FieldDef& field, const Value& value) {
  double number = 0;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    number = static_cast<double>(*integer);
  } else if (const auto* real = std::get_if<double>(&value)) {
    number = *real;
  } else {
    return error(field, field.label + " must be a number.");
  }
  if (!std::isfinite(number)) return error(field, field.label + " must be a number.");
  return check_bounds(field, number);
}

}  // namespace

ValidationError::ValidationError(std::vector<FieldError> errors)
    : std::runtime_error(join(messages_of(errors), " ")), errors_(std::move(errors)) {}

std::string ValidationError::message_for(const std::string& field) const {
  for (const FieldError& error : errors_) {
    if (error.field == field) return error.message;
  }
  return {};
}

std::optional<FieldError> validate_field(const FieldDef& field, const Value& value) {
  if (is_null(value)) {
    if (field.required) return error(field, field.label + " is required.");
    return std::nullopt;
  }
  if (is_text_type(field.type)) {
    const auto* text = std::get_if<std::string>(&value);
    if (text == nullptr) return error(field, field.label + " must be text.");
    return check_text(field, *text);
  }
  if (is_integer_type(field.type)) return check_whole_number(field, value);
  return check_number(field, value);
}

std::vector<FieldError> validate(const EntityDef& def, const std::map<std::string, Value>& values) {
  std::vector<FieldError> errors;
  static const Value null_value;
  for (const FieldDef& field : def.fields) {
    const auto found = values.find(field.key);
    const Value& value = found != values.end() ? found->second : null_value;
    if (auto problem = validate_field(field, value)) errors.push_back(std::move(*problem));
  }
  if (!def.checks.empty()) {
    // A record check sees every field, absent ones as null, like the field rules above.
    std::map<std::string, Value> complete = values;
    for (const FieldDef& field : def.fields) complete.emplace(field.key, null_value);
    for (const RecordCheck& check : def.checks) {
      std::optional<FieldError> problem = check(complete);
      if (!problem) continue;
      // One message per field is enough: "X is too long" already says what to fix first.
      const bool already = std::any_of(errors.begin(), errors.end(),
                                       [&](const FieldError& known) { return known.field == problem->field; });
      if (!already) errors.push_back(std::move(*problem));
    }
  }
  for (const auto& [key, value] : values) {
    if (def.field(key) == nullptr) errors.push_back({key, "Unknown field '" + key + "'."});
  }
  return errors;
}

}  // namespace isms
