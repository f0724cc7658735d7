// Objectives (6.2), KPIs and their measurements (9.1): the registers' rules, and the KPI status
// read from the register (core/kpi/kpi_register.hpp) on a hand-made set with known answers.
#include <doctest/doctest.h>

#include <functional>
#include <set>

#include "core/kpi/kpi_register.hpp"
#include "core/model/registry.hpp"
#include "core/store/migrations.hpp"
#include "core/store/repository.hpp"
#include "core/store/schema.hpp"
#include "core/util/date.hpp"
#include "tests/core/register_test_support.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::refusal;
using isms::test::Refusal;
using isms::test::TempDir;
using isms::test::text;
using isms::test::Values;

namespace {

std::string status_of(const Repository& repo, const std::string& kind, const std::string& id) {
  return to_display(repo.get(kind, id)->get("status"));
}

struct Fixture {
  TempDir dir;
  Database db{dir.file("objectives.sqlite")};
  FixedClock clock{"2026-03-01T10:00:00Z"};
  Repository repo{db, Registry::builtin(), clock, "Anna Dvořák"};
  std::string owner;

  Fixture() {
    migrate(db);
    ensure_tables(db, Registry::builtin());
    owner = repo.create("person", {{"name", text("Maria Keller")}});
  }

  std::string add_kpi(Values values) {
    if (values.count("name") == 0) values["name"] = text("KPI");
    return repo.create("kpi", std::move(values));
  }
  std::string measure(const std::string& kpi, const char* date, double value) {
    return repo.create("measurement", {{"kpi", text(kpi)}, {"date", text(date)}, {"value", value}});
  }
};

}  // namespace

// --- Objectives -------------------------------------------------------------------------------

TEST_CASE_FIXTURE(Fixture, "objective: a draft needs only its statement, pursuing it needs it SMART") {
  const std::string id = repo.create("objective", {{"title", text("Patch critical vulnerabilities within 14 days")}});
  CHECK(status_of(repo, "objective", id) == "draft");

  auto activate = [&] { repo.update("objective", id, {{"status", text("active")}}); };
  Refusal refused = refusal(activate);
  CHECK(refused.field == "measure");
  CHECK(refused.message == "Measured by or Target value is required before the objective becomes active.");

  repo.update("objective", id, {{"target_value", 95.0}, {"unit", text("%")}});
  refused = refusal(activate);
  CHECK(refused.field == "achievable");
  CHECK(refused.message == "Why it is achievable is required before the objective becomes active.");

  repo.update("objective", id, {{"achievable", text("The patch tooling is in place; two admins are trained")}});
  refused = refusal(activate);
  CHECK(refused.field == "business_goal");
  CHECK(refused.message == "Relevant to (business goal) is required before the objective becomes active.");

  repo.update("objective", id, {{"business_goal", text("Keep the customer platform available")}});
  refused = refusal(activate);
  CHECK(refused.field == "due_date");
  CHECK(refused.message == "Due date is required before the objective becomes active.");

  repo.update("objective", id, {{"due_date", text("2026-12-31")}});
  refused = refusal(activate);
  CHECK(refused.field == "owner");
  CHECK(refused.message == "Owner is required before the objective becomes active.");

  repo.update("objective", id, {{"owner", text(owner)}});
  activate();
  CHECK(status_of(repo, "objective", id) == "active");

  // Clearing a SMART field of an active objective is refused the same way.
  refused = refusal([&] { repo.update("objective", id, {{"due_date", Value{}}}); });
  CHECK(refused.message == "Due date is required before the objective becomes active.");
}

