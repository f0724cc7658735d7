// Issue 4, item 1: the navigation's counts and overdue flags, counted in SQL once per change of
// the data, and agreeing record for record with the red dates of the tables (app/status_tone).
#include <doctest/doctest.h>

#include "app/register_counts.hpp"
#include "app/register_groups.hpp"
#include "app/status_tone.hpp"
#include "tests/app/open_workspace.hpp"

using isms::app::count_register;
using isms::app::count_registers;
using isms::app::overdue_in;
using isms::app::RegisterCount;
using isms::app::RegisterCountsCache;
using isms::test::kToday;
using isms::test::OpenWorkspace;

namespace {

// What the tables show: records with at least one deadline in red.
std::size_t overdue_as_tables_show(isms::Repository& records, const std::string& kind) {
  const isms::EntityDef& def = records.registry().get(kind);
  std::size_t overdue = 0;
  for (const isms::Record& record : records.list(kind)) {
    for (const isms::FieldDef& field : def.fields) {
      if (isms::app::is_overdue(def, field, record, kToday)) {
        ++overdue;
        break;
      }
    }
  }
  return overdue;
}

struct ActionsWorkspace : OpenWorkspace {
  std::string risk = add_risk("Ransomware", 4, 3);
  std::string action(const std::string& title, const std::map<std::string, std::string>& fields) {
    std::map<std::string, std::string> all = fields;
    all["title"] = title;
    all["risk"] = risk;
    return add("treatment_action", all);
  }
};

}  // namespace

TEST_CASE_FIXTURE(ActionsWorkspace, "overdue treatment actions are counted as the table marks them") {
  const isms::EntityDef& def = records().registry().get("treatment_action");
  CHECK(count_register(records(), def, kToday).records == 0);
  action("Late, planned", {{"due_date", "2026-11-01"}});
  action("Late, in progress", {{"due_date", "2026-11-25"}, {"status", "in_progress"}});
  action("Late but done", {{"due_date", "2026-11-01"}, {"status", "done"}, {"progress", "100"}});
  action("Late but cancelled", {{"due_date", "2026-11-01"}, {"status", "cancelled"}});
  action("Due today", {{"due_date", kToday}});
  action("Due later", {{"due_date", "2026-12-01"}});
  action("No date", {});

  const RegisterCount count = count_register(records(), def, kToday);
  CHECK(count.records == 7);
  CHECK(count.overdue == 2);
  CHECK(count.overdue == overdue_as_tables_show(records(), "treatment_action"));
  // The next day, the action due today is late too.
  CHECK(count_register(records(), def, "2026-11-27").overdue == 3);

  // A deleted action counts no more.
  const auto late = records().query("treatment_action", isms::RecordQuery().where_is(
                                                            "title", isms::Condition::Op::Equal, {std::string("Late, planned")}));
  REQUIRE(late.size() == 1);
  records().remove("treatment_action", late.front().id);
  CHECK(count_register(records(), def, kToday).records == 6);
  CHECK(count_register(records(), def, kToday).overdue == 1);
}

TEST_CASE_FIXTURE(ActionsWorkspace, "every register's counts agree with its table, and a group sums its overdue") {
  action("Late", {{"due_date", "2026-10-01"}});
  add("risk", {{"title", "Old review"},
               {"inherent_likelihood", "2"},
               {"inherent_impact", "2"},
               {"review_date", "2026-01-15"}});
  add("risk", {{"title", "Closed, old review"},
               {"inherent_likelihood", "2"},
               {"inherent_impact", "2"},
               {"review_date", "2026-01-15"},
               {"status", "closed"}});
  add("person", {{"name", "Ola Nordmann"}});

  const auto counts = count_registers(records(), kToday);
  for (const isms::app::RegisterGroup& group : isms::app::register_groups()) {
    for (const std::string& kind : group.kinds) {
      INFO(kind);
      REQUIRE(counts.count(kind) == 1);
      CHECK(counts.at(kind).records == records().count(kind));
      CHECK(counts.at(kind).overdue == overdue_as_tables_show(records(), kind));
    }
  }
  CHECK(counts.at("risk").records == 3);
  CHECK(counts.at("risk").overdue == 1);  // the closed one has no deadline left
  CHECK(counts.at("treatment_action").overdue == 1);
  CHECK(counts.at("control").records == 93);
  CHECK(overdue_in(counts, {"asset", "risk", "treatment_action", "control", "risk_method"}) ==
        counts.at("risk").overdue + counts.at("treatment_action").overdue + counts.at("control").overdue);
  CHECK(overdue_in(counts, {"asset", "no_such_register"}) == counts.at("asset").overdue);
}

TEST_CASE_FIXTURE(ActionsWorkspace, "the cache counts once per change of the data, not per frame") {
  RegisterCountsCache cache;
  const std::size_t before = cache.of(session, "treatment_action").records;
  CHECK(cache.computations() == 1);
  for (int frame = 0; frame < 5; ++frame) cache.get(session);
  CHECK(cache.computations() == 1);

  action("Late", {{"due_date", "2026-11-02"}});
  CHECK(cache.of(session, "treatment_action").records == before + 1);
  CHECK(cache.of(session, "treatment_action").overdue >= 1);
  CHECK(cache.computations() == 2);
  CHECK(cache.of(session, "no_such_register").records == 0);
  CHECK(cache.computations() == 2);

  // Another day: the same data, counted again (a deadline may have passed overnight).
  clock.set(std::string("2026-12-05T08:00:00Z"));
  cache.get(session);
  CHECK(cache.computations() == 3);
}
