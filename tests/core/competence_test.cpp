// Competence and awareness (7.2-7.4) and the reports to senior management in a real workspace,
// with the seeded roles and processes: the registers' rules with their exact messages, and the
// training and report figures on a small hand-made workspace whose answers are known by counting.
#include <doctest/doctest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/catalogs/seed.hpp"
#include "core/competence/training_figures.hpp"
#include "core/model/links.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/register_test_support.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::number;
using isms::test::Refusal;
using isms::test::refusal;
using isms::test::TempDir;
using isms::test::text;
using isms::test::Values;

namespace {

constexpr const char* today = "2026-11-26";

struct Fixture {
  TempDir dir;
  FixedClock clock{"2026-11-26T09:00:00Z"};
  std::unique_ptr<Workspace> workspace =
      Workspace::create(dir.str(), "ws-competence", {"ISMS 2027", "Client GmbH", "Anna"}, clock, nullptr);
  Repository& records = workspace->records();

  const std::string employees = catalogs::role_id("employees");
  const std::string manager_role = catalogs::role_id("isms-manager");
  const std::string senior_management = catalogs::role_id("senior-management");

  std::string person(const char* name, const std::string& role = {}, const char* status = "active") {
    Values values{{"name", text(name)}, {"status", text(status)}};
    if (!role.empty()) values["role"] = text(role);
    return records.create("person", values);
  }
  std::string session(const char* topic, const char* date, const char* status, Values more = {}) {
    more["topic"] = text(topic);
    more["date"] = text(date);
    more["status"] = text(status);
    return records.create("training_session", more);
  }
  std::string attend(const std::string& session_id, const std::string& person_id, const char* attended,
                     Values more = {}) {
    more["session"] = text(session_id);
    more["person"] = text(person_id);
    more["attended"] = text(attended);
    return records.create("training_attendance", more);
  }
  std::string field(const char* kind, const std::string& id, const char* key) const {
    return to_display(records.get(kind, id)->get(key));
  }
  Values campaign(Values more = {}) const {
    Values values{{"topic", text("Phishing month")}, {"channels", text("email")}, {"start_date", text("2026-10-01")}};
    for (auto& [key, value] : more) values[key] = value;
    return values;
  }
  Values report(Values more = {}) const {
    Values values{{"title", text("ISMS performance report")},
                  {"recipients", link_list({senior_management})},
                  {"frequency", text("quarterly")},
                  {"next_due", text("2027-01-15")}};
    for (auto& [key, value] : more) values[key] = value;
    return values;
  }
};

std::vector<std::string> rows(const std::vector<figures::Flagged>& flagged) {
  std::vector<std::string> found;
  for (const figures::Flagged& item : flagged) found.push_back(item.title + ": " + item.detail);
  return found;
}

using Rows = std::vector<std::string>;

// "Employees 1/2 of 1 training x 2 people": one coverage row, to compare whole tables at once.
std::string describe(const figures::TrainingCoverage& row) {
  return row.role_name + " " + std::to_string(row.covered) + "/" + std::to_string(row.required) + " of " +
         std::to_string(row.trainings) + " x " + std::to_string(row.people);
}

}  // namespace

// --- Training sessions ------------------------------------------------------------------------

TEST_CASE_FIXTURE(Fixture, "competence: a training session is mandatory, general and planned unless told") {
  const std::string id = session("Security awareness", "2026-12-01", "planned");
  CHECK(field("training_session", id, "mandatory") == "yes");
  CHECK(field("training_session", id, "kind") == "general");
  CHECK(field("training_session", id, "status") == "planned");
  CHECK(records.title_of(*records.get("training_session", id)) == "Security awareness");

  Refusal refused = refusal([&] { records.create("training_session", {{"date", text("2026-12-01")}}); });
  CHECK(refused.field == "topic");
  CHECK(refused.message == "Topic is required.");
  refused = refusal([&] { session("Awareness", "2026-12-01", "planned", {{"duration_minutes", number(0)}}); });
  CHECK(refused.field == "duration_minutes");
  CHECK(refused.message == "Duration (minutes) must be between 1 and 1440.");
  refused = refusal([&] { session("Awareness", "2026-12-01", "planned", {{"recurrence_months", number(61)}}); });
  CHECK(refused.message == "Repeat every (months) must be between 1 and 60.");
}

