#pragma once

#include <cstddef>
#include <string>

#include "core/store/repository.hpp"
#include "core/store/sqlite.hpp"

namespace isms::catalogs {

// Seeded records have ids made from their reference number, the same in every workspace: a
// bundle of a workspace merges record by record by id, so both copies of a workspace must give
// "5.1" the same id, even where each device seeded it itself.
std::string annex_a_id(const std::string& ref);   // "annex-a-5.1"
std::string clause_id(const std::string& ref);    // "clause-4.1"
std::string role_id(const std::string& slug);     // "role-isms-manager"
std::string process_id(const std::string& slug);  // "process-risk-assessment"

// The id of the workspace's one "scope" record (the risk method's: risk_method_id in
// core/risk/risk_register.hpp).
constexpr const char* scope_id = "isms-scope";

// Adds every Annex A control (source Annex A), clause, role of the program and process of the
// Process Reference Model the workspace lacks, the program's components and timeline
// (core/program/program_seed.hpp), and its risk method (the standard 5x5) and scope record, authored by the
// repository's author, in one transaction. A record that exists is left alone, even when it was edited or deleted
// (tombstone): seeding never duplicates and never overwrites. So it runs on every open, which completes workspaces made
// by a build without some catalog. Returns how many records it added. `records` must write to `db`.
std::size_t seed_catalogs(Database& db, Repository& records);

}  // namespace isms::catalogs
