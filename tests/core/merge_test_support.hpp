#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/bundle/export.hpp"
#include "core/bundle/import_new.hpp"
#include "core/bundle/merge.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

// What the export and merge tests share: copies of one workspace, each in its own folder with
// its own replica id, and ways to compare what two copies hold.
namespace isms::test {

using Values = std::map<std::string, Value>;

inline Value text(std::string s) { return Value(std::move(s)); }

// One copy of a workspace: a folder and the workspace in it.
struct Copy {
  TempDir dir;
  std::unique_ptr<Workspace> ws;

  Repository& records() { return ws->records(); }
  bundle::Bundle bundle(const std::string& by = "Anna") const {
    bundle::ExportOptions options;
    options.exported_by = by;
    return bundle::export_bundle(*ws, options);
  }
};

// The first copy: a new workspace with its seeded catalogs.
inline std::unique_ptr<Copy> origin(const Clock& clock, const std::string& id = "ws-acme") {
  auto copy = std::make_unique<Copy>();
  copy->ws = Workspace::create(copy->dir.str(), id, {"Acme 2026", "Acme s.r.o.", "Anna Dvořák"}, clock, nullptr);
  return copy;
}

// Another copy made from a bundle, as a colleague who receives it gets it.
inline std::unique_ptr<Copy> copy_of(const bundle::Bundle& bundle, const Clock& clock) {
  auto copy = std::make_unique<Copy>();
  copy->ws = bundle::import_as_new_workspace(copy->dir.str(), bundle, clock, nullptr);
  return copy;
}

// Every row of every table of the file, as text, in a fixed order: equal dumps are equal data.
inline std::string dump(const Database& db) {
  std::vector<std::string> tables;
  Statement names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  while (names.step()) tables.push_back(names.column_text(0));
  std::string out;
  for (const std::string& table : tables) {
    out += "== " + table + "\n";
    Statement rows = db.prepare("SELECT * FROM \"" + table + "\"");
    std::vector<std::string> lines;
    while (rows.step()) {
      std::string line;
      for (int column = 0; column < rows.column_count(); ++column) {
        if (rows.column_is_null(column)) {
          line += "NULL|";
          continue;
        }
        line += '\'';
        line += rows.column_text(column);
        line += "'|";
      }
      lines.push_back(line);
    }
    std::sort(lines.begin(), lines.end());
    for (const std::string& line : lines) out += line + "\n";
  }
  return out;
}

// What a person sees of a register: every record's id, deletion and field values.
inline std::map<std::string, std::string> register_of(const Workspace& ws) {
  std::map<std::string, std::string> records;
  for (const EntityDef& def : ws.registry().all()) {
    for (const Record& record : ws.records().list(def.kind, true)) {
      std::string line = def.kind + (record.deleted ? " deleted" : " live");
      for (const auto& [key, value] : record.fields) line += " " + key + "=" + to_display(value);
      records[record.id] = line;
    }
  }
  return records;
}

inline std::int64_t count_rows(const Database& db, const std::string& sql) {
  Statement query = db.prepare(sql);
  query.step();
  return query.column_int64(0);
}

inline std::int64_t history_rows(const Workspace& ws) {
  return count_rows(ws.records().database(), "SELECT count(*) FROM history");
}

inline std::string refusal(const std::function<void()>& action) {
  try {
    action();
  } catch (const std::exception& error) {
    return error.what();
  }
  return "(done)";
}

}  // namespace isms::test
