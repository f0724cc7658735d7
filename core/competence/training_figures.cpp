#include "core/competence/training_figures.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/store/sqlite.hpp"
#include "core/util/date.hpp"

namespace isms::figures {
namespace {

CivilDate parse_today(std::string_view today) {
  const std::optional<CivilDate> date = parse_date(today);
  if (!date) throw std::invalid_argument("Today must be a date like 2026-11-26, not \"" + std::string(today) + "\".");
  return *date;
}

struct Role {
  std::string id, name;
};

struct Person {
  std::string id, name, role;  // role: "" when none
};

struct Training {
  std::string audience;  // a live role's id, or "" for everyone
  std::string topic;     // the latest session's
  std::optional<int> recurrence_months;
};

// Everything the training figures look at, read with one query per table.
struct TrainingData {
  std::vector<Role> roles;          // live, by name
  std::vector<Person> people;       // active, by name
  std::vector<Training> trainings;  // by topic (ignoring case), then audience
  // Per person id, the latest day they attended each training (by index), "" for never.
  std::unordered_map<std::string, std::vector<std::string>> attended;
};

std::vector<Role> live_roles(const Database& db) {
  std::vector<Role> roles;
  Statement query = db.prepare("SELECT id, name FROM rec_role WHERE deleted = 0 ORDER BY name COLLATE NOCASE, id");
  while (query.step()) roles.push_back({query.column_text(0), query.column_text(1)});
  return roles;
}

std::vector<Person> active_people(const Database& db) {
  std::vector<Person> people;
  Statement query = db.prepare(
      "SELECT id, name, coalesce(role, '') FROM rec_person WHERE deleted = 0 AND status = 'active' "
      "ORDER BY name COLLATE NOCASE, id");
  while (query.step()) people.push_back({query.column_text(0), query.column_text(1), query.column_text(2)});
  return people;
}

// Where a requiring session's attendance counts: its training (by index) and its day.
struct SessionSlot {
  std::size_t training = 0;
  std::string date;
};
using SessionSlots = std::unordered_map<std::string, SessionSlot>;

// The trainings, and the slot of each requiring session. Sessions for a role that is no longer
// live are left out, as that role has nobody in it.
SessionSlots load_trainings(const Database& db, const std::string& today, const std::vector<Role>& roles,
                            std::vector<Training>& trainings) {
  std::unordered_set<std::string> live;
  for (const Role& role : roles) live.insert(role.id);
  struct Found {
    Training training;
    std::vector<std::pair<std::string, std::string>> sessions;  // id, date
  };
  // Keyed by (lower-case topic, audience), so the trainings come out sorted by topic.
  std::map<std::pair<std::string, std::string>, Found> found;
  Statement query = db.prepare(
      "SELECT id, lower(topic), topic, coalesce(audience_role, ''), recurrence_months, date FROM rec_training_session "
      "WHERE deleted = 0 AND status = 'held' AND mandatory = 'yes' AND date <= ? ORDER BY date, id");
  query.bind(1, today);
  while (query.step()) {
    std::string audience = query.column_text(3);
    if (!audience.empty() && live.count(audience) == 0) continue;
    Found& entry = found[{query.column_text(1), audience}];
    // In date order, so the latest session's topic and recurrence win.
    entry.training.audience = std::move(audience);
    entry.training.topic = query.column_text(2);
    entry.training.recurrence_months =
        query.column_is_null(4) ? std::nullopt : std::optional<int>(static_cast<int>(query.column_int64(4)));
    entry.sessions.emplace_back(query.column_text(0), query.column_text(5));
  }
  SessionSlots slots;
  for (auto& [key, entry] : found) {
    for (auto& [id, date] : entry.sessions) slots[id] = {trainings.size(), std::move(date)};
    trainings.push_back(std::move(entry.training));
  }
  return slots;
}

// The attended rows, read in one pass: the attendance table is the large one (50,000 rows on the
// benchmark). NOT INDEXED because most rows say yes: scanning reads each page once, where the
// index on "attended" would look every row up again; and the sessions are matched in memory
// rather than joined, which would look a session up per row.
void load_attendance(const Database& db, const SessionSlots& slots, TrainingData& data) {
  Statement query = db.prepare(
      "SELECT person, session FROM rec_training_attendance NOT INDEXED WHERE deleted = 0 AND attended = 'yes'");
  while (query.step()) {
    const auto slot = slots.find(query.column_text(1));
    if (slot == slots.end()) continue;  // a session that requires nothing
    std::vector<std::string>& latest = data.attended[query.column_text(0)];
    latest.resize(data.trainings.size());
    std::string& day = latest[slot->second.training];
    if (slot->second.date > day) day = slot->second.date;  // dates sort as text
  }
}

TrainingData load(const Repository& records, const std::string& today) {
  const Database& db = records.database();
  TrainingData data;
  data.roles = live_roles(db);
  data.people = active_people(db);
  const SessionSlots slots = load_trainings(db, today, data.roles, data.trainings);
  load_attendance(db, slots, data);
  return data;
}

bool has_training(const TrainingData& data, const Person& person, std::size_t training, const CivilDate& today) {
  const auto found = data.attended.find(person.id);
  if (found == data.attended.end() || found->second[training].empty()) return false;
  const std::optional<int> months = data.trainings[training].recurrence_months;
  if (!months) return true;
  const std::optional<CivilDate> last = parse_date(found->second[training]);
  return last && !(add_months(*last, *months) < today);
}

// Calls visit(person, training index, has it) for every required pair, people by name, then
// trainings by topic.
template <class Visit>
void each_required(const TrainingData& data, const CivilDate& today, Visit visit) {
  for (const Person& person : data.people) {
    for (std::size_t training = 0; training < data.trainings.size(); ++training) {
      const std::string& audience = data.trainings[training].audience;
      if (!audience.empty() && audience != person.role) continue;
      visit(person, training, has_training(data, person, training, today));
    }
  }
}

}  // namespace

std::vector<TrainingCoverage> training_coverage(const Repository& records, std::string_view today) {
  const CivilDate day = parse_today(today);
  const TrainingData data = load(records, std::string(today));
  std::vector<TrainingCoverage> rows(1 + data.roles.size());
  std::unordered_map<std::string, std::size_t> row_of{{"", 0}};
  rows[0].role_name = "Everyone";
  for (std::size_t i = 0; i < data.roles.size(); ++i) {
    row_of[data.roles[i].id] = i + 1;
    rows[i + 1].role_id = data.roles[i].id;
    rows[i + 1].role_name = data.roles[i].name;
  }
  for (const Training& training : data.trainings) ++rows[row_of.at(training.audience)].trainings;
  rows[0].people = data.people.size();
  for (const Person& person : data.people) {
    const auto row = row_of.find(person.role);
    if (!person.role.empty() && row != row_of.end()) ++rows[row->second].people;
  }
  for (TrainingCoverage& row : rows) row.required = row.trainings * row.people;
  each_required(data, day, [&](const Person& /*person*/, std::size_t training, bool has) {
    if (has) ++rows[row_of.at(data.trainings[training].audience)].covered;
  });
  return rows;
}

std::vector<Flagged> people_overdue_training(const Repository& records, std::string_view today) {
  const CivilDate day = parse_today(today);
  const TrainingData data = load(records, std::string(today));
  std::vector<Flagged> overdue;
  each_required(data, day, [&](const Person& person, std::size_t training, bool has) {
    if (!has) overdue.push_back({"person", person.id, person.name, data.trainings[training].topic});
  });
  return overdue;
}

std::vector<Flagged> reports_overdue(const Repository& records, std::string_view today) {
  parse_today(today);
  Statement query = records.database().prepare(
      "SELECT id, title, next_due FROM rec_report_schedule WHERE deleted = 0 AND status = 'active' AND next_due < ? "
      "ORDER BY next_due, title COLLATE NOCASE, id");
  query.bind(1, today);
  std::vector<Flagged> overdue;
  while (query.step()) {
    overdue.push_back({"report_schedule", query.column_text(0), query.column_text(1), query.column_text(2)});
  }
  return overdue;
}

}  // namespace isms::figures
