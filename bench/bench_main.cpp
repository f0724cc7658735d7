// The scale benchmark of issue 3: generates a large workspace, reopens it, and times the risk
// list query and every figure the dashboard shows. Runs natively and as WebAssembly under node
// (scripts/bench.sh builds and runs both); docs/performance.md keeps the results.
// Also times issue 5's bundle export and import (bench/bundle_bench.cpp).
//   isms_bench [--scale 1.0] [--runs 5] [--keep DIR | --reuse DIR] [--only bundles]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "bench/bundle_bench.hpp"
#include "bench/workload.hpp"
#include "core/assurance/assurance_figures.hpp"
#include "core/attachments/attachments.hpp"
#include "core/competence/training_figures.hpp"
#include "core/figures/figures.hpp"
#include "core/kpi/kpi_register.hpp"
#include "core/operations/operations_figures.hpp"
#include "core/program/management_reviews.hpp"
#include "core/program/program_figures.hpp"
#include "core/store/search.hpp"
#include "core/util/uuid.hpp"

namespace {

using namespace isms;
using Stopwatch = std::chrono::steady_clock;

constexpr const char* today = "2026-06-30";
constexpr double query_budget_ms = 50;  // per query and figure, for the WebAssembly run
constexpr double open_budget_ms = 300;

double ms_since(Stopwatch::time_point start) {
  return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

// The median of several runs: the first run pays for cold caches, the median says what a person
// clicking around will see.
struct Timing {
  double ms = 0;
  std::size_t result = 0;
};

Timing median_ms(int runs, const std::function<std::size_t()>& work) {
  std::vector<double> times;
  std::size_t result = 0;
  for (int i = 0; i < runs; ++i) {
    const Stopwatch::time_point start = Stopwatch::now();
    result = work();
    times.push_back(ms_since(start));
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], result};
}

void row(const char* what, double ms, std::size_t result, double budget) {
  std::printf("%-44s %10.1f ms   %8zu   %s\n", what, ms, result, ms <= budget ? "" : "over budget");
}

void row(const char* what, const Timing& timing, double budget) { row(what, timing.ms, timing.result, budget); }

// The run doubles as a test (CTest runs it small): what was generated must be what is read back.
bool expect(bool holds, const char* what) {
  if (!holds) std::fprintf(stderr, "benchmark check failed: %s\n", what);
  return holds;
}

std::uintmax_t folder_bytes(const std::filesystem::path& folder) {
  std::uintmax_t total = 0;
  std::error_code error;
  for (std::filesystem::directory_iterator entry(folder, error), end; !error && entry != end; entry.increment(error)) {
    total += entry->file_size();
  }
  return total;
}

std::size_t sum(const figures::Counts& counts) {
  std::size_t total = 0;
  for (const auto& [value, count] : counts) total += count;
  return total;
}

// Every row of every register, tombstones too: what a bundle must hold.
std::size_t stored_records(const Workspace& workspace) {
  std::size_t total = 0;
  for (const EntityDef& def : workspace.registry().all()) {
    Statement count = workspace.records().database().prepare("SELECT count(*) FROM \"" + def.table() + "\"");
    count.step();
    total += static_cast<std::size_t>(count.column_int64(0));
  }
  return total;
}

}  // namespace

