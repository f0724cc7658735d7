// Search everywhere (core/store/search.hpp): one question over every register of a real
// workspace (seeded controls and clauses included), best matches first.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/risk/risk_method.hpp"
#include "core/risk/risk_register.hpp"
#include "core/store/search.hpp"
#include "core/util/case_fold.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

using namespace isms;
using isms::test::TempDir;

namespace {

Value text(std::string s) { return Value(std::move(s)); }
Value number(std::int64_t n) { return Value(n); }

struct SearchFixture {
  TempDir dir;
  FixedClock clock{"2026-05-01T08:00:00Z"};
  std::unique_ptr<Workspace> workspace = Workspace::create(
      dir.str(), "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b", {"ISMS 2027", "Client GmbH", "Anna"}, clock, nullptr);
  Repository& records = workspace->records();

  SearchFixture() {
    if (!records.get("risk_method", risk_method_id)) {
      records.create_with_id("risk_method", risk_method_id, to_values(RiskMethod::standard()));
    }
  }
  std::string asset(const std::string& name, std::map<std::string, Value> more = {}) {
    more["name"] = text(name);
    more["type"] = text("hardware");
    more["classification"] = text("internal");
    return records.create("asset", std::move(more));
  }
  std::string risk(const std::string& title, std::map<std::string, Value> more = {}) {
    more["title"] = text(title);
    more["inherent_likelihood"] = number(3);
    more["inherent_impact"] = number(3);
    return records.create("risk", std::move(more));
  }
  // "kind:title" of each hit, in order.
  std::vector<std::string> found(const std::string& question, std::vector<std::string> kinds = {}) {
    SearchRequest request;
    request.text = question;
    request.kinds = std::move(kinds);
    std::vector<std::string> hits;
    for (const SearchHit& hit : search_records(records, request)) hits.push_back(hit.kind + ":" + hit.title);
    return hits;
  }
};

using Hits = std::vector<std::string>;

}  // namespace

TEST_CASE("search: fold_case lowers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic") {
  CHECK(fold_case("Laptop ABC-12") == "laptop abc-12");
  CHECK(fold_case("MÜLLER Müller") == "müller müller");
  CHECK(fold_case("ŁÓDŹ Dvořák ŘEŽ") == "łódź dvořák řež");
  CHECK(fold_case("ΑΘΗΝΑ Москва") == "αθηνα москва");
  CHECK(fold_case("× stays, € stays, 😀 stays") == "× stays, € stays, 😀 stays");
  CHECK(fold_case(std::string("bad \xC3 end")) == std::string("bad \xC3 end"));  // a cut sequence is copied
}

TEST_CASE("search: rank_match orders title start, title word, id, other text") {
  CHECK(rank_match("Laptop fleet", "x-1", "lap") == SearchMatch::TitleStart);
  CHECK(rank_match("Old laptops", "x-1", "lap") == SearchMatch::TitleWord);
  CHECK(rank_match("Old (laptops)", "x-1", "lap") == SearchMatch::TitleWord);
  CHECK(rank_match("Overlap", "x-1", "lap") == SearchMatch::Text);  // inside a word
  CHECK(rank_match("Access control", "annex-a-5.15", "a.5.15") == SearchMatch::Id);
  CHECK(rank_match("Access control", "annex-a-5.15", "annex") == SearchMatch::Id);
  CHECK(rank_match("Access control", "annex-a-5.15", "a.5.1") == SearchMatch::Text);  // not 5.1
  CHECK(rank_match("Access control", "annex-a-5.1", "a.5.15") == SearchMatch::Text);
  // Short pieces of a random id are not a match (they would find hex words in uuids)...
  CHECK(rank_match("Server", "3f2a515c-0000-4000-8000-000000000001", "a515") == SearchMatch::Text);
  // ...a longer piece pasted from it is.
  CHECK(rank_match("Server", "3f2a515c-0000-4000-8000-000000000001", "3f2a515c-00") == SearchMatch::Id);
  CHECK(rank_match("Straße Müller", "x-1", "müller") == SearchMatch::TitleWord);
}

TEST_CASE_FIXTURE(SearchFixture, "search: best matches first, across registers, case-insensitive") {
  asset("Old laptops");
  asset("Laptop fleet");
  asset("Server room", {{"description", text("Holds the laptop docking stations")}});
  risk("Stolen LAPTOP");
  risk("Flood", {{"description", text("Basement")}});
  CHECK(found("laptop") ==
        Hits{"asset:Laptop fleet", "asset:Old laptops", "risk:Stolen LAPTOP", "asset:Server room"});
  CHECK(found("LAPTOP FLEET") == Hits{"asset:Laptop fleet"});
  CHECK(found("basement") == Hits{"risk:Flood"});
  CHECK(found("laptop", {"risk"}) == Hits{"risk:Stolen LAPTOP"});
  CHECK(found("  ").empty());
  CHECK(found("nothing like this").empty());
}

