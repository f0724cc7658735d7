#include "core/store/link_index.hpp"

#include <algorithm>

#include "core/model/links.hpp"

namespace isms {

void index_links(Database& db, const EntityDef& def, const std::string& id, const std::map<std::string, Value>& fields,
                 const std::vector<std::string>* only) {
  Statement insert = db.prepare("INSERT OR IGNORE INTO links (from_kind, from_id, field, to_id) VALUES (?, ?, ?, ?)");
  for (const FieldDef& field : def.fields) {
    if (!is_link_type(field.type)) continue;
    if (only != nullptr && std::find(only->begin(), only->end(), field.key) == only->end()) continue;
    const auto value = fields.find(field.key);
    if (value == fields.end()) continue;
    for (const std::string& target : linked_ids(field, value->second)) {
      insert.reset();
      insert.bind(1, def.kind).bind(2, id).bind(3, field.key).bind(4, target);
      insert.step();
    }
  }
}

void unindex_links(Database& db, const std::string& from_id, const std::string& field) {
  Statement remove = db.prepare(field.empty() ? "DELETE FROM links WHERE from_id = ?"
                                              : "DELETE FROM links WHERE from_id = ? AND field = ?");
  remove.bind(1, from_id);
  if (!field.empty()) remove.bind(2, field);
  remove.step();
}

std::vector<LinkRow> links_to(const Database& db, const std::string& to_id) {
  Statement query =
      db.prepare("SELECT from_kind, from_id, field FROM links WHERE to_id = ? ORDER BY from_kind, from_id, field");
  query.bind(1, to_id);
  std::vector<LinkRow> rows;
  while (query.step()) rows.push_back({query.column_text(0), query.column_text(1), query.column_text(2)});
  return rows;
}

}  // namespace isms