static int run_benchmark(int argc, char** argv) {
  double scale = 1.0;
  int runs = 5;
  std::string keep;           // --keep DIR: leave the generated workspace there, to look into it
  std::string reuse;          // --reuse DIR: time a workspace kept by an earlier run instead of generating one
  bool only_bundles = false;  // --only bundles: skip the queries and figures (issue 5's steps alone)
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--scale") scale = std::atof(argv[i + 1]);
    if (flag == "--runs") runs = std::max(1, std::atoi(argv[i + 1]));
    if (flag == "--keep") keep = argv[i + 1];
    if (flag == "--reuse") reuse = argv[i + 1];
    if (flag == "--only") only_bundles = std::string(argv[i + 1]) == "bundles";
  }
  const bench::WorkloadSize size = bench::WorkloadSize::full().scaled(scale);
  const std::filesystem::path dir = !reuse.empty() ? std::filesystem::path(reuse)
                                    : !keep.empty()
                                        ? std::filesystem::path(keep)
                                        : std::filesystem::temp_directory_path() / ("isms-bench-" + new_uuid());
  std::filesystem::create_directories(dir);
  SystemClock clock;

  std::printf("ISMS Register benchmark (%s), scale %.3g: %zu records\n",
#ifdef __EMSCRIPTEN__
              "WebAssembly",
#else
              "native",
#endif
              scale, size.total());
  std::printf("%-44s %13s   %8s\n", "", "time", "result");

  Stopwatch::time_point start = Stopwatch::now();
  if (reuse.empty()) {
    auto workspace = Workspace::create(dir.string(), new_uuid(), {"Benchmark", "Client", "Bench"}, clock, nullptr);
    bench::generate(*workspace, size);
    row("generate part 1 (one transaction)", ms_since(start), size.total(), 1e12);
    start = Stopwatch::now();
    bench::generate_part2(*workspace, size);
    row("generate part 2 with attachments", ms_since(start), size.total(), 1e12);
  }
  std::printf("  file size %.1f MB, attachments %.1f MB beside it\n",
              static_cast<double>(std::filesystem::file_size(dir / Workspace::file_name)) / 1e6,
              static_cast<double>(folder_bytes(dir / "blobs")) / 1e6);

  start = Stopwatch::now();
  auto workspace = Workspace::open(dir.string(), clock, nullptr);
  row("open (migrations, schema, catalog check)", ms_since(start), workspace->records().count("risk"), open_budget_ms);

  const Repository& records = workspace->records();
  using Op = Condition::Op;
  const RecordQuery risk_list = RecordQuery()
                                    .where_is("inherent_level", Op::In, {std::string("high"), std::string("critical")})
                                    .where_is("status", Op::NotEqual, {std::string("closed")})
                                    .sort_by("inherent_score", true)
                                    .sort_by("title");
  row("risk list: high+critical, open, by score",
      median_ms(runs, [&] { return records.query("risk", risk_list).size(); }), query_budget_ms);
  row("risk list: text search 'risk 99'",
      median_ms(runs, [&] { return records.query("risk", RecordQuery().containing("risk 99")).size(); }),
      query_budget_ms);

  const std::vector<std::pair<const char*, std::function<std::size_t()>>> figures_to_time = {
      {"SoA coverage (by theme)", [&] { return figures::soa_coverage(records).total.implemented; }},
      {"risks by level, inherent and residual", [&] { return sum(figures::risk_levels(records).inherent); }},
      {"risks above appetite", [&] { return figures::risks_above_appetite(records).size(); }},
      {"overdue treatment actions", [&] { return figures::overdue_treatment_actions(records, today).size(); }},
      {"overdue reviews", [&] { return figures::overdue_reviews(records, today).size(); }},
      {"KPI status counts", [&] { return sum(kpi_status_counts(records, today)); }},
      {"objectives by status", [&] { return sum(figures::objectives_by_status(records)); }},
      {"requirements by compliance status", [&] { return sum(figures::requirements_by_compliance(records)); }},
      {"clause checklist progress", [&] { return sum(figures::clause_progress(records)); }},
      {"policies due for review (30 days)",
       [&] { return figures::policies_due_for_review(records, today, 30).size(); }},
  };
  if (!only_bundles) {
    for (const auto& [name, work] : figures_to_time) row(name, median_ms(runs, work), query_budget_ms);
  }

  // Issue 4: search everywhere (Ctrl+K) asks at each keystroke; the budget is the queries'.
  const auto search_everywhere = [&](const char* question) {
    return search_records(records, SearchRequest{question, 50, {}}).size();
  };
  const std::vector<std::pair<const char*, std::function<std::size_t()>>> searches_to_time = {
      {"search everywhere: 'a' (too short for the index: a scan)", [&] { return search_everywhere("a"); }},
      {"search everywhere: 'ri' (too short for the index: a scan)", [&] { return search_everywhere("ri"); }},
      {"search everywhere: 'ris' (thousands of candidates)", [&] { return search_everywhere("ris"); }},
      {"search everywhere: 'risk 99'", [&] { return search_everywhere("risk 99"); }},
      {"search everywhere: 'A.5.15' (an id)", [&] { return search_everywhere("A.5.15"); }},
      {"search everywhere: 'A.5' (an id, short without separators)", [&] { return search_everywhere("A.5"); }},
      {"search everywhere: 'Müller' (beyond ASCII)", [&] { return search_everywhere("Müller"); }},
      // The same question without the index, as every search was before migration 5: the scale of the gain.
      {"search everywhere: 'risk 99', scanning every row",
       [&] { return search_records(records, SearchRequest{"risk 99", 50, {}}, false).size(); }},
  };
  if (!only_bundles) {
    for (const auto& [name, work] : searches_to_time) row(name, median_ms(runs, work), query_budget_ms);
  }

  std::printf("part 2\n");
  const std::string attachment = records.query("attachment", RecordQuery().page(1)).front().id;
  const std::string attached_to = to_display(records.get("attachment", attachment)->get("record"));
  Workspace& opened = *workspace;
  const std::vector<std::pair<const char*, std::function<std::size_t()>>> part2_to_time = {
      {"open nonconformities by age", [&] { return figures::open_nonconformities_by_age(records, today).open; }},
      {"overdue corrective actions", [&] { return figures::overdue_corrective_actions(records, today).size(); }},
      {"people overdue for training", [&] { return figures::people_overdue_training(records, today).size(); }},
      {"training coverage by role", [&] { return figures::training_coverage(records, today).size(); }},
      {"audit findings by result", [&] { return sum(figures::audit_findings_by_result(records)); }},
      {"incidents by severity and status", [&] { return figures::incidents_by_severity_and_status(records).size(); }},
      {"supplier assessments due (30 days)",
       [&] { return figures::supplier_assessments_due(records, today, 30).size(); }},
      {"program progress", [&] { return figures::program_progress(records).milestones; }},
      {"late milestones", [&] { return figures::late_milestones(records, today).size(); }},
      {"what links to a risk (its evidence)", [&] { return records.linked_from(attached_to).size(); }},
      {"management review inputs, pre-filled (10)", [&] { return review_input_drafts(records, today, today).size(); }},
      {"open one attachment (read + verify)",
       [&] { return attachments::open(records, opened.blobs(), attachment).size(); }},
      {"attachment bytes in use", [&] { return static_cast<std::size_t>(attachments::used_bytes(records)); }},
  };
  if (!only_bundles) {
    for (const auto& [name, work] : part2_to_time) row(name, median_ms(runs, work), query_budget_ms);
  }

  const bench::BundleBenchResult bundles = bench::bench_bundles(opened);

  bool consistent = expect(records.count("risk") == size.risks, "risk count") &&
                    expect(bundles.records == stored_records(opened), "every record in the bundle") &&
                    expect(bundles.merged_nothing, "a merge of itself changes nothing") &&
                    expect(records.count("asset") == size.assets, "asset count") &&
                    expect(records.count("treatment_action") == size.treatment_actions, "treatment action count") &&
                    expect(records.count("measurement") == size.measurements, "measurement count") &&
                    expect(figures::soa_coverage(records).total.controls == 93, "93 Annex A controls") &&
                    expect(sum(figures::risk_levels(records).inherent) == size.risks, "every risk has a level") &&
                    expect(sum(kpi_status_counts(records, today)) == size.kpis, "every KPI has a status") &&
                    expect(records.count("incident") == size.incidents, "incident count") &&
                    expect(records.count("corrective_action") == size.corrective_actions, "corrective actions") &&
                    expect(records.count("attachment") == size.attachments, "attachment count") &&
                    expect(sum(figures::audit_findings_by_result(records)) == records.count("audit_item"),
                           "every checklist item has a result") &&
                    expect(figures::program_progress(records).milestones == 12, "the seeded timeline");

  workspace.reset();
  std::error_code ignored;
  if (keep.empty() && reuse.empty()) std::filesystem::remove_all(dir, ignored);
  return consistent ? 0 : 1;
}

int main(int argc, char** argv) {
  try {
    return run_benchmark(argc, argv);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "benchmark failed: %s\n", error.what());
    return 1;
  }
}
