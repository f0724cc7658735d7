// Requirements (seed A2) and policies and other documents (7.5, seed B1): the registers' rules,
// the document lifecycle, and versions (core/policy/policy_versions.hpp).
#include <doctest/doctest.h>

#include <functional>
#include <set>
#include <stdexcept>

#include "core/model/links.hpp"
#include "core/model/registry.hpp"
#include "core/policy/policy_versions.hpp"
#include "core/store/migrations.hpp"
#include "core/store/repository.hpp"
#include "core/store/schema.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/register_test_support.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::refusal;
using isms::test::Refusal;
using isms::test::TempDir;
using isms::test::text;
using isms::test::Values;

namespace {

std::string field_of(const Repository& repo, const std::string& kind, const std::string& id, const char* key) {
  return to_display(repo.get(kind, id)->get(key));
}

struct Fixture {
  TempDir dir;
  Database db{dir.file("documents.sqlite")};
  FixedClock clock{"2026-03-01T10:00:00Z"};
  Repository repo{db, Registry::builtin(), clock, "Anna Dvořák"};
  std::string board;

  Fixture() {
    migrate(db);
    ensure_tables(db, Registry::builtin());
    board = repo.create("person", {{"name", text("Senior management")}});
  }

  std::string policy_status(const std::string& id) const { return field_of(repo, "policy", id, "status"); }
  std::string set_status(const std::string& id, const char* status, Values more = {}) {
    more["status"] = text(status);
    return refusal([&] { repo.update("policy", id, more); }).message;
  }
  Values approval(const char* on = "2026-03-10") const {
    return {{"approved_by", text(board)}, {"approved_on", text(on)}};
  }
  std::string add_policy(const char* title = "Information security policy") {
    return repo.create("policy", {{"title", text(title)}, {"type", text("policy")}});
  }
  // A document taken through review and approval to publication, as version `version`.
  std::string published_policy(const char* title, const char* version) {
    const std::string id =
        repo.create("policy", {{"title", text(title)}, {"type", text("policy")}, {"version", text(version)}});
    repo.update("policy", id, {{"status", text("in_review")}});
    Values approved = approval();
    approved["status"] = text("approved");
    repo.update("policy", id, approved);
    publish(repo, id);
    return id;
  }
};

}  // namespace

// --- Requirements -----------------------------------------------------------------------------

TEST_CASE_FIXTURE(Fixture, "requirement: a requirement not fully met needs its gap analysis") {
  Values values{{"title", text("Personal data breaches are reported within 72 hours")},
                {"type", text("legal")},
                {"source", text("GDPR")},
                {"reference", text("Art. 33")}};
  const std::string id = repo.create("requirement", values);
  CHECK(field_of(repo, "requirement", id, "compliance_status") == "not_assessed");
  CHECK(field_of(repo, "requirement", id, "applicability") == "applicable");

  for (const char* status : {"non_compliant", "partially_compliant"}) {
    CAPTURE(status);
    const Refusal refused = refusal([&] {
      repo.update("requirement", id, {{"compliance_status", text(status)}, {"gap_analysis", text("   ")}});
    });
    CHECK(refused.field == "gap_analysis");
    CHECK(refused.message == "Gap analysis is required when the requirement is not fully met.");
  }
  repo.update("requirement", id,
              {{"compliance_status", text("partially_compliant")},
               {"gap_analysis", text("No breach notification procedure for weekends.")}});
  repo.update("requirement", id, {{"compliance_status", text("compliant")}, {"gap_analysis", Value{}}});
  CHECK(field_of(repo, "requirement", id, "compliance_status") == "compliant");

  CHECK(refusal([&] { repo.create("requirement", {{"title", text("X")}}); }).message == "Type is required.");
  CHECK(refusal([&] {
          repo.create("requirement", {{"title", text("X")}, {"type", text("moral")}});
        }).message == "Type must be one of: Legal, Regulatory, Contractual, Business.");
}

