#include "core/model/definition_check.hpp"

#include <algorithm>
#include <set>

#include "core/model/links.hpp"
#include "core/model/validation.hpp"

namespace isms {
namespace {

bool is_identifier(const std::string& name) {
  if (name.empty() || name.size() > 48 || name[0] < 'a' || name[0] > 'z') return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

void check_field(const EntityDef& def, const FieldDef& field, std::vector<std::string>& problems) {
  const std::string where = def.kind + "." + field.key + ": ";
  if (!is_identifier(field.key)) problems.push_back(where + "key must match [a-z][a-z0-9_]*");
  const auto& reserved = system_columns();
  if (std::find(reserved.begin(), reserved.end(), field.key) != reserved.end()) {
    problems.push_back(where + "key is a system column");
  }
  if (field.label.empty()) problems.push_back(where + "label is empty");
  if (field.type == FieldType::Enum) {
    if (field.options.empty()) problems.push_back(where + "an Enum needs options");
    std::set<std::string> seen;
    for (const EnumOption& option : field.options) {
      if (option.value.empty() || option.label.empty()) {
        problems.push_back(where + "option without value or label");
      }
      if (!seen.insert(option.value).second) problems.push_back(where + "option '" + option.value + "' twice");
    }
  } else if (!field.options.empty()) {
    problems.push_back(where + "only Enum fields have options");
  }
  if (is_link_type(field.type) && field.link_kind.empty()) problems.push_back(where + "a link field needs link_kind");
  if (!is_link_type(field.type) && !field.link_kind.empty()) problems.push_back(where + "only links have link_kind");
  if (field.part_of && field.type != FieldType::Link) problems.push_back(where + "part_of needs a single Link");
  if (field.min && field.max && *field.min > *field.max) problems.push_back(where + "min is above max");
  if (!is_null(field.default_value)) {
    if (auto problem = validate_field(field, field.default_value)) {
      problems.push_back(where + "default is invalid: " + problem->message);
    }
  }
}

void check_lifecycle(const EntityDef& def, std::vector<std::string>& problems) {
  const LifecycleDef& lifecycle = *def.lifecycle;
  const FieldDef* status = def.field(lifecycle.field);
  if (status == nullptr || status->type != FieldType::Enum) {
    problems.push_back(def.kind + ": lifecycle field '" + lifecycle.field + "' is not an Enum field");
    return;
  }
  for (const auto& [from, to] : lifecycle.transitions) {
    if (status->option(from) == nullptr || status->option(to) == nullptr) {
      problems.push_back(def.kind + ": lifecycle transition " + from + " -> " + to + " uses an unknown status");
    }
  }
}

}  // namespace

const std::vector<std::string>& system_columns() {
  static const std::vector<std::string> columns = {"id",         "created_at", "created_by", "updated_at",
                                                   "updated_by", "revision",   "deleted"};
  return columns;
}

std::vector<std::string> definition_problems(const EntityDef& def) {
  std::vector<std::string> problems;
  if (!is_identifier(def.kind)) problems.push_back("kind '" + def.kind + "' must match [a-z][a-z0-9_]*");
  if (def.label.empty() || def.plural.empty()) problems.push_back(def.kind + ": label and plural are required");
  if (def.fields.empty()) problems.push_back(def.kind + ": a register needs at least one field");
  std::set<std::string> keys;
  for (const FieldDef& field : def.fields) {
    if (!keys.insert(field.key).second) problems.push_back(def.kind + "." + field.key + ": key used twice");
    check_field(def, field, problems);
  }
  if (def.field(def.title_field) == nullptr) {
    problems.push_back(def.kind + ": title_field '" + def.title_field + "' is not a field");
  }
  if (def.lifecycle) check_lifecycle(def, problems);
  for (const RecordCheck& check : def.checks) {
    if (!check) problems.push_back(def.kind + ": a record check is empty");
  }
  for (const ContextCheck& check : def.context_checks) {
    if (!check) problems.push_back(def.kind + ": a context check is empty");
  }
  const bool has_computed =
      std::any_of(def.fields.begin(), def.fields.end(), [](const FieldDef& field) { return field.computed; });
  if (has_computed && !def.derive) problems.push_back(def.kind + ": computed fields need a derive function");
  return problems;
}

}  // namespace isms
