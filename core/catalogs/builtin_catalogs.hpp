#pragma once

#include <string>
#include <vector>

// The reference lists every workspace starts with: ISO/IEC 27001:2022 (numbers and titles only),
// and the processes and roles of an ISMS. Not to be confused with WorkspaceCatalog, the list of
// workspaces on this device.
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

// A process of the Process Reference Model. The source describes only security policy management
// in full, so the other processes have an empty purpose, no inputs_from, empty notes and activities.
struct CatalogProcess {
  std::string slug;                      // "security-policy-management": stable, so links survive a renaming
  std::string name;                      // "Security policy management process"
  std::string category;                  // "governance", "core" or "support"
  std::string purpose;                   // quoted from the source; empty where it says nothing
  std::vector<std::string> registers;    // the register kinds whose records belong here: "policy", ...
  std::vector<std::string> inputs_from;  // slugs of the processes that provide its input
  std::string inputs_note;               // the source's words about the input
  std::string outputs_note;              // the source's words about the output
  std::string activities;                // one per line, joined with "\n"
};

struct CatalogRole {
  std::string slug;              // "isms-manager"
  std::string name;              // "ISMS Manager"
  std::string responsibilities;  // "Oversee the ISMS program, ensure alignment with objectives"
};

// Parsed once from the compiled-in JSON, in the reference's order. std::logic_error if the data
// is malformed: that is a build mistake, caught by the tests, never a user's.
const std::vector<CatalogControl>& annex_a_controls();  // the 93 Annex A controls
const std::vector<CatalogClause>& iso_clauses();        // clauses 4 to 10 and their subclauses
const std::vector<CatalogProcess>& isms_processes();    // the 18 processes of the Process Reference Model
const std::vector<CatalogRole>& isms_roles();           // the 6 roles of the program

}  // namespace isms::catalogs