TEST_CASE_FIXTURE(Fixture, "requirement: declaring it not applicable needs a note") {
  Values values{{"title", text("PCI DSS")}, {"type", text("contractual")}, {"applicability", text("not_applicable")}};
  const Refusal refused = refusal([&] { repo.create("requirement", values); });
  CHECK(refused.field == "applicability_note");
  CHECK(refused.message == "Applicability note is required when the requirement is not applicable.");
  values["applicability_note"] = text("We take no card payments.");
  repo.create("requirement", values);
  CHECK(repo.count("requirement") == 1);
}

// --- Documents: rules -------------------------------------------------------------------------

TEST_CASE_FIXTURE(Fixture, "policy: approval is recorded before a document is approved or published") {
  const std::string id = add_policy();
  CHECK(policy_status(id) == "draft");
  CHECK(field_of(repo, "policy", id, "version") == "0.1");
  CHECK(field_of(repo, "policy", id, "classification") == "internal");
  CHECK(set_status(id, "in_review") == "(written)");

  Refusal refused = refusal([&] { repo.update("policy", id, {{"status", text("approved")}}); });
  CHECK(refused.field == "approved_by");
  CHECK(refused.message == "Approved by is required before the document is approved.");
  refused = refusal([&] { repo.update("policy", id, {{"status", text("approved")}, {"approved_by", text(board)}}); });
  CHECK(refused.field == "approved_on");
  CHECK(refused.message == "Approved on is required before the document is approved.");

  // The approved version is the one in front of the approver when it is left out.
  CHECK(set_status(id, "approved", approval()) == "(written)");
  CHECK(field_of(repo, "policy", id, "approved_version") == "0.1");

  // Published straight from creation (an existing document entered afterwards) needs it too.
  CHECK(refusal([&] {
          repo.create("policy", {{"title", text("Old")}, {"type", text("policy")}, {"status", text("published")}});
        }).message == "Approved by is required before the document is published.");
  const std::string entered = repo.create("policy", {{"title", text("Old")},
                                                     {"type", text("record")},
                                                     {"version", text("3.0")},
                                                     {"status", text("published")},
                                                     {"approved_by", text(board)},
                                                     {"approved_on", text("2025-01-01")}});
  CHECK(field_of(repo, "policy", entered, "approved_version") == "3.0");
}

TEST_CASE_FIXTURE(Fixture, "policy: an approval covers one version only") {
  const std::string id = add_policy();
  set_status(id, "in_review");
  REQUIRE(set_status(id, "approved", approval()) == "(written)");

  Refusal refused = refusal([&] { repo.update("policy", id, {{"version", text("0.2")}}); });
  CHECK(refused.field == "approved_version");
  CHECK(refused.message ==
        "Approved version (0.1) must be the document's version (0.2) while it is approved or published; record the "
        "approval of version 0.2, or start a new version.");

  // Sent back for changes, edited to 0.2 and reviewed again: the old approval does not carry over,
  // even to the same version number (the text changed).
  CHECK(set_status(id, "draft", {{"version", text("0.2")}}) == "(written)");
  CHECK(is_null(repo.get("policy", id)->get("approved_by")));
  CHECK(set_status(id, "in_review") == "(written)");
  refused = refusal([&] { repo.update("policy", id, {{"status", text("approved")}}); });
  CHECK(refused.message == "Approved by is required before the document is approved.");
  Values again = approval();
  again["approved_on"] = text("2026-03-20");
  CHECK(set_status(id, "approved", again) == "(written)");
  CHECK(field_of(repo, "policy", id, "approved_version") == "0.2");
}

TEST_CASE_FIXTURE(Fixture, "policy: disposal is dated, and not before the approval") {
  const std::string id = published_policy("Clean desk standard", "1.0");
  Refusal refused = refusal([&] { repo.update("policy", id, {{"disposal_date", text("2026-03-09")}}); });
  CHECK(refused.field == "disposal_date");
  CHECK(refused.message == "Disposal date cannot be before the approval date (2026-03-10).");
  repo.update("policy", id, {{"retention_period", text("7 years")}, {"disposal_date", text("2026-03-10")}});

  CHECK(set_status(id, "retired", {{"disposal_date", Value{}}}) == "(written)");
  refused = refusal([&] { repo.update("policy", id, {{"status", text("disposed")}}); });
  CHECK(refused.field == "disposal_date");
  CHECK(refused.message == "Disposal date is required before the document is disposed.");
  CHECK(set_status(id, "disposed", {{"disposal_date", text("2033-03-10")}}) == "(written)");
}

