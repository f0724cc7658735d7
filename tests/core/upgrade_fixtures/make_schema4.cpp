// Writes the schema-4 upgrade fixture. Compiled against commit 2aed2af, the last build before
// migration 5 (the search index), by scripts/make_upgrade_fixture.sh; not part of today's build.
// What it writes is what tests/core/upgrade_test.cpp expects search to find after today's build
// has opened the file: titles, other text, letters beyond ASCII, parts, and a deleted record.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/model/links.hpp"
#include "core/workspace/workspace.hpp"

using namespace isms;

namespace {

std::string control_id(Repository& records, const std::string& ref) {
  for (const Record& control : records.list("control")) {
    if (to_display(control.get("ref")) == ref) return control.id;
  }
  std::fprintf(stderr, "no control %s\n", ref.c_str());
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <empty folder>\n", argv[0]);
    return 2;
  }
  FixedClock clock("2026-03-02T09:00:00Z");
  StorageObserver quiet;
  auto ws = Workspace::create(argv[1], "0f1c7a52-5c1e-4b8e-9a39-000000000004",
                              {"Fixture schema 4", "Harbour Logistics", "Dana Reyes"}, clock, &quiet);
  Repository& records = ws->records();
  clock.set("2026-03-02T09:10:00Z");
  const std::string sam = records.create("person", {{"name", std::string("Sam Patel")}, {"job_title", std::string("CIO")}});
  const std::string ana = records.create("person", {{"name", std::string("Ana Müller")}});
  const std::string database = records.create("asset", {{"name", std::string("Customer database")},
                                                          {"type", std::string("information")},
                                                          {"owner", sam},
                                                          {"confidentiality", std::int64_t{5}}});
  const std::string laptops =
      records.create("asset", {{"name", std::string("Laptop fleet")}, {"type", std::string("hardware")}, {"owner", sam}});
  const std::string a5_15 = control_id(records, "5.15");
  const std::string a8_13 = control_id(records, "8.13");
  const std::string ransomware = records.create("risk", {{"title", std::string("Ransomware on the file servers")},
                                                          {"assets", link_list({database, laptops})},
                                                          {"owner", ana},
                                                          {"inherent_likelihood", std::int64_t{4}},
                                                          {"inherent_impact", std::int64_t{5}},
                                                          {"treatment", std::string("mitigate")},
                                                          {"controls", link_list({a8_13, a5_15})}});
  records.create("treatment_action", {{"title", std::string("Offline backups every night")},
                                      {"risk", ransomware},
                                      {"controls", link_list({a8_13})},
                                      {"owner", sam},
                                      {"due_date", std::string("2026-06-30")}});
  const std::string theft = records.create(
      "risk", {{"title", std::string("Laptop theft")}, {"inherent_likelihood", std::int64_t{2}}, {"inherent_impact", std::int64_t{2}}});
  clock.set("2026-03-03T10:00:00Z");
  records.remove("risk", theft);
  records.update("control", a8_13,
                 {{"applicable", std::string("yes")},
                  {"justification", std::string("Backups answer the ransomware risk.")},
                  {"owner", sam}});
  const std::string kpi = records.create("kpi", {{"name", std::string("Backups restored in tests")},
                                                 {"unit", std::string("%")},
                                                 {"target", 95.0},
                                                 {"owner", sam}});
  records.create("measurement", {{"kpi", kpi}, {"date", std::string("2026-01-31")}, {"value", 90.0}});
  records.create("measurement", {{"kpi", kpi}, {"date", std::string("2026-02-28")}, {"value", 97.5}});
  clock.set("2026-03-04T08:00:00Z");
  records.update("risk", ransomware, {{"residual_likelihood", std::int64_t{2}}, {"residual_impact", std::int64_t{4}}},
                 "Assessed after the backups");
  // A later edit by a second copy's merge would need a bundle; one more local edit gives the
  // residual fields a version vector of two writes by this replica.
  records.update("risk", ransomware, {{"residual_impact", std::int64_t{3}}}, "Reassessed");
  std::printf("replica %s\n", ws->replica_id().c_str());
  records.create("person", {{"name", std::string("ŁUKASZ DVOŘÁK")}, {"job_title", std::string("Προμήθειες")}});
  std::printf("schema 4 fixture written to %s\n", ws->db_path().c_str());
  return 0;
}
