#include "core/report/table_text.hpp"

#include <algorithm>
#include <cstddef>
#include <set>

#include "core/model/links.hpp"
#include "core/store/sql_text.hpp"
#include "core/util/text.hpp"

namespace isms::report {
namespace {

// Well under SQLite's smallest limit on bound parameters (999 before 3.32).
constexpr std::size_t ids_per_query = 500;

std::string in_list(std::size_t count) {
  std::string marks;
  for (std::size_t i = 0; i < count; ++i) marks += i == 0 ? "?" : ", ?";
  return "(" + marks + ")";
}

}  // namespace

const std::string& TitleCache::title(std::string_view kind, const std::string& id) {
  const auto known = titles_.find(id);
  if (known != titles_.end()) return known->second;
  std::string found = id;
  const Registry& registry = records_.registry();
  if (kind == any_kind) {
    for (const EntityDef& def : registry.all()) {
      if (const std::optional<Record> record = records_.get(def.kind, id)) {
        found = records_.title_of(*record);
        break;
      }
    }
  } else if (registry.find(kind) != nullptr) {
    if (const std::optional<Record> record = records_.get(kind, id)) found = records_.title_of(*record);
  }
  return titles_.emplace(id, std::move(found)).first->second;
}

void TitleCache::prefetch(std::string_view kind, const std::vector<std::string>& ids) {
  const EntityDef* def = records_.registry().find(kind);
  if (def == nullptr || def->field(def->title_field) == nullptr) return;  // any_kind: title() looks each one up
  std::vector<std::string> wanted;
  std::set<std::string> seen;
  for (const std::string& id : ids) {
    if (!titles_.contains(id) && seen.insert(id).second) wanted.push_back(id);
  }
  for (std::size_t from = 0; from < wanted.size(); from += ids_per_query) {
    const std::size_t count = std::min(ids_per_query, wanted.size() - from);
    Statement query = records_.database().prepare("SELECT id, " + quote_identifier(def->title_field) + " FROM " +
                                                  quote_identifier(def->table()) + " WHERE id IN " + in_list(count));
    for (std::size_t i = 0; i < count; ++i) query.bind(static_cast<int>(i + 1), wanted[from + i]);
    while (query.step()) {
      // Through title_of, so an Enum title or an empty one reads exactly as everywhere else.
      Record record;
      record.id = query.column_text(0);
      record.kind = def->kind;
      record.fields[def->title_field] = query.column_value(1);
      titles_[record.id] = records_.title_of(record);
    }
    for (std::size_t i = 0; i < count; ++i) titles_.try_emplace(wanted[from + i], wanted[from + i]);  // missing
  }
}

std::string cell_text(const FieldDef& field, const Value& value, TitleCache& titles) {
  std::string text = to_display(value);
  if (text.empty()) return text;
  switch (field.type) {
    case FieldType::Enum:
      return field.option_label(text);
    case FieldType::Link:
      return titles.title(field.link_kind, text);
    case FieldType::LinkList: {
      const std::vector<std::string> ids = linked_ids(field, value);
      if (ids.empty()) return text;  // malformed: validation refuses it, but show what is there
      std::vector<std::string> names;
      for (const std::string& id : ids) names.push_back(titles.title(field.link_kind, id));
      std::stable_sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
        return to_lower_ascii(a) < to_lower_ascii(b);
      });
      return join(names, "; ");
    }
    default:
      return text;
  }
}

}  // namespace isms::report