TEST_CASE_FIXTURE(Fixture, "objective: a judged objective is SMART too, and a KPI makes it measurable") {
  const Refusal refused = refusal([&] {
    repo.create("objective", {{"title", text("Legacy")},
                              {"status", text("achieved")},
                              {"target_value", 1.0},
                              {"achievable", text("Budget approved")},
                              {"business_goal", text("Certification")}});
  });
  CHECK(refused.message == "Due date is required before the objective is marked achieved.");
  CHECK(refusal([&] {
          repo.create("objective", {{"title", text("Legacy")}, {"status", text("missed")}});
        }).message == "Measured by or Target value is required before the objective is marked missed.");

  const std::string kpi = add_kpi({{"name", text("Patch compliance")}, {"target", 95.0}});
  const std::string id = repo.create("objective", {{"title", text("Patch on time")},
                                                   {"measure", text(kpi)},
                                                   {"achievable", text("Automated patching is licensed")},
                                                   {"business_goal", text("Customer trust")},
                                                   {"due_date", text("2026-12-31")},
                                                   {"owner", text(owner)},
                                                   {"status", text("active")}});
  CHECK(status_of(repo, "objective", id) == "active");

  CHECK(refusal([&] {
          repo.create("objective", {{"title", text("X")}, {"measure", text(owner)}});
        }).message == "Measured by points to no existing KPI (id " + owner + ").");
}

TEST_CASE_FIXTURE(Fixture, "objective: the plan cannot end after the objective is due") {
  Values values{{"title", text("Train every employee")},
                {"due_date", text("2026-06-30")},
                {"plan_what", text("Annual awareness course")},
                {"plan_who", text(owner)},
                {"plan_when", text("2026-07-01")}};
  const Refusal refused = refusal([&] { repo.create("objective", values); });
  CHECK(refused.field == "plan_when");
  CHECK(refused.message == "By when cannot be after the objective's due date (2026-06-30).");

  values["plan_when"] = text("2026-06-30");  // on the due date is in time
  const std::string id = repo.create("objective", values);
  CHECK(to_display(repo.get("objective", id)->get("plan_when")) == "2026-06-30");
  // Without a due date there is nothing to compare against.
  repo.update("objective", id, {{"due_date", Value{}}, {"plan_when", text("2027-01-31")}});
}

TEST_CASE_FIXTURE(Fixture, "objective: the lifecycle allows only its transitions, and reopening") {
  const std::string id = repo.create("objective", {{"title", text("Reduce phishing clicks")},
                                                   {"target_value", 5.0},
                                                   {"achievable", text("Monthly simulations are budgeted")},
                                                   {"business_goal", text("Fewer account takeovers")},
                                                   {"due_date", text("2026-12-31")},
                                                   {"owner", text(owner)},
                                                   {"approved_by", text(owner)},
                                                   {"approved_on", text("2026-02-15")}});
  auto move_to = [&](const char* status) {
    return refusal([&] { repo.update("objective", id, {{"status", text(status)}}); }).message;
  };
  CHECK(move_to("achieved") == "Status cannot change from Draft to Achieved; allowed: Active, Cancelled.");
  CHECK(move_to("active") == "(written)");
  CHECK(move_to("draft") == "Status cannot change from Active to Draft; allowed: Achieved, Missed, Cancelled.");
  CHECK(move_to("missed") == "(written)");
  CHECK(move_to("active") == "(written)");  // reopened
  CHECK(move_to("achieved") == "(written)");
  CHECK(move_to("cancelled") == "Status cannot change from Achieved to Cancelled; allowed: Active.");
  CHECK(move_to("active") == "(written)");
  CHECK(move_to("cancelled") == "(written)");
  CHECK(move_to("active") == "Status cannot change from Cancelled to Active; allowed: Draft.");
  CHECK(move_to("draft") == "(written)");
  CHECK(status_of(repo, "objective", id) == "draft");
}

// --- KPIs and measurements --------------------------------------------------------------------

