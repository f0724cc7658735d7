#include "bench/bundle_bench.hpp"

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>

#ifdef __EMSCRIPTEN__
#include <emscripten/heap.h>
#else
#include <sys/resource.h>
#endif

#include "core/bundle/bundle_json.hpp"
#include "core/bundle/export.hpp"
#include "core/bundle/merge.hpp"

namespace isms::bench {
namespace {

using Stopwatch = std::chrono::steady_clock;

constexpr double export_budget_ms = 2000;  // issue 5, in the browser
constexpr double import_budget_ms = 4000;  // read + preview + merge
constexpr double memory_budget_mb = 512;   // the WebAssembly heap
constexpr std::size_t slice = 2000;        // records per frame, as app/session.cpp exports

double ms_since(Stopwatch::time_point start) {
  return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

void row(const char* what, double ms, const std::string& result, double budget) {
  std::printf("%-44s %10.1f ms   %10s   %6.0f MB  %s\n", what, ms, result.c_str(), peak_memory_mb(),
              ms <= budget ? "" : "over budget");
}

std::string megabytes(std::size_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return text;
}

}  // namespace

double peak_memory_mb() {
#ifdef __EMSCRIPTEN__
  return static_cast<double>(emscripten_get_heap_size()) / (1024.0 * 1024.0);
#else
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
#endif
}

BundleBenchResult bench_bundles(Workspace& workspace) {
  std::printf("bundles (memory: %s after the step)\n",
#ifdef __EMSCRIPTEN__
              "the heap's size"
#else
              "peak resident set"
#endif
  );
  BundleBenchResult result;
  bool export_ok = false, import_ok = false;
  // Each step on its own: a step that fails (out of memory, refused) is reported and the others
  // still run, so the table shows where the limit is.
  const auto step = [](const char* what, const std::function<void()>& work) {
    try {
      work();
    } catch (const std::exception& error) {
      std::printf("%-44s failed: %s\n", what, error.what());
    }
  };
  std::string text;
  step("export without attachments", [&] {
    const Stopwatch::time_point begin = Stopwatch::now();
    bundle::BundleExport run(workspace, {false, "Bench", {}});
    while (!run.step(slice)) {
    }
    text = run.finish();
    const double ms = ms_since(begin);
    row("export without attachments", ms, megabytes(text.size()), export_budget_ms);
    export_ok = ms <= export_budget_ms;
  });
  step("import", [&] {
    Stopwatch::time_point begin = Stopwatch::now();
    const bundle::Bundle read_back = bundle::from_json(text, workspace.registry());
    text = std::string();  // as the app does: the file's bytes go once they are read
    result.records = read_back.records.size();
    const double read_ms = ms_since(begin);
    row("read and validate it (from_json)", read_ms, std::to_string(result.records), import_budget_ms);
    begin = Stopwatch::now();
    const bundle::MergePreview preview = bundle::plan_merge(workspace, read_back);
    const double preview_ms = ms_since(begin);
    row("preview (plan_merge)", preview_ms, std::to_string(preview.total.unchanged), import_budget_ms);
    begin = Stopwatch::now();
    bundle::MergeOptions options;
    options.preview = &preview;  // as the app merges what it previewed
    const bundle::MergeResult merged = bundle::apply_merge(workspace, read_back, {}, options);
    const double merge_ms = ms_since(begin);
    row("merge (apply_merge)", merge_ms, std::to_string(merged.total.unchanged), import_budget_ms);
    const double import_ms = read_ms + preview_ms + merge_ms;
    row("import = read + preview + merge", import_ms, "", import_budget_ms);
    import_ok = import_ms <= import_budget_ms;
    result.merged_nothing =
        preview.conflicts.empty() && merged.total.changed == 0 && merged.total.added == 0 && merged.total.deleted == 0;
  });
  step("export with attachments", [&] {
    const Stopwatch::time_point begin = Stopwatch::now();
    const std::string with = bundle::export_bundle_text(workspace, {true, "Bench", {}});
    row("export with attachments", ms_since(begin), megabytes(with.size()), export_budget_ms);
  });
  const double memory = peak_memory_mb();
#ifdef __EMSCRIPTEN__
  const bool memory_ok = memory <= memory_budget_mb;  // the budget is the WebAssembly heap's
#else
  const bool memory_ok = true;  // the resident set counts SQLite's mapped pages too: no budget
#endif
  std::printf("  peak memory %.0f MB%s\n", memory, memory_ok ? "" : " (over budget)");
  result.within_budget = export_ok && import_ok && memory_ok;
  return result;
}

}  // namespace isms::bench
