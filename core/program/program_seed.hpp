#pragma once

#include <cstddef>
#include <string>

#include "core/store/repository.hpp"

// The program of the seed (sections 2 and 3) in every workspace: its components A1 to F2 as a
// checklist and its six-month example timeline as milestones (assets/catalogs/isms-program.json).
namespace isms {

// Seeded records have ids made from the catalog's slugs, the same in every workspace, so copies of
// a workspace that each seeded them merge record by record (as core/catalogs/seed.hpp explains).
std::string program_component_id(const std::string& slug);  // "component-a1"
std::string milestone_id(const std::string& slug);          // "milestone-1a"

// Adds every program component and milestone of the catalog the workspace lacks, in one
// transaction, and returns how many it added. A record that exists is left alone, even when it
// was edited or deleted (a tombstone): seeding never duplicates, never overwrites and never
// revives, so it may run on every open.
//  - Owner roles link to the seeded roles (core/catalogs/seed.hpp role_id); a role that is
//    missing or deleted is left out rather than revived.
//  - Milestones are planned from the day the workspace was created (its "workspace" record):
//    month m runs from that day plus m-1 calendar months to the day before that day plus m months
//    (so 2026-01-31 gives month 1 = 2026-01-31..2026-02-27, month 2 = 2026-02-28..2026-03-30).
//    Without a workspace record (a bare database) the planned dates stay empty.
std::size_t seed_program(Repository& records);

}  // namespace isms