TEST_CASE_FIXTURE(Fixture, "KPI: thresholds in the wrong order are refused, marking the one to fix") {
  const std::string higher =
      "For a KPI where higher is better, the red threshold must not be above the amber threshold, nor the amber "
      "threshold above the target.";
  const std::string lower =
      "For a KPI where lower is better, the red threshold must not be below the amber threshold, nor the amber "
      "threshold below the target.";

  Refusal refused = refusal([&] { add_kpi({{"target", 95.0}, {"amber_threshold", 97.0}}); });
  CHECK(refused.field == "amber_threshold");
  CHECK(refused.message == higher);
  refused = refusal([&] { add_kpi({{"target", 95.0}, {"amber_threshold", 90.0}, {"red_threshold", 92.0}}); });
  CHECK(refused.field == "red_threshold");
  CHECK(refused.message == higher);
  refused = refusal([&] { add_kpi({{"target", 95.0}, {"red_threshold", 96.0}}); });
  CHECK(refused.field == "red_threshold");

  refused = refusal([&] {
    add_kpi({{"direction", text("lower_is_better")}, {"target", 5.0}, {"amber_threshold", 3.0}});
  });
  CHECK(refused.field == "amber_threshold");
  CHECK(refused.message == lower);
  refused = refusal([&] {
    add_kpi(
        {{"direction", text("lower_is_better")}, {"target", 5.0}, {"amber_threshold", 8.0}, {"red_threshold", 7.0}});
  });
  CHECK(refused.field == "red_threshold");
  CHECK(refused.message == lower);

  // The right order, equal values, and a direction change that makes them wrong.
  const std::string id = add_kpi({{"target", 95.0}, {"amber_threshold", 90.0}, {"red_threshold", 80.0}});
  CHECK(to_display(repo.get("kpi", id)->get("direction")) == "higher_is_better");
  add_kpi({{"target", 95.0}, {"amber_threshold", 95.0}, {"red_threshold", 95.0}});
  add_kpi({{"direction", text("lower_is_better")}, {"target", 5.0}, {"amber_threshold", 8.0}, {"red_threshold", 12.0}});
  refused = refusal([&] { repo.update("kpi", id, {{"direction", text("lower_is_better")}}); });
  CHECK(refused.field == "amber_threshold");
  CHECK(refused.message == lower);

  CHECK(refusal([&] { add_kpi({{"direction", Value{}}}); }).message == "Direction is required.");
  CHECK(refusal([&] {
          add_kpi({{"frequency", text("daily")}});
        }).message == "Measurement frequency must be one of: Weekly, Monthly, Quarterly, Half-yearly, Yearly.");
}

TEST_CASE_FIXTURE(Fixture, "KPI: measurements are part of their KPI: deleted and restored with it") {
  const std::string kpi = add_kpi({{"name", text("Incidents closed in time")}, {"target", 90.0}});
  const std::string other = add_kpi({{"name", text("Other")}});
  measure(kpi, "2026-01-31", 85);
  measure(kpi, "2026-02-28", 92);
  measure(other, "2026-02-28", 1);
  CHECK(refusal([&] {
          repo.create("measurement", {{"kpi", text(kpi)}, {"date", text("2026-03-31")}});
        }).message == "Value is required.");
  CHECK(refusal([&] {
          repo.create("measurement", {{"date", text("2026-03-31")}, {"value", 1.0}});
        }).message == "KPI is required.");

  repo.remove("kpi", kpi);
  CHECK(repo.count("measurement") == 1);
  CHECK(repo.find_by("measurement", "kpi", text(kpi)).empty());
  CHECK(repo.list("measurement", true).size() == 3);  // tombstones, not gone

  repo.restore("kpi", kpi);
  CHECK(repo.count("measurement") == 3);
  std::set<std::string> back;
  for (const Record& m : repo.find_by("measurement", "kpi", text(kpi))) back.insert(repo.title_of(m));
  CHECK(back == std::set<std::string>{"2026-01-31", "2026-02-28"});  // titled by their date

  // An objective measured by the KPI keeps it from being deleted unasked.
  repo.create("objective", {{"title", text("Close incidents in time")}, {"measure", text(kpi)}});
  CHECK_THROWS_AS(repo.remove("kpi", kpi), LinkedRecordsError);
  CHECK(repo.count("measurement") == 3);
}