TEST_CASE_FIXTURE(Fixture, "competence: a role-specific training needs its audience role") {
  Refusal refused = refusal([&] {
    session("Secure coding", "2026-12-01", "planned", {{"kind", text("role_specific")}});
  });
  CHECK(refused.field == "audience_role");
  CHECK(refused.message == "Audience role is required for a role-specific training.");

  const std::string id = session("Secure coding", "2026-12-01", "planned",
                                 {{"kind", text("role_specific")}, {"audience_role", text(employees)}});
  refused = refusal([&] { records.update("training_session", id, {{"audience_role", Value{}}}); });
  CHECK(refused.message == "Audience role is required for a role-specific training.");
  // A general training may still be aimed at one role: the audience says who must attend.
  CHECK(refusal([&] {
          session("Clean desk", "2026-12-01", "planned", {{"audience_role", text(employees)}});
        }).message == "(written)");
}

TEST_CASE_FIXTURE(Fixture, "competence: only a mandatory training repeats") {
  const Refusal refused = refusal([&] {
    session("Lunch talk", "2026-12-01", "planned", {{"mandatory", text("no")}, {"recurrence_months", number(12)}});
  });
  CHECK(refused.field == "recurrence_months");
  CHECK(refused.message ==
        "Repeat every (months) applies only to a mandatory training; set Mandatory to Yes or clear it.");
  const std::string id = session("Awareness", "2026-12-01", "planned", {{"recurrence_months", number(12)}});
  CHECK(refusal([&] {
          records.update("training_session", id, {{"mandatory", text("no")}});
        }).message == "Repeat every (months) applies only to a mandatory training; set Mandatory to Yes or clear it.");
}

TEST_CASE_FIXTURE(Fixture, "competence: a session is planned, then held or cancelled, and held stays held") {
  const std::string id = session("Phishing basics", "2026-11-20", "planned");
  records.update("training_session", id, {{"status", text("cancelled")}});
  Refusal refused = refusal([&] { records.update("training_session", id, {{"status", text("held")}}); });
  CHECK(refused.field == "status");
  CHECK(refused.message == "Status cannot change from Cancelled to Held; allowed: Planned.");
  records.update("training_session", id, {{"status", text("planned")}});
  records.update("training_session", id, {{"status", text("held")}});
  refused = refusal([&] { records.update("training_session", id, {{"status", text("cancelled")}}); });
  CHECK(refused.message == "Status cannot change from Held to Cancelled; allowed: Planned.");

  // Back to planned corrects a mistake, but not once people are recorded as attended.
  const std::string anna = person("Anna Berg");
  const std::string bert = person("Bert Olsen");
  const std::string carla = person("Carla Diaz");
  attend(id, anna, "yes");
  const std::string bert_row = attend(id, bert, "yes");
  attend(id, carla, "no");
  refused = refusal([&] { records.update("training_session", id, {{"status", text("planned")}}); });
  CHECK(refused.field == "status");
  CHECK(refused.message ==
        "Status must stay Held while 2 people are recorded as attended; set Attended to No on those rows first.");
  records.update("training_attendance", bert_row, {{"attended", text("no")}});
  CHECK(refusal([&] {
          records.update("training_session", id, {{"status", text("planned")}});
        }).message ==
        "Status must stay Held while 1 person is recorded as attended; set Attended to No on that row first.");
}

// --- Attendance -------------------------------------------------------------------------------

TEST_CASE_FIXTURE(Fixture, "competence: attendance is recorded once per person, as attended only when held") {
  const std::string planned = session("Phishing basics", "2026-12-01", "planned");
  const std::string anna = person("Anna Berg");

  Refusal refused = refusal([&] { attend(planned, anna, "yes"); });
  CHECK(refused.field == "attended");
  CHECK(refused.message == "Attended can be Yes only once the session is held; 'Phishing basics' is Planned.");
  // Registering for a planned session is fine: not attended (yet).
  const std::string row = attend(planned, anna, "no", {{"note", text("Registered")}});
  CHECK(records.title_of(*records.get("training_attendance", row)) == anna);

  refused = refusal([&] { attend(planned, anna, "no"); });
  CHECK(refused.field == "person");
  CHECK(refused.message == "Person Anna Berg is already on this session's attendance list; change that row instead.");

  refused = refusal([&] {
    records.create("training_attendance", {{"session", text(planned)}, {"person", text(anna)}});
  });
  CHECK(refused.field == "attended");
  CHECK(refused.message == "Attended is required.");
  refused = refusal([&] {
    records.create("training_attendance", {{"session", text(planned)}, {"attended", text("no")}});
  });
  CHECK(refused.message == "Person is required.");

  records.update("training_session", planned, {{"status", text("held")}});
  records.update("training_attendance", row, {{"attended", text("yes")}, {"score", number(85)}});  // its own row
  CHECK(field("training_attendance", row, "score") == "85");

  // The same person at another session is another row.
  const std::string other = session("Clean desk", "2026-11-01", "held");
  CHECK(refusal([&] { attend(other, anna, "yes"); }).message == "(written)");
}

