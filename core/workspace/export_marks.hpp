#pragma once
// When this copy of a workspace was last exported as a bundle, and how far its history had got
// then: what the export reminder needs to say "changes never exported" or "not exported for 7 days".
//
// The mark is a fact about this browser's copy, like the attachment bytes it holds: it lives in
// its own table of the workspace file, created when first written, and is neither exported in a
// bundle nor merged (a colleague's export says nothing about what this copy has kept safe).

#include <cstdint>
#include <optional>
#include <string>

#include "core/store/sqlite.hpp"
#include "core/util/clock.hpp"

namespace isms::export_marks {

struct Mark {
  std::string exported_at;      // UTC time of the last export; "" when none yet (a starting point)
  std::int64_t change_seq = 0;  // the history's last sequence number the export (or start) held
};

// The mark, or nullopt when the file has none (made before marks existed, or never marked).
// Only reads: a read-only tab may call it.
std::optional<Mark> read(const Database& db);

// The history's last sequence number, 0 for an empty history.
std::int64_t latest_change(const Database& db);

// An export was handed to the person now: everything up to the latest change is in a bundle.
void record_export(Database& db, const Clock& clock);

// Where a workspace starts in this browser (created here, or made from a colleague's bundle):
// what it holds then is not the person's unsaved work. Does nothing when a mark exists already.
void record_start(Database& db);

struct Reminder {
  bool due = false;                    // show the reminder
  bool never_exported = true;          // no export recorded in this browser
  std::int64_t changes = 0;            // change sets since the last export (or the start)
  std::int64_t days_since_export = 0;  // whole days; 0 when never exported
};

// Due when there are changes that were never exported, or when the last export is at least
// `days` days old and changes came after it.
Reminder reminder(const Database& db, const std::string& now_utc, int days);

// Whole days from one store timestamp ("2026-11-26T09:30:00Z") to a later one; 0 when either
// cannot be read or `to` is earlier.
std::int64_t whole_days_between(const std::string& from_utc, const std::string& to_utc);

}  // namespace isms::export_marks