namespace {

struct KnownSet {
  std::map<std::string, std::string> id;  // letter -> KPI id
};

// Seven KPIs whose status on 2026-03-20 is worked out by hand in the comments.
KnownSet add_known_set(Fixture& f) {
  KnownSet set;
  // A: higher is better, monthly. Latest 96 >= amber 90 -> on target; 96 against the mean of 91
  // and 93 (92) -> improving; next due one month after 2026-03-15. A deleted measurement of 10 on
  // 2026-03-19 would make it off target if it counted.
  set.id["A"] = f.add_kpi({{"name", text("A")},
                           {"target", 95.0},
                           {"amber_threshold", 90.0},
                           {"red_threshold", 80.0},
                           {"frequency", text("monthly")}});
  f.measure(set.id["A"], "2026-01-31", 91);
  f.measure(set.id["A"], "2026-03-15", 96);
  f.measure(set.id["A"], "2026-02-28", 93);
  f.repo.remove("measurement", f.measure(set.id["A"], "2026-03-19", 10));
  // B: lower is better, quarterly. 10 is above amber 8 and below red 12 -> at risk; up from 9 ->
  // worsening.
  set.id["B"] = f.add_kpi({{"name", text("B")},
                           {"direction", text("lower_is_better")},
                           {"target", 5.0},
                           {"amber_threshold", 8.0},
                           {"red_threshold", 12.0},
                           {"frequency", text("quarterly")}});
  f.measure(set.id["B"], "2026-01-10", 9);
  f.measure(set.id["B"], "2026-03-01", 10);
  // C: monthly, last measured 2026-01-01, so due 2026-02-01 -> overdue, whatever the value.
  set.id["C"] =
      f.add_kpi({{"name", text("C")}, {"target", 99.0}, {"red_threshold", 90.0}, {"frequency", text("monthly")}});
  f.measure(set.id["C"], "2026-01-01", 98);
  // D: no frequency, no amber (the target is the line), no red: 40 below 50 -> off target.
  set.id["D"] = f.add_kpi({{"name", text("D")}, {"target", 50.0}});
  f.measure(set.id["D"], "2026-03-01", 40);
  // E: never measured -> no data. F: only a value from the future -> no data.
  set.id["E"] = f.add_kpi({{"name", text("E")}, {"target", 1.0}});
  set.id["F"] = f.add_kpi({{"name", text("F")}, {"target", 1.0}, {"frequency", text("weekly")}});
  f.measure(set.id["F"], "2026-04-01", 5);
  // G: two values on one day; the one entered later (85, a correction of 70) counts -> on target.
  set.id["G"] = f.add_kpi({{"name", text("G")}, {"target", 80.0}, {"amber_threshold", 75.0}, {"red_threshold", 60.0}});
  f.measure(set.id["G"], "2026-03-10", 70);
  f.clock.set("2026-03-10T12:00:00Z");
  f.measure(set.id["G"], "2026-03-10", 85);
  // A deleted KPI with measurements does not count at all.
  const std::string gone = f.add_kpi({{"name", text("Gone")}, {"target", 1.0}});
  f.measure(gone, "2026-03-01", 0);
  f.repo.remove("kpi", gone);
  return set;
}

}  // namespace

TEST_CASE_FIXTURE(Fixture, "KPI: evaluate_kpi_record and kpi_status_counts on a hand-made set") {
  KnownSet set = add_known_set(*this);
  const char* today = "2026-03-20";
  auto evaluate = [&](const char* letter) {
    return evaluate_kpi_record(repo, *repo.get("kpi", set.id[letter]), today);
  };

  const KpiEvaluation a = evaluate("A");
  CHECK(a.status == KpiStatus::OnTarget);
  CHECK(a.trend == KpiTrend::Improving);
  REQUIRE(a.latest.has_value());
  CHECK(a.latest->date == "2026-03-15");
  CHECK(a.latest->value == 96);
  CHECK(a.next_due == std::optional<std::string>("2026-04-15"));

  const KpiEvaluation b = evaluate("B");
  CHECK(b.status == KpiStatus::AtRisk);
  CHECK(b.trend == KpiTrend::Worsening);
  CHECK(b.next_due == std::optional<std::string>("2026-06-01"));

  CHECK(evaluate("C").status == KpiStatus::Overdue);
  CHECK(evaluate("C").next_due == std::optional<std::string>("2026-02-01"));
  CHECK(evaluate("D").status == KpiStatus::OffTarget);
  CHECK_FALSE(evaluate("D").next_due.has_value());
  CHECK(evaluate("E").status == KpiStatus::NoData);
  CHECK(evaluate("F").status == KpiStatus::NoData);
  const KpiEvaluation g = evaluate("G");
  CHECK(g.status == KpiStatus::OnTarget);
  CHECK(g.latest->value == 85);

  CHECK(kpi_status_counts(repo, today) ==
        std::map<std::string, std::size_t>{
            {"on_target", 2}, {"at_risk", 1}, {"off_target", 1}, {"no_data", 2}, {"overdue", 1}});
  // A week later F's value is no longer in the future: 5 >= 1 -> on target.
  CHECK(kpi_status_counts(repo, "2026-04-01").at("on_target") == 3);
}

