#pragma once

#include <string>
#include <vector>

// The ISO/IEC 27001:2022 reference lists every workspace starts with (numbers and titles only).
// Not to be confused with WorkspaceCatalog, the list of workspaces on this device.
namespace isms::catalogs {

struct CatalogControl {
  std::string ref;    // "5.1"
  std::string title;  // "Policies for information security"
  std::string theme;  // the control register's Theme value: "organizational", "people", ...
};

struct CatalogClause {
  std::string ref;         // "6.1.2"
  std::string title;       // "Information security risk assessment"
  std::string parent_ref;  // "6.1"; empty for a top-level clause
};

// Parsed once from the compiled-in JSON, in the reference's order. std::logic_error if the data
// is malformed: that is a build mistake, caught by the tests, never a user's.
const std::vector<CatalogControl>& annex_a_controls();  // the 93 Annex A controls
const std::vector<CatalogClause>& iso_clauses();        // clauses 4 to 10 and their subclauses

}  // namespace isms::catalogs