TEST_CASE_FIXTURE(Fixture, "competence: a score is for someone who attended, from 0 to 100") {
  const std::string held = session("Phishing basics", "2026-11-01", "held");
  const std::string anna = person("Anna Berg");
  Refusal refused = refusal([&] { attend(held, anna, "no", {{"score", number(40)}}); });
  CHECK(refused.field == "score");
  CHECK(refused.message == "Score can be given only when Attended is Yes.");
  refused = refusal([&] { attend(held, anna, "yes", {{"score", number(101)}}); });
  CHECK(refused.message == "Score must be between 0 and 100.");
  const std::string row = attend(held, anna, "yes", {{"score", number(100)}});
  CHECK(refusal([&] {
          records.update("training_attendance", row, {{"attended", text("no")}});
        }).message == "Score can be given only when Attended is Yes.");
}

TEST_CASE_FIXTURE(Fixture, "competence: deleting a session deletes its attendance list, restoring brings it back") {
  const std::string held = session("Phishing basics", "2026-11-01", "held");
  const std::string row = attend(held, person("Anna Berg"), "yes");
  records.remove("training_session", held);
  CHECK(records.get("training_attendance", row)->deleted);
  CHECK(records.count("training_attendance") == 0);
  records.restore("training_session", held);
  CHECK_FALSE(records.get("training_attendance", row)->deleted);
}

// --- Awareness campaigns and the communication log ---------------------------------------------

TEST_CASE_FIXTURE(Fixture, "competence: a campaign's channels are stored in one canonical form") {
  const std::string id = records.create("awareness_campaign", campaign({{"channels", text("Poster, e-mail,EMAIL, ")}}));
  CHECK(field("awareness_campaign", id, "channels") == "email, poster");
  CHECK(field("awareness_campaign", id, "status") == "planned");
  records.update("awareness_campaign", id, {{"channels", text("other,meeting,Intranet")}});
  CHECK(field("awareness_campaign", id, "channels") == "intranet, meeting, other");

  Refusal refused = refusal([&] { records.update("awareness_campaign", id, {{"channels", text("poster, fax")}}); });
  CHECK(refused.field == "channels");
  CHECK(refused.message ==
        "Channels must be chosen from E-mail, Poster, Intranet, Meeting and Other, separated by commas; \"fax\" is "
        "not one of them.");
  refused = refusal([&] { records.create("awareness_campaign", campaign({{"channels", text(" , ")}})); });
  CHECK(refused.message ==
        "Channels are required: choose at least one of E-mail, Poster, Intranet, Meeting and Other.");
  refused = refusal([&] { records.create("awareness_campaign", campaign({{"channels", Value{}}})); });
  CHECK(refused.message ==
        "Channels are required: choose at least one of E-mail, Poster, Intranet, Meeting and Other.");
}

TEST_CASE_FIXTURE(Fixture, "competence: a campaign's dates and lifecycle") {
  Refusal refused = refusal([&] { records.create("awareness_campaign", campaign({{"start_date", Value{}}})); });
  CHECK(refused.message == "Start date is required.");
  refused = refusal([&] { records.create("awareness_campaign", campaign({{"end_date", text("2026-09-30")}})); });
  CHECK(refused.field == "end_date");
  CHECK(refused.message == "End date must not be before the start date.");

  const std::string id = records.create("awareness_campaign", campaign({{"end_date", text("2026-10-01")}}));  // one day
  refused = refusal([&] { records.update("awareness_campaign", id, {{"status", text("finished")}}); });
  CHECK(refused.field == "status");
  CHECK(refused.message == "Status cannot change from Planned to Finished; allowed: Running, Cancelled.");
  records.update("awareness_campaign", id, {{"status", text("running")}, {"end_date", Value{}}});
  refused = refusal([&] { records.update("awareness_campaign", id, {{"status", text("finished")}}); });
  CHECK(refused.field == "end_date");
  CHECK(refused.message == "End date is required for a finished campaign.");
  records.update("awareness_campaign", id, {{"status", text("finished")}, {"end_date", text("2026-10-31")}});
  records.update("awareness_campaign", id, {{"status", text("running")}});  // extended
  records.update("awareness_campaign", id, {{"status", text("cancelled")}});
  CHECK(refusal([&] {
          records.update("awareness_campaign", id, {{"status", text("running")}});
        }).message == "Status cannot change from Cancelled to Running; allowed: Planned.");
}