TEST_CASE_FIXTURE(Fixture, "KPI: kpi_status_counts lists every status, 0 included") {
  const auto counts = kpi_status_counts(repo, "2026-03-20");
  CHECK(counts == std::map<std::string, std::size_t>{
                      {"on_target", 0}, {"at_risk", 0}, {"off_target", 0}, {"no_data", 0}, {"overdue", 0}});
}

TEST_CASE_FIXTURE(Fixture, "KPI: one query for all KPIs agrees with one KPI at a time") {
  // 200 KPIs with 100 measurements each, varied so that every status occurs. The KPIs go through
  // the repository; the 20,000 measurements are written as the repository stores them (the rules
  // are tested above), which keeps this test at a tenth of a second instead of two.
  constexpr int kpi_count = 200;
  constexpr int per_kpi = 100;
  const char* frequencies[] = {"weekly", "monthly", "quarterly", "yearly"};
  {
    Transaction transaction(db);
    Statement insert = db.prepare(
        "INSERT INTO rec_measurement (id, created_at, created_by, updated_at, updated_by, revision, deleted, kpi, "
        "date, value) VALUES (?, ?, 'test', ?, 'test', 1, 0, ?, ?, ?)");
    for (int k = 0; k < kpi_count; ++k) {
      const bool lower = k % 2 == 1;
      Values values{{"name", text("KPI " + std::to_string(k))}, {"target", lower ? 10.0 : 90.0}};
      if (lower) values["direction"] = text("lower_is_better");
      if (k % 3 != 0) values["amber_threshold"] = lower ? 20.0 : 80.0;
      if (k % 4 != 0) values["red_threshold"] = lower ? 40.0 : 60.0;
      if (k % 5 != 0) values["frequency"] = text(frequencies[k % 4]);
      if (k % 17 == 0) values.erase("target");
      const std::string id = add_kpi(values);
      // The last date is k % 90 days and a week before 2026-03-31; values sweep through every band.
      // Every 10th measurement repeats the date of the one before it, entered a second later (a
      // correction), the last one included, so both paths must agree on which of two counts.
      const CivilDate last = add_days(CivilDate{2026, 3, 31}, -(k % 90));
      for (int m = 0; m < per_kpi; ++m) {
        const int week = per_kpi - 1 - m + (m % 10 == 9 ? 1 : 0);
        const std::string entered = "2026-03-01T10:00:" + std::string(m % 10 == 9 ? "01" : "00") + "Z";
        insert.reset();
        insert.bind(1, id + "-" + std::to_string(m))
            .bind(2, entered)
            .bind(3, entered)
            .bind(4, id)
            .bind(5, format_date(add_days(last, -7 * week)))
            .bind(6, static_cast<double>((k * 37 + m * 11) % 100));
        insert.step();
      }
    }
    transaction.commit();
  }
  REQUIRE(repo.count("measurement") == kpi_count * per_kpi);

  const char* today = "2026-03-31";
  std::map<std::string, std::size_t> one_by_one;
  for (const char* status : {"on_target", "at_risk", "off_target", "no_data", "overdue"}) one_by_one[status] = 0;
  for (const Record& kpi : repo.list("kpi")) {
    ++one_by_one[std::string(to_value(evaluate_kpi_record(repo, kpi, today).status))];
  }
  for (const auto& [status, count] : one_by_one) {
    CAPTURE(status);
    CHECK(count > 0);
  }

  const std::map<std::string, std::size_t> all_at_once = kpi_status_counts(repo, today);
  CHECK(all_at_once == one_by_one);
  // Its speed is measured by bench/ (scripts/bench.sh), not here: a timed unit test fails on a
  // busy machine and says nothing about the browser.
}
