#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/sqlite.hpp"

namespace isms {

// One numbered change to a file's schema. The file's PRAGMA user_version is the number of the
// last one applied; each is applied (with its new number) in its own transaction, so a file is
// always exactly at one version.
struct Migration {
  int version;
  const char* description;
  std::function<void(Database&)> apply;
};

// Brings `db` up to the last migration in `steps` (numbered 1, 2, 3, ... without gaps).
// A file whose version is newer than the last step is refused with StoreError and left
// untouched; `subject` names the file in that message ("This workspace", "The workspace list").
void apply_migrations(Database& db, const std::vector<Migration>& steps, std::string_view subject);

// The system tables of a workspace file (history, change sets, links, version vectors). Register
// tables are not here: they follow their definitions (see schema.hpp).
const std::vector<Migration>& workspace_migrations();
int latest_schema_version();
void migrate(Database& db);

}  // namespace isms
