#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/bundle/bundle_json.hpp"
#include "core/bundle/raw_value.hpp"
#include "core/model/entity.hpp"
#include "core/model/value.hpp"

// One field value of a bundle record, from JSON to the stored form, checked against its
// definition: the JSON type its field type takes, the length limit, enum options, date and id
// shapes. The register's rules (required, ranges, record checks) are not checked here: the merge
// writes through the repository, which does.
namespace isms::bundle {

struct FieldProblem {
  BundleErrorCode code;
  std::string text;  // completes `field "Likelihood" ...`: "must be a whole number, not text"
};

// Sets `out` to the value, or returns what is wrong. Takes the raw value's text (moved, not copied).
std::optional<FieldProblem> read_field(const FieldDef& field, RawValue& raw, Value& out);

// `text` in quotes for a message, shortened (on a character boundary) when it is long: bundle
// text is untrusted, and a message must stay readable whatever it quotes.
std::string in_quotes(std::string_view text);

}  // namespace isms::bundle