TEST_CASE_FIXTURE(SearchFixture, "search: shorter titles lead within a rank, so an exact title comes first") {
  asset("Laptops of the sales team");
  asset("Laptop");
  asset("Laptops");
  CHECK(found("laptop") == Hits{"asset:Laptop", "asset:Laptops", "asset:Laptops of the sales team"});
}

TEST_CASE_FIXTURE(SearchFixture, "search: ids find the seeded controls and clauses, exactly") {
  const std::vector<SearchHit> hits = search_records(records, {"A.5.15", 50, {}});
  REQUIRE(!hits.empty());
  CHECK(hits.front().kind == "control");
  CHECK(hits.front().id == "annex-a-5.15");
  CHECK(hits.front().match == SearchMatch::Id);
  // "5.1" is clause 5.1 and control 5.1 by id, clause 7.5.1 too, then the controls whose reference
  // holds it (5.10...).
  const std::vector<SearchHit> five_one = search_records(records, {"5.1", 50, {}});
  REQUIRE(five_one.size() >= 4);
  CHECK(five_one[0].match == SearchMatch::Id);
  CHECK(five_one[1].match == SearchMatch::Id);
  CHECK(((five_one[0].id == "annex-a-5.1" && five_one[1].id == "clause-5.1") ||
         (five_one[0].id == "clause-5.1" && five_one[1].id == "annex-a-5.1")));
  CHECK(five_one[2].id == "clause-7.5.1");  // whole parts of a longer id, after the exact ones
  CHECK(five_one[2].match == SearchMatch::Id);
  CHECK(five_one[3].match == SearchMatch::Text);
  // A record's own random id, pasted in part.
  const std::string id = asset("Printer");
  CHECK(found(id.substr(0, 8)) == Hits{"asset:Printer"});
}

TEST_CASE_FIXTURE(SearchFixture, "search: deleted records are not found") {
  const std::string gone = asset("Fax machine");
  asset("Fax line");
  records.remove("asset", gone);
  CHECK(found("fax") == Hits{"asset:Fax line"});
}

TEST_CASE_FIXTURE(SearchFixture, "search: parts name the record they are part of") {
  const std::string parent = risk("Ransomware");
  records.create("treatment_action", {{"title", text("Offline backups")}, {"risk", text(parent)}});
  const std::vector<SearchHit> hits = search_records(records, {"backups", 50, {}});
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].kind == "treatment_action");
  CHECK(hits[0].parent_kind == "risk");
  CHECK(hits[0].parent_id == parent);
  CHECK(hits[0].parent_title == "Ransomware");
  // An attachment may be part of a record of any register: its kind is found too.
  const std::string laptop = asset("Laptop");
  records.create("attachment", {{"name", text("invoice-laptop.pdf")},
                                {"record", text(laptop)},
                                {"media_type", text("application/pdf")},
                                {"size", number(10)},
                                {"sha256", text(std::string(64, 'a'))}});
  const std::vector<SearchHit> files = search_records(records, {"invoice", 50, {}});
  REQUIRE(files.size() == 1);
  CHECK(files[0].parent_kind == "asset");
  CHECK(files[0].parent_title == "Laptop");
  // A record that is no part of anything has no parent.
  CHECK(search_records(records, {"Ransomware", 50, {}}).front().parent_id.empty());
}

TEST_CASE_FIXTURE(SearchFixture, "search: letters beyond ASCII match in any case") {
  records.create("person", {{"name", text("Jörg Müller")}});
  records.create("person", {{"name", text("Łukasz Dvořák")}});
  CHECK(found("müller") == Hits{"person:Jörg Müller"});
  CHECK(found("MÜLLER") == Hits{"person:Jörg Müller"});
  CHECK(found("łukasz") == Hits{"person:Łukasz Dvořák"});
  CHECK(found("DVOŘÁK") == Hits{"person:Łukasz Dvořák"});
}

TEST_CASE_FIXTURE(SearchFixture, "search: % and _ are letters, not wildcards, at most `limit` hits") {
  asset("100% cotton");
  asset("100 percent");
  asset("snake_case");
  asset("snakeXcase");
  CHECK(found("100%") == Hits{"asset:100% cotton"});
  CHECK(found("e_c") == Hits{"asset:snake_case"});
  for (int i = 0; i < 8; ++i) asset("Desk " + std::to_string(i));
  CHECK(search_records(records, {"desk", 5, {}}).size() == 5);
}