TEST_CASE_FIXTURE(Fixture, "competence: the communication log, the communication process's log too") {
  const std::string sender = person("Anna Berg");
  const std::string campaign_id = records.create("awareness_campaign", campaign());
  const std::string process = catalogs::process_id("communication");
  const std::string id = records.create("communication", {{"date", text("2026-10-02")},
                                                          {"channel", text("email")},
                                                          {"audience", text("All staff")},
                                                          {"message", text("Report suspicious e-mails to IT.")},
                                                          {"sent_by", text(sender)},
                                                          {"campaign", text(campaign_id)},
                                                          {"process", text(process)}});
  CHECK(records.title_of(*records.get("communication", id)) == "Report suspicious e-mails to IT.");
  CHECK(records.linked_from(campaign_id).size() == 1);
  std::size_t logged = 0;  // other processes point at it too, through their inputs and outputs
  for (const LinkedRecord& link : records.linked_from(process)) logged += link.kind == "communication" ? 1 : 0;
  CHECK(logged == 1);
  // Neither a campaign nor a process is needed.
  CHECK(refusal([&] {
          records.create("communication",
                         {{"date", text("2026-10-05")}, {"channel", text("meeting")}, {"message", text("Town hall")}});
        }).message == "(written)");

  Refusal refused = refusal([&] {
    records.create("communication", {{"date", text("2026-10-05")}, {"channel", text("meeting")}});
  });
  CHECK(refused.field == "message");
  CHECK(refused.message == "Message is required.");
  refused = refusal([&] {
    records.create("communication", {{"date", text("2026-10-05")}, {"channel", text("fax")}, {"message", text("Hi")}});
  });
  CHECK(refused.field == "channel");
  CHECK(refused.message == "Channel must be one of: E-mail, Poster, Intranet, Meeting, Other.");
  refused = refusal([&] { records.create("communication", {{"channel", text("email")}, {"message", text("Hi")}}); });
  CHECK(refused.message == "Date is required.");
}

// --- Report schedule --------------------------------------------------------------------------

TEST_CASE_FIXTURE(Fixture, "competence: a scheduled report goes to roles, and its next due follows the last sent") {
  const std::string id = records.create("report_schedule", report());
  CHECK(field("report_schedule", id, "status") == "active");

  Refusal refused = refusal([&] { records.create("report_schedule", report({{"recipients", Value{}}})); });
  CHECK(refused.field == "recipients");
  CHECK(refused.message == "Recipients are required: choose at least one role that receives the report.");
  refused = refusal([&] { records.create("report_schedule", report({{"recipients", link_list({})}})); });
  CHECK(refused.message == "Recipients are required: choose at least one role that receives the report.");
  refused = refusal([&] { records.create("report_schedule", report({{"next_due", Value{}}})); });
  CHECK(refused.message == "Next due is required.");
  refused = refusal([&] { records.create("report_schedule", report({{"frequency", text("daily")}})); });
  CHECK(refused.message == "Frequency must be one of: Weekly, Monthly, Quarterly, Half-yearly, Yearly.");

  refused = refusal([&] { records.update("report_schedule", id, {{"last_sent", text("2027-01-15")}}); });
  CHECK(refused.field == "next_due");
  CHECK(refused.message == "Next due must be after the last sent date (2027-01-15).");
  records.update("report_schedule", id, {{"last_sent", text("2027-01-14")}});
}

TEST_CASE_FIXTURE(Fixture, "competence: a scheduled report is active, paused or retired") {
  const std::string id = records.create("report_schedule", report());
  records.update("report_schedule", id, {{"status", text("paused")}});
  records.update("report_schedule", id, {{"status", text("retired")}});
  const Refusal refused = refusal([&] { records.update("report_schedule", id, {{"status", text("paused")}}); });
  CHECK(refused.field == "status");
  CHECK(refused.message == "Status cannot change from Retired to Paused; allowed: Active.");
  records.update("report_schedule", id, {{"status", text("active")}});
}

