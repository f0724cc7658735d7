#include "core/catalogs/seed.hpp"

#include <set>

#include "core/catalogs/builtin_catalogs.hpp"

namespace isms::catalogs {
namespace {

constexpr const char* seed_note = "Added from ISO/IEC 27001:2022";

// All ids of a register, tombstones included: a seeded record the user deleted stays deleted.
std::set<std::string> existing_ids(const Repository& records, const char* kind) {
  std::set<std::string> ids;
  for (const Record& record : records.list(kind, true)) ids.insert(record.id);
  return ids;
}

}  // namespace

std::string annex_a_id(const std::string& ref) { return "annex-a-" + ref; }

std::string clause_id(const std::string& ref) { return "clause-" + ref; }

std::size_t seed_catalogs(Database& db, Repository& records) {
  std::size_t added = 0;
  Transaction transaction(db);
  const std::set<std::string> controls = existing_ids(records, "control");
  for (const CatalogControl& control : annex_a_controls()) {
    const std::string id = annex_a_id(control.ref);
    if (controls.count(id) != 0) continue;
    records.create_with_id(
        "control", id,
        {{"ref", control.ref}, {"title", control.title}, {"theme", control.theme}, {"source", std::string("annex_a")}},
        seed_note);
    ++added;
  }
  const std::set<std::string> clauses = existing_ids(records, "clause");
  for (const CatalogClause& clause : iso_clauses()) {
    const std::string id = clause_id(clause.ref);
    if (clauses.count(id) != 0) continue;
    records.create_with_id(
        "clause", id, {{"ref", clause.ref}, {"title", clause.title}, {"parent_ref", clause.parent_ref}}, seed_note);
    ++added;
  }
  transaction.commit();
  return added;
}

}  // namespace isms::catalogs
