// Writes the schema-1 upgrade fixture. Compiled against commit 5a993bc, the last build before
// migration 2, by scripts/make_upgrade_fixture.sh; not part of today's build. What it writes is
// what tests/core/upgrade_test.cpp expects to find after today's build has opened the file.
#include <cstdio>
#include <string>

#include "core/workspace/workspace.hpp"

using namespace isms;

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s <empty folder>\n", argv[0]);
    return 2;
  }
  FixedClock clock("2026-01-05T09:00:00Z");
  StorageObserver quiet;
  auto ws = Workspace::create(argv[1], "0f1c7a52-5c1e-4b8e-9a39-000000000001",
                              {"Fixture schema 1", "Harbour Logistics", "Dana Reyes"}, clock, &quiet);
  Repository& records = ws->records();
  clock.set("2026-01-05T09:10:00Z");
  const std::string database = records.create("asset", {{"name", std::string("Customer database")},
                                                          {"type", std::string("information")},
                                                          {"owner", std::string("Sam Patel")},
                                                          {"classification", std::string("confidential")},
                                                          {"confidentiality", std::int64_t{5}},
                                                          {"integrity", std::int64_t{4}},
                                                          {"availability", std::int64_t{3}},
                                                          {"location", std::string("Frankfurt data centre")}});
  records.create("asset", {{"name", std::string("Laptop fleet")},
                           {"type", std::string("hardware")},
                           {"owner", std::string("Sam Patel")}});
  const std::string payroll = records.create("asset", {{"name", std::string("Payroll service")},
                                                       {"type", std::string("service")},
                                                       {"owner", std::string("Ana Müller")}});
  clock.set("2026-01-06T14:00:00Z");
  records.update("asset", database, {{"description", std::string("All customer contracts and contacts.\nKept 10 years.")}},
                 "Described the database");
  records.remove("asset", payroll);
  // One Statement of Applicability decision on a seeded control (Annex A's 5.1).
  bool decided = false;
  for (const Record& control : records.list("control")) {
    if (to_display(control.get("ref")) != "5.1") continue;
    decided = true;
    records.update("control", control.id,
                   {{"applicable", std::string("yes")},
                    {"justification", std::string("Policies are the base of the ISMS.")},
                    {"implementation_status", std::string("implemented")},
                    {"owner", std::string("Ana Müller")}});
  }
  if (!decided) {
    std::fprintf(stderr, "no control 5.1\n");
    return 1;
  }
  clock.set("2026-01-07T08:00:00Z");
  ws->rename("Fixture schema 1 (renamed)");
  std::printf("schema 1 fixture written to %s\n", ws->db_path().c_str());
  return 0;
}
