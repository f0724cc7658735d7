#include "core/workspace/export_marks.hpp"

#include <cstdio>

#include "core/util/date.hpp"

namespace isms::export_marks {
namespace {

constexpr const char* kTable = "export_marks";

bool has_table(const Database& db) {
  Statement exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
  exists.bind(1, kTable);
  return exists.step();
}

// One row (id = 1). Created on the first write only, so reading never writes, and a file that
// was never exported has nothing to migrate.
void write_mark(Database& db, const Mark& mark) {
  Transaction transaction(db);
  db.exec(std::string("CREATE TABLE IF NOT EXISTS ") + kTable +
          " (id INTEGER PRIMARY KEY CHECK (id = 1), exported_at TEXT NOT NULL, change_seq INTEGER NOT NULL)");
  Statement upsert = db.prepare(std::string("INSERT INTO ") + kTable +
                                " (id, exported_at, change_seq) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                                "exported_at = excluded.exported_at, change_seq = excluded.change_seq");
  upsert.bind(1, mark.exported_at).bind(2, mark.change_seq);
  upsert.step();
  transaction.commit();
}

// Seconds since 1970 of "YYYY-MM-DDTHH:MM:SSZ", or nullopt.
std::optional<std::int64_t> seconds_of(const std::string& utc) {
  const std::optional<CivilDate> day = parse_date(date_of_timestamp(utc));
  int hours = 0, minutes = 0, seconds = 0;
  if (!day || utc.size() < 19 || std::sscanf(utc.c_str() + 11, "%2d:%2d:%2d", &hours, &minutes, &seconds) != 3) {
    return std::nullopt;
  }
  return days_since_epoch(*day) * 86400 + hours * 3600 + minutes * 60 + seconds;
}

}  // namespace

std::optional<Mark> read(const Database& db) {
  if (!has_table(db)) return std::nullopt;
  Statement query = db.prepare(std::string("SELECT exported_at, change_seq FROM ") + kTable + " WHERE id = 1");
  if (!query.step()) return std::nullopt;
  return Mark{query.column_text(0), query.column_int64(1)};
}

std::int64_t latest_change(const Database& db) {
  Statement query = db.prepare("SELECT coalesce(max(seq), 0) FROM history");
  query.step();
  return query.column_int64(0);
}

void record_export(Database& db, const Clock& clock) { write_mark(db, {clock.now_utc(), latest_change(db)}); }

void record_start(Database& db) {
  if (read(db)) return;
  write_mark(db, {"", latest_change(db)});
}

Reminder reminder(const Database& db, const std::string& now_utc, int days) {
  const Mark mark = read(db).value_or(Mark{});
  Reminder r;
  r.never_exported = mark.exported_at.empty();
  // Change sets, not history rows: one save of five fields is one change for a person.
  Statement count = db.prepare("SELECT count(DISTINCT change_set) FROM history WHERE seq > ?");
  count.bind(1, mark.change_seq);
  count.step();
  r.changes = count.column_int64(0);
  if (!r.never_exported) r.days_since_export = whole_days_between(mark.exported_at, now_utc);
  r.due = r.changes > 0 && (r.never_exported || r.days_since_export >= days);
  return r;
}

std::int64_t whole_days_between(const std::string& from_utc, const std::string& to_utc) {
  const auto from = seconds_of(from_utc);
  const auto to = seconds_of(to_utc);
  if (!from || !to || *to < *from) return 0;
  return (*to - *from) / 86400;
}

}  // namespace isms::export_marks