TEST_CASE_FIXTURE(Fixture, "competence: reports overdue are the active ones due before today") {
  records.create("report_schedule", report({{"title", text("Monthly KPI report")}, {"next_due", text("2026-11-25")}}));
  records.create("report_schedule", report({{"title", text("Due today")}, {"next_due", text(today)}}));
  records.create(
      "report_schedule",
      report({{"title", text("Paused report")}, {"next_due", text("2026-10-01")}, {"status", text("paused")}}));
  records.create("report_schedule",
                 report({{"title", text("Quarterly ISMS report")}, {"next_due", text("2026-09-30")}}));
  records.create(
      "report_schedule",
      report({{"title", text("Old report")}, {"next_due", text("2025-01-01")}, {"status", text("retired")}}));
  const std::string gone =
      records.create("report_schedule", report({{"title", text("Gone")}, {"next_due", text("2026-01-01")}}));
  records.remove("report_schedule", gone);

  const std::vector<figures::Flagged> overdue = figures::reports_overdue(records, today);
  CHECK(rows(overdue) == Rows{"Quarterly ISMS report: 2026-09-30", "Monthly KPI report: 2026-11-25"});
  CHECK(overdue[0].kind == "report_schedule");
  CHECK(figures::reports_overdue(records, "2026-09-30").empty());
  CHECK_THROWS_AS(figures::reports_overdue(records, "26.11.2026"), std::invalid_argument);
}

// --- Training figures -------------------------------------------------------------------------

namespace {

// Four active people and one who left; two trainings for everyone (one of them held twice and
// repeated yearly), one for Employees, one for the ISMS Manager, and sessions that require
// nothing (planned, not mandatory, cancelled). Who attended what is in the comments.
struct TrainingFixture : Fixture {
  std::string anna = person("Anna Berg", employees);
  std::string bert = person("Bert Olsen", employees);
  std::string carla = person("Carla Diaz", manager_role);
  std::string dora = person("dora Fischer");  // no role; lower case sorts by name all the same
  std::string emil = person("Emil Left", employees, "left");

  std::string awareness_2025 = session("Security awareness", "2025-03-10", "held", {{"recurrence_months", number(12)}});
  std::string awareness_2026 = session("security Awareness", "2026-03-10", "held", {{"recurrence_months", number(12)}});
  std::string phishing = session("Phishing basics", "2026-06-01", "held");
  std::string lead = session("ISMS lead implementer", "2026-02-01", "held",
                             {{"kind", text("role_specific")}, {"audience_role", text(manager_role)}});
  std::string clean_desk = session("Clean desk", "2026-11-20", "held", {{"audience_role", text(employees)}});
  std::string coding = session("Secure coding", "2026-12-01", "planned", {{"audience_role", text(employees)}});
  std::string lunch = session("Lunch talk", "2026-05-01", "held", {{"mandatory", text("no")}});
  std::string dropped = session("Backup drill", "2026-04-01", "cancelled");

  TrainingFixture() {
    attend(awareness_2025, anna, "yes");
    attend(awareness_2026, anna, "yes");  // current until 2027-03-10
    attend(phishing, anna, "yes");
    attend(clean_desk, anna, "no");  // missing: Clean desk
    attend(lunch, anna, "yes");
    attend(awareness_2025, bert, "yes");  // lapsed on 2026-03-10: Security awareness
    attend(phishing, bert, "no");         // missing: Phishing basics
    attend(clean_desk, bert, "yes");
    attend(awareness_2026, carla, "yes");
    attend(phishing, carla, "yes");       // missing: ISMS lead implementer
    attend(awareness_2025, emil, "yes");  // left: not counted
    // Dora attended nothing: both trainings for everyone are missing.
  }
};

}  // namespace

TEST_CASE_FIXTURE(TrainingFixture, "competence: training coverage per role, with known answers") {
  const std::vector<figures::TrainingCoverage> coverage = figures::training_coverage(records, today);
  std::vector<std::string> found;
  for (const figures::TrainingCoverage& row : coverage) found.push_back(describe(row));
  // Everyone: 2 trainings x 4 active people; Anna and Carla have both, Bert and Dora neither.
  CHECK(found == Rows{"Everyone 4/8 of 2 x 4", "Employees 1/2 of 1 x 2", "HR and Training Department 0/0 of 0 x 0",
                      "Information Security Officer 0/0 of 0 x 0", "Internal Audit Team 0/0 of 0 x 0",
                      "ISMS Manager 0/1 of 1 x 1", "Senior Management 0/0 of 0 x 0"});
  CHECK(coverage[0].role_id.empty());
  CHECK(coverage[1].role_id == employees);
  CHECK(coverage[0].share() == doctest::Approx(0.5));
  CHECK(coverage[1].share() == doctest::Approx(0.5));
  CHECK(coverage[2].share() == doctest::Approx(1.0));  // nothing required, nothing missing
  CHECK(coverage[5].share() == doctest::Approx(0.0));
}

