#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/model/entity.hpp"
#include "core/store/sqlite.hpp"

namespace isms {

// The `links` table (migration 2): the reverse direction of every Link and LinkList field of the
// live records. No rules here; Repository keeps it in step with each write.

struct LinkRow {
  std::string from_kind, from_id, field;
};

// Writes the rows of the given link fields of one record (all its link fields if `only` is null).
void index_links(Database& db, const EntityDef& def, const std::string& id, const std::map<std::string, Value>& fields,
                 const std::vector<std::string>* only = nullptr);
// Forgets one field's rows of a record, or all of them when `field` is empty.
void unindex_links(Database& db, const std::string& from_id, const std::string& field = {});
// The live records that point at `to_id`, by kind, id and field.
std::vector<LinkRow> links_to(const Database& db, const std::string& to_id);

}  // namespace isms
