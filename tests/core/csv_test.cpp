// The CSV export of register tables: every rule of the file's format with the exact bytes, and
// "what the table shows is what the file holds" (columns, filter, order, cell texts).
#include <doctest/doctest.h>

#include <stdexcept>

#include "core/model/links.hpp"
#include "core/report/csv.hpp"
#include "core/report/table_text.hpp"
#include "core/store/sqlite.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::report::csv_cell;
using isms::report::table_csv;
using isms::test::TempDir;

namespace {

using Values = std::map<std::string, Value>;

Value text(std::string s) { return Value(std::move(s)); }
Value number(std::int64_t n) { return Value(n); }

const std::string bom = "\xEF\xBB\xBF";

struct Fixture {
  TempDir dir;
  FixedClock clock{"2026-11-26T09:00:00Z"};
  std::unique_ptr<Workspace> workspace =
      Workspace::create(dir.str(), "ws-csv", {"ISMS 2027", "Client GmbH", "Anna"}, clock, nullptr);
  Repository& records = workspace->records();
  const Registry& registry = workspace->registry();

  std::string person(const char* name) { return records.create("person", {{"name", text(name)}}); }
  std::string risk(const char* title, std::int64_t likelihood, std::int64_t impact, Values more = {}) {
    more["title"] = text(title);
    more["inherent_likelihood"] = number(likelihood);
    more["inherent_impact"] = number(impact);
    return records.create("risk", more);
  }
  std::string csv(std::string_view kind, const std::vector<std::string>& columns, const RecordQuery& query = {}) {
    return table_csv(records, registry.get(kind), columns, query);
  }
};

}  // namespace

TEST_CASE("csv: a plain cell is written as it is") {
  CHECK(csv_cell("Laptop") == "Laptop");
  CHECK(csv_cell("") == "");
  CHECK(csv_cell("Zürich ✓") == "Zürich ✓");
  CHECK(csv_cell("a 'quote' inside") == "a 'quote' inside");
}

TEST_CASE("csv: cells with a comma, a double quote, CR or LF are quoted, their quotes doubled") {
  CHECK(csv_cell("Berg, Anna") == "\"Berg, Anna\"");
  CHECK(csv_cell("the \"badge\"") == "\"the \"\"badge\"\"\"");
  CHECK(csv_cell("\"") == "\"\"\"\"");
  CHECK(csv_cell("line 1\nline 2") == "\"line 1\nline 2\"");
  CHECK(csv_cell("line 1\r\nline 2") == "\"line 1\r\nline 2\"");
  CHECK(csv_cell("ends with CR\r") == "\"ends with CR\r\"");
}

