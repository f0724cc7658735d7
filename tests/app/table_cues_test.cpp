// The register table's cues (issue 4, item 2): which enum values show as which coloured chip,
// which dates turn red once passed, and the question the table asks with its enum filters (the
// same question its CSV export asks).
#include <doctest/doctest.h>

#include <string>

#include "app/register_query.hpp"
#include "app/status_tone.hpp"
#include "core/program/program_figures.hpp"
#include "tests/app/open_workspace.hpp"

using isms::test::kToday;
using isms::test::OpenWorkspace;
using namespace isms;
using namespace isms::app;

TEST_CASE("table cues: statuses, levels and verdicts are toned, enums that classify are plain") {
  const Registry& registry = Registry::builtin();
  const EntityDef& risk = registry.get("risk");
  CHECK(tone_of(*risk.field("status"), "closed") == Tone::Good);
  CHECK(tone_of(*risk.field("status"), "identified") == Tone::Active);
  CHECK(tone_of(*risk.field("inherent_level"), "critical") == Tone::Bad);
  CHECK(tone_of(*risk.field("inherent_level"), "medium") == Tone::Attention);
  CHECK(tone_of(*risk.field("residual_level"), "low") == Tone::Good);
  CHECK(tone_of(*risk.field("treatment"), "mitigate") == Tone::Plain);  // a choice, not a state
  CHECK(tone_of(*risk.field("status"), "") == Tone::Plain);
  const EntityDef& control = registry.get("control");
  CHECK(tone_of(*control.field("applicable"), "no") == Tone::Muted);  // not applicable is not bad
  CHECK(tone_of(*control.field("implementation_status"), "partially_implemented") == Tone::Attention);
  CHECK(tone_of(*registry.get("asset").field("type"), "hardware") == Tone::Plain);
  CHECK_FALSE(is_status_like(*registry.get("asset").field("confidentiality")));  // a rating, not an enum
}

TEST_CASE("table cues: a deadline that has passed is overdue until the record is finished") {
  OpenWorkspace w;
  const EntityDef& risk = w.records().registry().get("risk");
  const FieldDef& review = *risk.field("review_date");
  CHECK(is_deadline(review));
  CHECK_FALSE(is_deadline(*risk.field("accepted_on")));
  const std::string late = w.add("risk", {{"title", "Late review"},
                                          {"inherent_likelihood", "2"},
                                          {"inherent_impact", "2"},
                                          {"review_date", "2026-11-25"}});
  const std::string today = w.add(
      "risk",
      {{"title", "Review today"}, {"inherent_likelihood", "2"}, {"inherent_impact", "2"}, {"review_date", kToday}});
  CHECK(is_overdue(risk, review, *w.records().get("risk", late), kToday));
  CHECK_FALSE(is_overdue(risk, review, *w.records().get("risk", today), kToday));  // due today is not late yet
  CHECK_FALSE(is_overdue(risk, *risk.field("accepted_on"), *w.records().get("risk", late), kToday));

  const EntityDef& action = w.records().registry().get("treatment_action");
  const std::string done = w.add("treatment_action", {{"title", "Patch servers"},
                                                      {"risk", late},
                                                      {"due_date", "2026-01-31"},
                                                      {"status", "done"},
                                                      {"progress", "100"}});
  const std::string open =
      w.add("treatment_action", {{"title", "Train staff"}, {"risk", late}, {"due_date", "2026-01-31"}});
  CHECK_FALSE(is_overdue(action, *action.field("due_date"), *w.records().get("treatment_action", done), kToday));
  CHECK(is_overdue(action, *action.field("due_date"), *w.records().get("treatment_action", open), kToday));
}

TEST_CASE("table cues: a milestone not started after its planned end is overdue, as the dashboard calls it late") {
  OpenWorkspace w;
  const EntityDef& milestone = w.records().registry().get("milestone");
  const FieldDef& planned_end = *milestone.field("planned_end");
  for (const char* status : {"not_started", "in_progress", "done"}) {
    CAPTURE(status);
    const std::string id = w.add("milestone", {{"activity", std::string("Gap analysis ") + status},
                                               {"planned_start", "2026-10-01"},
                                               {"planned_end", "2026-10-31"},
                                               {"status", status},
                                               {"progress", std::string(status) == "done" ? "100" : "0"}});
    const Record record = *w.records().get("milestone", id);
    CHECK(is_overdue(milestone, planned_end, record, kToday) == isms::figures::is_late(record, kToday));
    CHECK(is_overdue(milestone, planned_end, record, kToday) == (std::string(status) != "done"));
  }
}

TEST_CASE("table cues: enum filters narrow the rows as the table and its CSV see them") {
  OpenWorkspace w;
  w.add_risk("Minor leak", 1, 1);
  w.add_risk("Ransomware", 5, 5);
  w.add_risk("Fraud", 4, 4);
  RegisterView view;
  view.kind = "risk";
  view.sort = {{"title", false}};
  const auto titles = [&] {
    std::vector<std::string> out;
    for (const Record& r : w.records().query("risk", table_query(view))) out.push_back(to_display(r.get("title")));
    return out;
  };
  CHECK(titles() == std::vector<std::string>{"Fraud", "Minor leak", "Ransomware"});
  toggle_enum_filter(view, "inherent_level", "critical");  // 5 x 5 = 25: critical from 17
  CHECK(titles() == std::vector<std::string>{"Ransomware"});
  toggle_enum_filter(view, "inherent_level", "low");  // either of the two
  CHECK(titles() == std::vector<std::string>{"Minor leak", "Ransomware"});
  toggle_enum_filter(view, "inherent_level", "critical");
  CHECK(titles() == std::vector<std::string>{"Minor leak"});
  toggle_enum_filter(view, "inherent_level", "low");  // the last option unchosen: no filter left
  CHECK(view.enum_filters.empty());
  view.filter = "ransom";
  CHECK(titles() == std::vector<std::string>{"Ransomware"});
}