// --- Documents: lifecycle and versions --------------------------------------------------------

TEST_CASE_FIXTURE(Fixture, "policy: publishing before approval is refused with the lifecycle's message") {
  const std::string id = add_policy();
  // Approval fields filled in early do not let a draft or a document in review skip a step.
  repo.update("policy", id, approval());
  CHECK(refusal([&] { publish(repo, id); }).message ==
        "Status cannot change from Draft to Published; allowed: In review.");
  set_status(id, "in_review");
  const Refusal refused = refusal([&] { publish(repo, id); });
  CHECK(refused.field == "status");
  CHECK(refused.message == "Status cannot change from In review to Published; allowed: Approved, Draft.");
  CHECK(policy_status(id) == "in_review");
  CHECK_THROWS_WITH_AS(publish(repo, "no-such-id"), "No document with id no-such-id.", StoreError);
}

TEST_CASE_FIXTURE(Fixture, "policy: a full lifecycle from draft to disposal, through a new version") {
  const std::string v1 = add_policy("Access control policy");
  repo.update("policy", v1,
              {{"version", text("1.0")},
               {"owner", text(board)},
               {"storage_location", text("DMS /isms/policies")},
               {"distribution", text("All staff, intranet")},
               {"retention_period", text("7 years")},
               {"next_review", text("2027-03-01")}});
  CHECK(set_status(v1, "approved", approval()) == "Status cannot change from Draft to Approved; allowed: In review.");
  CHECK(set_status(v1, "in_review") == "(written)");
  CHECK(set_status(v1, "draft") == "(written)");  // returned with comments
  CHECK(set_status(v1, "in_review") == "(written)");
  CHECK(set_status(v1, "approved", approval()) == "(written)");
  publish(repo, v1);
  CHECK(policy_status(v1) == "published");
  CHECK(set_status(v1, "draft") == "Status cannot change from Published to Draft; allowed: Under revision, Retired.");

  clock.set("2027-02-01T09:00:00Z");
  const std::string v2 = start_new_version(repo, v1, " 1.1 ");
  CHECK(policy_status(v1) == "under_revision");
  CHECK(policy_status(v2) == "draft");
  CHECK(set_status(v1, "published") ==
        "Status cannot change from Under revision to Published; allowed: In review, Retired.");

  set_status(v2, "in_review");
  CHECK(set_status(v2, "approved", approval("2027-02-15")) == "(written)");
  clock.set("2027-03-01T09:00:00Z");
  publish(repo, v2);
  CHECK(policy_status(v2) == "published");
  CHECK(policy_status(v1) == "retired");
  CHECK(set_status(v1, "published") == "Status cannot change from Retired to Published; allowed: Disposed.");

  CHECK(set_status(v1, "disposed", {{"disposal_date", text("2034-03-01")}}) == "(written)");
  CHECK(set_status(v1, "retired") == "Status cannot change from Disposed to Retired; allowed: none.");

  // The old record's history tells its whole life, one status change after another.
  std::vector<std::string> statuses;
  for (const HistoryEntry& entry : repo.history(v1)) {
    if (entry.field == "status") statuses.push_back(entry.new_value.value_or(""));
  }
  CHECK(statuses == std::vector<std::string>{"draft", "in_review", "draft", "in_review", "approved", "published",
                                             "under_revision", "retired", "disposed"});
}

