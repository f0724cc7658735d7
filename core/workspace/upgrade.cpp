#include "core/workspace/upgrade.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

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

std::size_t upgrade_records(Repository& records) {
  Transaction transaction(records.database());
  std::map<std::string, std::string> people;
  std::size_t changed = 0;
  for (const char* kind : kinds_with_named_owners) {
    std::vector<std::pair<std::string, std::string>> named;
    Statement query = records.database().prepare(std::string("SELECT id, owner FROM rec_") + kind +
                                                 " WHERE owner IS NOT NULL AND owner NOT IN "
                                                 "(SELECT id FROM rec_person)");
    while (query.step()) named.emplace_back(query.column_text(0), query.column_text(1));
    for (const auto& [id, name] : named) {
      const std::optional<Record> record = records.get(kind, id);
      if (!record) continue;
      if (record->deleted) continue;  // a tombstone keeps what it had; restoring it asks for a valid owner
      records.update(kind, id, {{"owner", person_named(records, name, people)}}, upgrade_note);
      ++changed;
    }
  }
  transaction.commit();
  return changed;
}

}  // namespace isms
