#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model/entity.hpp"
#include "core/model/field_error.hpp"
#include "core/model/value.hpp"

namespace isms {

// Thrown when a write is refused because of its values; nothing was written.
class ValidationError : public std::runtime_error {
 public:
  explicit ValidationError(std::vector<FieldError> errors);
  const std::vector<FieldError>& errors() const { return errors_; }
  // The message for one field, or "" if that field has none: handy for forms and tests.
  std::string message_for(const std::string& field) const;

 private:
  std::vector<FieldError> errors_;
};

// Every rule of the definition, field by field (in definition order), then the definition's
// record checks (skipped for a field that already has an error), unknown keys last.
// A field absent from `values` counts as null. An empty list means the values may be stored.
std::vector<FieldError> validate(const EntityDef& def, const std::map<std::string, Value>& values);

// The rules for one field's value (what a form checks as the person types).
std::optional<FieldError> validate_field(const FieldDef& field, const Value& value);

// The canonical form of a new record's values: text trimmed (fields with trim=true), empty
// text made null (so "nothing" has one representation in history and merges), numbers given
// their field's type ("3" or 3.0 in a Rating becomes the integer 3; an integer in a Number
// becomes a double), and defaults filled in for fields that are absent. Values that cannot be
// converted are kept as they are, for validate() to report. Unknown keys are kept too.
std::map<std::string, Value> normalise(const EntityDef& def, std::map<std::string, Value> values);

// The same canonical form for a partial update: only the given keys, no defaults.
std::map<std::string, Value> normalise_changes(const EntityDef& def, std::map<std::string, Value> changes);

// A status change allowed by the definition's lifecycle? Moving to the same value, from null,
// or in a register without a lifecycle is always allowed; clearing it is validate()'s business.
std::optional<FieldError> check_transition(const EntityDef& def, const Value& from, const Value& to);

}  // namespace isms