TEST_CASE_FIXTURE(Fixture, "policy: a new version keeps the old one's record") {
  const std::string v1 = published_policy("Backup policy", "1.0");
  const std::string change = repo.create("change_request", {{"title", text("CR-12: cover cloud backups")}});
  repo.update("policy", v1, {{"change_requests", link_list({change})}});
  const Record before = *repo.get("policy", v1);

  const std::string v2 = start_new_version(repo, v1, "2.0");
  REQUIRE(v2 != v1);
  const Record old_record = *repo.get("policy", v1);
  const Record draft = *repo.get("policy", v2);
  // The old record: only its status moved.
  for (const auto& [key, value] : before.fields) {
    CAPTURE(key);
    if (key != "status") CHECK(old_record.get(key) == value);
  }
  CHECK(old_record.get("approved_version") == text("1.0"));
  // The new one: a copy as a draft of the next version, without the old approval.
  CHECK(draft.get("supersedes") == text(v1));
  CHECK(draft.get("version") == text("2.0"));
  CHECK(draft.get("status") == text("draft"));
  CHECK(draft.get("title") == text("Backup policy"));
  CHECK(draft.get("change_requests") == link_list({change}));
  for (const char* key : {"approved_by", "approved_on", "approved_version", "disposal_date"}) {
    CAPTURE(key);
    CHECK(is_null(draft.get(key)));
  }

  set_status(v2, "in_review");
  set_status(v2, "approved", approval("2026-04-01"));
  publish(repo, v2);
  CHECK(repo.count("policy") == 2);
  CHECK(policy_status(v1) == "retired");
  CHECK(repo.get("policy", v1)->get("version") == text("1.0"));
  CHECK(repo.get("policy", v2)->get("approved_version") == text("2.0"));
  const std::vector<LinkedRecord> successors = repo.linked_from(v1);
  REQUIRE(successors.size() == 1);
  CHECK(successors[0].id == v2);
  CHECK(successors[0].field == "supersedes");
}

TEST_CASE_FIXTURE(Fixture, "policy: a new version starts only from a published document, as a new number") {
  const std::string draft = add_policy("Draft policy");
  Refusal refused = refusal([&] { start_new_version(repo, draft, "0.2"); });
  CHECK(refused.field == "status");
  CHECK(refused.message == "Status must be Published to start a new version of the document; 'Draft policy' is Draft.");

  const std::string published = published_policy("Password standard", "1.0");
  refused = refusal([&] { start_new_version(repo, published, "1.0"); });
  CHECK(refused.field == "version");
  CHECK(refused.message == "Version must differ from the current version (1.0).");
  CHECK(refusal([&] { start_new_version(repo, published, "  "); }).message ==
        "Version is required for the new version of the document.");
  CHECK_THROWS_WITH_AS(start_new_version(repo, "no-such-id", "2.0"), "No document with id no-such-id.", StoreError);
  CHECK(repo.count("policy") == 2);
  CHECK(policy_status(published) == "published");

  // One revision at a time: the old one is under revision now, so not published.
  start_new_version(repo, published, "1.1");
  refused = refusal([&] { start_new_version(repo, published, "1.2"); });
  CHECK(refused.message ==
        "Status must be Published to start a new version of the document; 'Password standard' is Under revision.");
  CHECK(repo.count("policy") == 3);
}

TEST_CASE_FIXTURE(Fixture, "policy: two versions are never in force at once") {
  const std::string v1 = published_policy("Logging standard", "1.0");
  const std::string v2 = start_new_version(repo, v1, "1.1");
  set_status(v2, "in_review");

  // publish() retires the old version first; when the new one cannot be published (it is still
  // in review), that is taken back with it.
  CHECK(refusal([&] { publish(repo, v2); }).message ==
        "Status cannot change from In review to Published; allowed: Approved, Draft.");
  CHECK(policy_status(v1) == "under_revision");

  // A plain status change would leave both in force, and is refused.
  set_status(v2, "approved", approval());
  const Refusal refused = refusal([&] { repo.update("policy", v2, {{"status", text("published")}}); });
  CHECK(refused.field == "supersedes");
  CHECK(refused.message ==
        "Previous version 'Logging standard' (version 1.0) is still under revision; it must be retired when this "
        "version is published.");
  CHECK(policy_status(v2) == "approved");

  // Abandoning a revision: the old text goes through review again.
  CHECK(set_status(v1, "in_review") == "(written)");
  CHECK(refusal([&] { publish(repo, v2); }).message ==
        "Previous version 'Logging standard' (version 1.0) is still in review; it must be retired when this version "
        "is published.");
  CHECK(set_status(v1, "approved") == "(written)");  // the approval of 1.0 is still on record
  publish(repo, v1);
  CHECK(policy_status(v1) == "published");
  publish(repo, v2);
  CHECK(policy_status(v1) == "retired");
  CHECK(policy_status(v2) == "published");
}