TEST_CASE("csv: text starting with =, +, -, @, tab or CR gets a quote in front against formula injection") {
  CHECK(csv_cell("=1+1") == "'=1+1");
  CHECK(csv_cell("+49 30 1234") == "'+49 30 1234");
  CHECK(csv_cell("-1") == "'-1");
  CHECK(csv_cell("@SUM(A1:A9)") == "'@SUM(A1:A9)");
  CHECK(csv_cell("\tindented") == "'\tindented");
  CHECK(csv_cell("\rreturn") == "\"'\rreturn\"");  // neutralised, then quoted for its CR
  CHECK(csv_cell("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"");
  // Only the first character counts: these are text a spreadsheet shows as it is.
  CHECK(csv_cell("1=1") == "1=1");
  CHECK(csv_cell("a-b") == "a-b");
  CHECK(csv_cell(" =1") == " =1");
}

TEST_CASE("csv: a number the register wrote keeps its sign, so the spreadsheet reads a number") {
  CHECK(csv_cell("-3", true) == "-3");
  CHECK(csv_cell("-0.25", true) == "-0.25");
  CHECK(csv_cell("-3", false) == "'-3");
}

TEST_CASE_FIXTURE(Fixture,
                  "csv: a register table as exact bytes: BOM, label header, CRLF, cells as the table shows them") {
  const std::string anna = person("Anna Berg");
  const std::string bob = person("Bob, Jr.");
  const std::string laptop = records.create("asset", {{"name", text("Laptop")}, {"type", text("hardware")}});
  const std::string server = records.create("asset", {{"name", text("server room")}, {"type", text("hardware")}});
  risk("Ransomware", 4, 5,
       {{"owner", text(anna)}, {"assets", link_list({laptop, server})}, {"review_date", text("2027-01-15")}});
  risk("=cmd|' /C calc'!A0", 1, 2, {{"owner", text(bob)}});
  risk("Lost \"badge\"", 2, 3, {{"description", text("Found\nin the lobby")}});

  const std::string csv_text =
      csv("risk", {"title", "owner", "inherent_score", "inherent_level", "review_date", "assets", "description"},
          RecordQuery().sort_by("inherent_score", true));
  CHECK(csv_text == bom +
                        "Title,Risk owner,Inherent score,Inherent level,Next review,Assets,Description\r\n"
                        "Ransomware,Anna Berg,20,Critical,2027-01-15,Laptop; server room,\r\n"
                        "\"Lost \"\"badge\"\"\",,6,Medium,,,\"Found\nin the lobby\"\r\n"
                        "'=cmd|' /C calc'!A0,\"Bob, Jr.\",2,Low,,,\r\n");
}

TEST_CASE_FIXTURE(Fixture, "csv: the file holds the table's filter, order and columns, and nothing else") {
  risk("Alpha", 1, 1);
  risk("Bravo", 5, 5);
  risk("Charlie", 3, 3);
  risk("Delta outage", 4, 4);

  SUBCASE("sorted by a column, descending") {
    CHECK(csv("risk", {"inherent_score", "title"}, RecordQuery().sort_by("inherent_score", true)) ==
          bom + "Inherent score,Title\r\n25,Bravo\r\n16,Delta outage\r\n9,Charlie\r\n1,Alpha\r\n");
  }
  SUBCASE("filtered by a condition and by words, in the table's order") {
    const RecordQuery query =
        RecordQuery().where_is("inherent_level", Condition::Op::In, {text("high"), text("critical")}).sort_by("title");
    CHECK(csv("risk", {"title", "inherent_level"}, query) == bom +
                                                                 "Title,Inherent level\r\nBravo,Critical\r\n"
                                                                 "Delta outage,High\r\n");
    CHECK(csv("risk", {"title"}, RecordQuery().containing("outage")) == bom + "Title\r\nDelta outage\r\n");
  }
  SUBCASE("a page of the table") {
    CHECK(csv("risk", {"title"}, RecordQuery().sort_by("title").page(2, 1)) == bom + "Title\r\nBravo\r\nCharlie\r\n");
  }
}

TEST_CASE_FIXTURE(
    Fixture, "csv: numbers in shortest exact form, negative ones as numbers; text that looks like one is neutralised") {
  const std::string kpi = records.create("kpi", {{"name", text("Patch latency")}, {"target", Value(0.1)}});
  records.create("measurement",
                 {{"kpi", text(kpi)}, {"date", text("2026-10-01")}, {"value", Value(-2.5)}, {"note", text("-2.5")}});
  records.create("measurement",
                 {{"kpi", text(kpi)}, {"date", text("2026-11-01")}, {"value", Value(1e21)}, {"note", text("+ ok")}});
  CHECK(csv("measurement", {"kpi", "date", "value", "note"}, RecordQuery().sort_by("date")) ==
        bom +
            "KPI,Date,Value,Note\r\n"
            "Patch latency,2026-10-01,-2.5,'-2.5\r\n"
            "Patch latency,2026-11-01,1e+21,'+ ok\r\n");
  CHECK(csv("kpi", {"name", "target"}) == bom + "Name,Target\r\nPatch latency,0.1\r\n");
}

TEST_CASE_FIXTURE(Fixture, "csv: an empty register is the header alone, no columns means every field in order") {
  CHECK(csv("supplier", {"name"}) == bom + "Name\r\n");
  std::string labels;
  for (const FieldDef& field : registry.get("person").fields) labels += (labels.empty() ? "" : ",") + field.label;
  CHECK(csv("person", {}) == bom + labels + "\r\n");
  person("Anna Berg");
  CHECK(csv("person", {}) == bom + labels + "\r\nAnna Berg,,,,,Active,\r\n");
}

TEST_CASE_FIXTURE(Fixture, "csv: a column the register does not have is refused, naming it") {
  CHECK_THROWS_WITH_AS(csv("risk", {"title", "colour"}), "The register risk has no field colour to export.",
                       std::invalid_argument);
}

TEST_CASE_FIXTURE(Fixture, "csv: 10,000 rows linking 600 records: every row, every title") {
  // More targets than one title query reads at once, so the titles come in two batches.
  std::vector<std::string> kpis;
  {
    Transaction t(workspace->database());
    for (int i = 0; i < 600; ++i) kpis.push_back(records.create("kpi", {{"name", text("KPI " + std::to_string(i))}}));
    // The rows straight into the table: this tests the export, and 10,000 validated writes would
    // make it slow for nothing.
    Statement insert = workspace->database().prepare(
        "INSERT INTO rec_measurement (id, created_at, created_by, updated_at, updated_by, revision, deleted, kpi, "
        "date, value) VALUES (?, '2026-11-26T09:00:00Z', 'Anna', '2026-11-26T09:00:00Z', 'Anna', 1, 0, ?, "
        "'2026-01-01', ?)");
    for (int i = 0; i < 10000; ++i) {
      insert.reset();
      insert.bind(1, "m-" + std::to_string(i)).bind(2, kpis[static_cast<std::size_t>(i) % kpis.size()]);
      insert.bind(3, static_cast<double>(i));
      insert.step();
    }
    t.commit();
  }
  const std::string csv_text = csv("measurement", {"kpi", "value"}, RecordQuery().sort_by("value"));
  std::size_t lines = 0;
  for (std::size_t at = csv_text.find("\r\n"); at != std::string::npos; at = csv_text.find("\r\n", at + 2)) ++lines;
  CHECK(lines == 10001);
  CHECK(csv_text.starts_with(bom + "KPI,Value\r\nKPI 0,0\r\nKPI 1,1\r\n"));
  CHECK(csv_text.find("\r\nKPI 599,599\r\nKPI 0,600\r\n") != std::string::npos);
  CHECK(csv_text.ends_with("\r\nKPI 399,9999\r\n"));
}

TEST_CASE_FIXTURE(Fixture,
                  "csv: cell_text shows option labels, link titles (of deleted records too) and ids of missing ones") {
  report::TitleCache titles(records);
  const EntityDef& risk_def = registry.get("risk");
  CHECK(report::cell_text(*risk_def.field("status"), text("treatment_planned"), titles) == "Treatment planned");
  CHECK(report::cell_text(*risk_def.field("status"), text("retired"), titles) == "retired");  // not an option
  CHECK(report::cell_text(*risk_def.field("status"), Value(), titles) == "");
  CHECK(report::cell_text(*risk_def.field("owner"), text("no-such-person"), titles) == "no-such-person");

  const std::string zoe = person("zoe");
  const std::string adam = person("Adam");
  const std::string gone = person("Gone Person");
  records.remove("person", gone);
  CHECK(report::cell_text(*risk_def.field("owner"), text(gone), titles) == "Gone Person");
  // Alphabetical, ignoring case, whatever order the ids have.
  const FieldDef& attendees = *registry.get("management_review").field("attendees");
  CHECK(report::cell_text(attendees, link_list({zoe, adam, "missing-id"}), titles) == "Adam; missing-id; zoe");
  // A link to any register finds the record wherever it is.
  const FieldDef& evidence = *registry.get("milestone").field("evidence");
  CHECK(report::cell_text(evidence, link_list({"annex-a-5.1", zoe}), titles) ==
        "Policies for information security; zoe");
}
