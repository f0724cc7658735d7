#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/field_error.hpp"
#include "core/model/record_context.hpp"
#include "core/model/value.hpp"

namespace isms {

// What a field holds. Text, LongText, Enum, Date, Email, Link (one record's id) and LinkList (a
// JSON array of ids, core/model/links.hpp) are stored as text; Integer and Rating as whole
// numbers; Number as a double.
enum class FieldType { Text, LongText, Enum, Date, Integer, Number, Rating, Email, Link, LinkList };

struct EnumOption {
  std::string value;  // stored, exported and merged: never changes once released
  std::string label;  // shown to people
};

// The link_kind of a Link that may point at a record of any register.
inline constexpr const char* any_kind = "(any)";  // not an identifier, so never a kind

struct FieldDef {
  std::string key;    // column and JSON name: [a-z][a-z0-9_]*
  std::string label;  // used in forms, table headers and validation messages
  FieldType type = FieldType::Text;
  bool required = false;
  std::vector<EnumOption> options;  // Enum only
  Value default_value;              // filled in when a new record leaves the field out
  std::optional<double> min, max;   // Integer, Number, Rating (Rating defaults to 1..5)
  std::size_t max_length = 0;       // code points; 0 = the type's default (see effective_max_length)
  std::string link_kind;            // Link and LinkList: the kind of record they point to (any_kind: any)
  bool part_of = false;             // Link only: this record belongs to the linked one (a KPI's
                                    // measurement): deleting that one deletes this one too
  bool computed = false;            // derived by the register's rules (a risk's score); what a
                                    // caller passes for it is replaced, never trusted
  bool trim = true;                 // trim ASCII whitespace at both ends before storing
  std::string help;                 // one line for the editor form

  const EnumOption* option(std::string_view value) const;
  // The option's label, or the value itself when it is not an option (old data, bad import).
  std::string option_label(std::string_view value) const;
};

std::size_t effective_max_length(const FieldDef& field);  // Text 200, LongText 20000, Email 254, ...
bool is_text_type(FieldType type);                        // stored as TEXT
bool is_integer_type(FieldType type);                     // stored as INTEGER
std::string_view to_string(FieldType type);

struct LifecycleDef {
  std::string field;                                             // the Enum field that holds the status
  std::vector<std::pair<std::string, std::string>> transitions;  // allowed from -> to
};

// A rule that looks at several fields of one record (the field rules see one value at a time):
// gets the normalised values, every field present, and names the field to mark if refused.
using RecordCheck = std::function<std::optional<FieldError>(const std::map<std::string, Value>& values)>;

// A rule that needs other records (a RACI row's one accountable role, a risk's method): gets the
// record's id and its complete normalised values, and may look up others through the context.
using ContextCheck = std::function<std::optional<FieldError>(const RecordContext& context, const std::string& id,
                                                             const std::map<std::string, Value>& values)>;

// Fills in the computed fields from the others (and from other records through the context).
// Runs before validation on every write, so stored computed values always match their inputs.
using DeriveFields = std::function<void(const RecordContext& context, std::map<std::string, Value>& values)>;

// The one definition of a register. Table, repository, validation, bundle, forms and CSV are
// all derived from it, so adding a register means adding one of these (core/model/registers/).
struct EntityDef {
  std::string kind;         // "asset": table suffix, bundle key, never changes
  std::string label;        // "Asset"
  std::string plural;       // "Assets"
  std::string title_field;  // the field shown as the record's title
  std::vector<FieldDef> fields;
  std::optional<LifecycleDef> lifecycle;
  std::vector<RecordCheck> checks;           // cross-field rules, e.g. "a decision needs a justification"
  std::vector<ContextCheck> context_checks;  // rules over several records, run after `checks` pass
  DeriveFields derive;                       // sets the `computed` fields; empty if there are none
  // Registers whose computed fields read this one's records (a risk's level reads the risk
  // method): after each write here, their live records are recomputed in the same change set.
  std::vector<std::string> recompute_after_write;
  bool single = false;  // one record per workspace, seeded with a fixed id: changed, never deleted

  const FieldDef* field(std::string_view key) const;
  std::string table() const;  // "rec_" + kind
};

}  // namespace isms