TEST_CASE_FIXTURE(Fixture, "policy: documents due for review") {
  auto with_review = [&](const char* title, const char* next_review) {
    const std::string id = published_policy(title, "1.0");
    repo.update("policy", id, {{"next_review", text(next_review)}});
    return id;
  };
  const std::string overdue = with_review("Overdue", "2026-05-01");
  const std::string soon = with_review("Soon", "2026-06-20");
  const std::string on_limit = with_review("On the limit", "2026-07-01");
  with_review("Later", "2026-07-02");
  published_policy("No date", "1.0");
  const std::string approved = repo.create("policy", {{"title", text("Approved, not yet published")},
                                                      {"type", text("procedure")},
                                                      {"next_review", text("2026-06-20")}});
  set_status(approved, "in_review");
  set_status(approved, "approved", approval());
  repo.create("policy", {{"title", text("Draft")}, {"type", text("policy")}, {"next_review", text("2026-05-01")}});
  const std::string retired = with_review("Retired", "2026-05-01");
  set_status(retired, "retired");

  std::vector<std::string> titles;
  for (const Record& record : policies_due_for_review(repo, "2026-06-01", 30)) titles.push_back(repo.title_of(record));
  CHECK(titles == std::vector<std::string>{"Overdue", "Approved, not yet published", "Soon", "On the limit"});
  CHECK(policies_due_for_review(repo, "2026-06-01", 0).size() == 1);
  CHECK_THROWS_AS(policies_due_for_review(repo, "01.06.2026", 30), std::invalid_argument);
  (void)overdue;
  (void)soon;
  (void)on_limit;
}

TEST_CASE("policy: documents and requirements link the seeded controls and processes of a workspace") {
  TempDir dir;
  FixedClock clock("2026-05-01T08:00:00Z");
  auto workspace = Workspace::create(dir.str(), "ws-1", {"ISMS 2027", "Client GmbH", "Anna Dvořák"}, clock, nullptr);
  Repository& records = workspace->records();

  const std::string policy = records.create("policy", {{"title", text("Information security policy")},
                                                       {"type", text("policy")},
                                                       {"controls", link_list({"annex-a-5.1", "annex-a-5.37"})},
                                                       {"process", text("process-security-policy-management")}});
  const std::string requirement = records.create("requirement", {{"title", text("NIS2 risk management measures")},
                                                                 {"type", text("regulatory")},
                                                                 {"controls", link_list({"annex-a-5.31"})},
                                                                 {"policies", link_list({policy})}});
  records.update("policy", policy, {{"requirements", link_list({requirement})}});

  std::set<std::string> from;
  for (const LinkedRecord& link : records.linked_from("annex-a-5.1")) from.insert(link.kind + "." + link.field);
  CHECK(from == std::set<std::string>{"policy.controls"});
  CHECK(records.linked_from(policy).size() == 1);
  CHECK(refusal([&] {
          records.create("policy",
                         {{"title", text("X")}, {"type", text("policy")}, {"controls", link_list({"annex-a-9.9"})}});
        }).message == "Controls points to no existing control (id annex-a-9.9).");
  // Deleting a linked document asks first, naming the register by its label.
  try {
    records.remove("policy", policy);
    FAIL("a linked document was deleted");
  } catch (const LinkedRecordsError& error) {
    CHECK(std::string(error.what()) ==
          "The document 'Information security policy' is still linked from 1 record: Requirement 'NIS2 risk management "
          "measures' (Policies and documents). Remove those links first, or delete and unlink.");
  }
}

TEST_CASE_FIXTURE(Fixture, "policy: a document has one next version") {
  const std::string v1 = published_policy("Backup policy", "1.0");
  start_new_version(repo, v1, "2.0");
  const Refusal refused = refusal([&] {
    repo.create("policy", {{"title", text("Backup policy")},
                           {"type", text("policy")},
                           {"version", text("2.1")},
                           {"supersedes", text(v1)}});
  });
  CHECK(refused.field == "supersedes");
  CHECK(refused.message ==
        "'Backup policy' (version 2.0) is already the next version of that document; a document has one next "
        "version.");
}
