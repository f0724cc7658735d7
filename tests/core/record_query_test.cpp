#include <doctest/doctest.h>

#include "core/model/registry.hpp"
#include "core/store/migrations.hpp"
#include "core/store/repository.hpp"
#include "core/store/schema.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

Value text(std::string s) { return Value(std::move(s)); }

struct Fixture {
  TempDir dir;
  Database db{dir.file("q.sqlite")};
  FixedClock clock{"2026-03-01T10:00:00Z"};
  Repository repo{db, Registry::builtin(), clock, "Anna"};

  Fixture() {
    migrate(db);
    ensure_tables(db, Registry::builtin());
    // Created one second apart, so creation order is a known tie-breaker.
    add("laptop", "hardware", "confidential", 3, "2026-03-01T10:00:01Z");
    add("Payroll data", "information", "restricted", 5, "2026-03-01T10:00:02Z");
    add("CRM", "software", "confidential", std::nullopt, "2026-03-01T10:00:03Z");
    add("Office 100% cotton towels", "hardware", "public", 1, "2026-03-01T10:00:04Z");
  }

  void add(const char* name, const char* type, const char* classification, std::optional<int> confidentiality,
           const char* at) {
    clock.set(at);
    std::map<std::string, Value> values{
        {"name", text(name)}, {"type", text(type)}, {"classification", text(classification)}};
    if (confidentiality) values["confidentiality"] = std::int64_t{*confidentiality};
    repo.create("asset", values);
  }

  std::vector<std::string> names(const RecordQuery& query) {
    std::vector<std::string> found;
    for (const Record& record : repo.query("asset", query)) found.push_back(to_display(record.get("name")));
    return found;
  }
};

using Op = Condition::Op;
using Q = RecordQuery;
using Names = std::vector<std::string>;

}  // namespace

TEST_CASE_FIXTURE(Fixture, "query: conditions filter, and records without a value are 'not equal'") {
  CHECK(names(Q()) == Names{"laptop", "Payroll data", "CRM", "Office 100% cotton towels"});
  CHECK(names(Q().where_is("type", Op::Equal, {text("hardware")})) == Names{"laptop", "Office 100% cotton towels"});
  CHECK(names(Q().where_is("confidentiality", Op::GreaterOrEqual, {std::int64_t{3}})) ==
        Names{"laptop", "Payroll data"});
  CHECK(names(Q().where_is("confidentiality", Op::NotEqual, {std::int64_t{3}})) ==
        Names{"Payroll data", "CRM", "Office 100% cotton towels"});
  CHECK(names(Q().where_is("classification", Op::In, {text("public"), text("restricted")})) ==
        Names{"Payroll data", "Office 100% cotton towels"});
  CHECK(names(Q().where_is("confidentiality", Op::NotIn, {std::int64_t{3}, std::int64_t{5}})) ==
        Names{"CRM", "Office 100% cotton towels"});
  CHECK(names(Q().where_is("classification", Op::In, {})).empty());
  CHECK(names(Q().where_is("confidentiality", Op::IsNull)) == Names{"CRM"});
  CHECK(repo.count("asset", Q().where_is("type", Op::Equal, {text("hardware")})) == 2);
}

TEST_CASE_FIXTURE(Fixture, "query: enums sort in option order, text without case, missing values last") {
  // Classification options: public, internal, confidential, restricted.
  CHECK(names(Q().sort_by("classification")) == Names{"Office 100% cotton towels", "laptop", "CRM", "Payroll data"});
  CHECK(names(Q().sort_by("classification", true)) ==
        Names{"Payroll data", "laptop", "CRM", "Office 100% cotton towels"});
  CHECK(names(Q().sort_by("name")) == Names{"CRM", "laptop", "Office 100% cotton towels", "Payroll data"});
  CHECK(names(Q().sort_by("confidentiality", true)) ==
        Names{"Payroll data", "laptop", "Office 100% cotton towels", "CRM"});
  CHECK(names(Q().sort_by("confidentiality")) == Names{"Office 100% cotton towels", "laptop", "Payroll data", "CRM"});
  // Several keys: type first, then confidentiality descending.
  CHECK(names(Q().sort_by("type").sort_by("confidentiality", true)) ==
        Names{"Payroll data", "CRM", "laptop", "Office 100% cotton towels"});
}

TEST_CASE_FIXTURE(Fixture, "query: text search is literal and case-insensitive, limit and offset page") {
  CHECK(names(Q().containing("LAP")) == Names{"laptop"});
  CHECK(names(Q().containing("100%")) == Names{"Office 100% cotton towels"});
  CHECK(names(Q().containing("_")).empty());  // not a wildcard
  CHECK(names(Q().sort_by("name").page(2, 1)) == Names{"laptop", "Office 100% cotton towels"});
  CHECK(repo.count("asset", Q().containing("o")) == 3);
}

TEST_CASE_FIXTURE(Fixture, "query: deleted records only when asked, unknown fields are a programming error") {
  const std::string crm = repo.query("asset", Q().containing("CRM")).front().id;
  repo.remove("asset", crm);
  CHECK(names(Q().containing("CRM")).empty());
  CHECK(names(Q().containing("CRM").with_deleted()) == Names{"CRM"});
  CHECK_THROWS_AS(repo.query("asset", Q().where_is("nothing", Op::Equal, {text("x")})), std::invalid_argument);
  CHECK_THROWS_AS(repo.query("asset", Q().sort_by("id; DROP TABLE rec_asset")), std::invalid_argument);
  clock.set("2026-03-01T11:00:00Z");
  const std::string laptop = repo.query("asset", Q().containing("laptop")).front().id;
  repo.update("asset", laptop, {{"location", text("Vienna")}});
  CHECK(names(Q().sort_by("updated_at", true)) == Names{"laptop", "Office 100% cotton towels", "Payroll data"});
}