TEST_CASE_FIXTURE(TrainingFixture, "competence: people overdue for training, with known answers") {
  const std::vector<figures::Flagged> overdue = figures::people_overdue_training(records, today);
  CHECK(rows(overdue) == Rows{"Anna Berg: Clean desk", "Bert Olsen: Phishing basics",
                              "Bert Olsen: security Awareness",  // the latest session's spelling
                              "Carla Diaz: ISMS lead implementer", "dora Fischer: Phishing basics",
                              "dora Fischer: security Awareness"});
  CHECK(overdue[0].kind == "person");
  CHECK(overdue[0].id == anna);

  // Every required pair is covered or overdue: the coverage's gaps are exactly these rows.
  std::size_t gaps = 0;
  for (const figures::TrainingCoverage& row : figures::training_coverage(records, today)) {
    gaps += row.required - row.covered;
  }
  CHECK(gaps == overdue.size());
}

TEST_CASE_FIXTURE(TrainingFixture, "competence: a recurring training is due again after its months, overdue after") {
  // On 2026-03-10 Bert's attendance of 2025-03-10 is exactly twelve months old: due, not overdue.
  // Sessions held later (Phishing basics, Clean desk) require nothing yet.
  CHECK(rows(figures::people_overdue_training(records, "2026-03-10")) ==
        Rows{"Carla Diaz: ISMS lead implementer", "dora Fischer: security Awareness"});
  CHECK(rows(figures::people_overdue_training(records, "2026-03-11")) == Rows{"Bert Olsen: security Awareness",
                                                                              "Carla Diaz: ISMS lead implementer",
                                                                              "dora Fischer: security Awareness"});

  // The latest session's recurrence is the training's: every 24 months, Bert's is current again.
  records.update("training_session", awareness_2026, {{"recurrence_months", number(24)}});
  CHECK(rows(figures::people_overdue_training(records, today)) ==
        Rows{"Anna Berg: Clean desk", "Bert Olsen: Phishing basics", "Carla Diaz: ISMS lead implementer",
             "dora Fischer: Phishing basics", "dora Fischer: security Awareness"});
  // Without one, attending once is enough.
  records.update("training_session", awareness_2026, {{"recurrence_months", Value{}}});
  records.update("training_session", awareness_2025, {{"recurrence_months", Value{}}});
  CHECK(figures::training_coverage(records, today)[0].covered == 5);
}

TEST_CASE_FIXTURE(TrainingFixture, "competence: the figures follow people, sessions and attendance as they change") {
  // Dora joins the ISMS Manager role: the lead implementer course is now required of her too.
  records.update("person", dora, {{"role", text(manager_role)}});
  // Carla leaves: nothing is required of her any more.
  records.update("person", carla, {{"status", text("left")}});
  // The clean desk session is deleted with its attendance list: that training is gone.
  records.remove("training_session", clean_desk);
  // Bert catches up on phishing.
  const std::string repeat = session("Phishing basics", "2026-11-25", "held");
  attend(repeat, bert, "yes");

  std::vector<std::string> found;
  for (const figures::TrainingCoverage& row : figures::training_coverage(records, today))
    found.push_back(describe(row));
  CHECK(found == Rows{"Everyone 3/6 of 2 x 3", "Employees 0/0 of 0 x 2", "HR and Training Department 0/0 of 0 x 0",
                      "Information Security Officer 0/0 of 0 x 0", "Internal Audit Team 0/0 of 0 x 0",
                      "ISMS Manager 0/1 of 1 x 1", "Senior Management 0/0 of 0 x 0"});
  CHECK(rows(figures::people_overdue_training(records, today)) ==
        Rows{"Bert Olsen: security Awareness", "dora Fischer: ISMS lead implementer", "dora Fischer: Phishing basics",
             "dora Fischer: security Awareness"});
  CHECK_THROWS_AS(figures::training_coverage(records, "tomorrow"), std::invalid_argument);
  CHECK_THROWS_AS(figures::people_overdue_training(records, ""), std::invalid_argument);
}
