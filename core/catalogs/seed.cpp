#include "core/catalogs/seed.hpp"

#include <set>

#include "core/catalogs/builtin_catalogs.hpp"
#include "core/model/links.hpp"
#include "core/program/program_seed.hpp"
#include "core/risk/risk_register.hpp"
#include "core/util/text.hpp"

namespace isms::catalogs {
namespace {

constexpr const char* seed_note = "Added from ISO/IEC 27001:2022";
constexpr const char* process_note = "Added from the Process Reference Model";
constexpr const char* role_note = "Added from the ISMS program's roles";
constexpr const char* setup_note = "Set up with the workspace";

// All ids of a register, tombstones included: a seeded record the user deleted stays deleted.
std::set<std::string> existing_ids(const Repository& records, const char* kind) {
  std::set<std::string> ids;
  for (const Record& record : records.list(kind, true)) ids.insert(record.id);
  return ids;
}

std::size_t seed_standard(Repository& records) {
  std::size_t added = 0;
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
  return added;
}

std::size_t seed_roles(Repository& records) {
  std::size_t added = 0;
  const std::set<std::string> roles = existing_ids(records, "role");
  for (const CatalogRole& role : isms_roles()) {
    const std::string id = role_id(role.slug);
    if (roles.count(id) != 0) continue;
    records.create_with_id("role", id, {{"name", role.name}, {"responsibilities", role.responsibilities}}, role_note);
    ++added;
  }
  return added;
}

// Processes point at each other (inputs), so all are created first and linked after.
std::size_t seed_processes(Repository& records) {
  const std::set<std::string> processes = existing_ids(records, "process");
  std::vector<const CatalogProcess*> created;
  for (const CatalogProcess& process : isms_processes()) {
    const std::string id = process_id(process.slug);
    if (processes.count(id) != 0) continue;
    records.create_with_id("process", id,
                           {{"name", process.name},
                            {"category", process.category},
                            {"purpose", process.purpose},
                            {"inputs_note", process.inputs_note},
                            {"outputs_note", process.outputs_note},
                            {"activities", process.activities},
                            {"registers", join(process.registers, ", ")}},
                           process_note);
    created.push_back(&process);
  }
  for (const CatalogProcess* process : created) {
    if (process->inputs_from.empty()) continue;
    std::vector<std::string> inputs;
    for (const std::string& slug : process->inputs_from) {
      const std::optional<Record> source = records.get("process", process_id(slug));
      if (source && !source->deleted) inputs.push_back(source->id);  // one the user deleted stays out
    }
    records.update("process", process_id(process->slug), {{"inputs", link_list(inputs)}}, process_note);
  }
  return created.size();
}

// The records a workspace has exactly one of, so the interface edits them instead of listing.
std::size_t seed_singletons(Repository& records) {
  std::size_t added = 0;
  if (!records.get("risk_method", risk_method_id)) {
    records.create_with_id("risk_method", risk_method_id, to_values(RiskMethod::standard()), setup_note);
    ++added;
  }
  if (!records.get("scope", scope_id)) {
    records.create_with_id("scope", scope_id, {}, setup_note);
    ++added;
  }
  return added;
}

}  // namespace

std::string role_id(const std::string& slug) { return "role-" + slug; }

std::string process_id(const std::string& slug) { return "process-" + slug; }

std::string annex_a_id(const std::string& ref) { return "annex-a-" + ref; }

std::string clause_id(const std::string& ref) { return "clause-" + ref; }

std::size_t seed_catalogs(Database& db, Repository& records) {
  Transaction transaction(db);
  // The program after the roles: its milestones and components name their owner roles.
  const std::size_t added = seed_standard(records) + seed_roles(records) + seed_processes(records) +
                            seed_singletons(records) + seed_program(records);
  transaction.commit();
  return added;
}

}  // namespace isms::catalogs
