#include "core/workspace/upgrade.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/store/field_versions.hpp"
#include "core/store/history_log.hpp"
#include "core/store/link_index.hpp"
#include "core/util/uuid.hpp"

namespace isms {
namespace {

constexpr const char* upgrade_note = "Upgraded: owner names became people";

// Registers whose "owner" was a name in the build before the people register.
constexpr const char* kinds_with_named_owners[] = {"asset", "control", "clause"};

std::string person_named(Repository& records, const std::string& name, std::map<std::string, std::string>& known) {
  if (const auto found = known.find(name); found != known.end()) return found->second;
  Statement query = records.database().prepare(
      "SELECT id FROM rec_person WHERE deleted = 0 AND name = ? ORDER BY created_at LIMIT 1");
  query.bind(1, name);
  std::string id = query.step() ? query.column_text(0) : records.create("person", {{"name", name}}, upgrade_note);
  known.emplace(name, id);
  return id;
}

}  // namespace

// A data migration, not an edit: the owner column is rewritten directly (with a history row and
// the link index), without running today's rules over the whole old record. A record that some
// newer rule would refuse (a custom control numbered like an Annex A one) must still open, and
// tombstones are converted too, so restoring one finds its owner.
std::size_t upgrade_records(Repository& records) {
  Database& db = records.database();
  Transaction transaction(db);
  std::map<std::string, std::string> people;
  std::size_t changed = 0;
  std::string change_set;
  for (const char* kind : kinds_with_named_owners) {
    std::vector<std::pair<std::string, std::string>> named;
    Statement query = db.prepare(std::string("SELECT id, owner FROM rec_") + kind +
                                 " WHERE owner IS NOT NULL AND owner NOT IN (SELECT id FROM rec_person)");
    while (query.step()) named.emplace_back(query.column_text(0), query.column_text(1));
    const EntityDef& def = records.registry().get(kind);
    for (const auto& [id, name] : named) {
      const std::string person = person_named(records, name, people);
      const std::optional<Record> record = records.get(kind, id);
      if (change_set.empty()) {
        change_set = new_uuid();
        insert_change_set(db, change_set, records.author(), record->updated_at, upgrade_note);
      }
      Statement update = db.prepare(std::string("UPDATE rec_") + kind + " SET owner = ? WHERE id = ?");
      update.bind(1, person).bind(2, id);
      update.step();
      HistoryEntry entry;
      entry.change_set = change_set;
      entry.kind = kind;
      entry.record_id = id;
      entry.field = "owner";
      entry.old_value = name;
      entry.new_value = person;
      entry.author = records.author();
      entry.at = record->updated_at;
      insert_history(db, entry);
      // Counted as this copy's write, like any other: two copies upgraded apart each make their
      // own person, and the merge must see that as two edits of the owner, not as no edit.
      bump_versions(db, local_replica_number(db), id, {"owner"});
      if (!record->deleted) {
        const std::vector<std::string> owner_only{"owner"};
        index_links(db, def, id, {{"owner", Value(person)}}, &owner_only);
      }
      ++changed;
    }
  }
  transaction.commit();
  return changed;
}

}  // namespace isms
