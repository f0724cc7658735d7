// Writes real bundles for the schema test (tests/schema/validate_bundle.mjs): a freshly created
// workspace (its ~190 catalog records) with records in many registers, once with attachment bytes
// and once without; and, with --schema, the JSON Schema made from the register definitions (how
// assets/bundle.schema.json is regenerated after a register changes).
//
// With --people N, N more people: a workspace large enough that exporting it takes a while
// (the browser test of the export's progress bar).
//
//   write_sample_bundle --bundle <file> [--lean-bundle <file>] [--schema <file>] [--people N]

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/bundle/bundle_json.hpp"
#include "core/bundle/bundle_schema.hpp"
#include "core/bundle/export.hpp"
#include "core/util/clock.hpp"
#include "core/util/uuid.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/tools/sample_workspace.hpp"

namespace {

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("Cannot write " + path + ".");
}

}  // namespace

int main(int argc, char** argv) {
  std::string bundle_path, lean_path, schema_path;
  long extra_people = 0;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string option = argv[i];
    if (option == "--bundle")
      bundle_path = argv[i + 1];
    else if (option == "--lean-bundle")
      lean_path = argv[i + 1];
    else if (option == "--schema")
      schema_path = argv[i + 1];
    else if (option == "--people")
      extra_people = std::strtol(argv[i + 1], nullptr, 10);
  }
  if (bundle_path.empty() && schema_path.empty()) {
    std::fprintf(stderr,
                 "usage: write_sample_bundle --bundle <file> [--lean-bundle <file>] [--schema <file>] [--people N]\n");
    return 2;
  }
  try {
    using namespace isms;
    if (!schema_path.empty()) write_file(schema_path, bundle::json_schema(Registry::builtin()));
    if (bundle_path.empty()) return 0;
    const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("isms-sample-" + new_uuid());
    std::filesystem::create_directories(dir);
    {
      FixedClock clock("2026-11-26T09:00:00Z");
      auto workspace =
          Workspace::create(dir.string(), new_uuid(), {"Acme 2026", "Acme s.r.o.", "Anna Dvořák"}, clock, nullptr);
      test::fill_sample_workspace(*workspace);
      {
        Transaction batch(workspace->database());
        for (long i = 1; i <= extra_people; ++i) {
          workspace->records().create("person", {{"name", Value("Person " + std::to_string(i))}});
        }
        batch.commit();
      }
      const std::string json = bundle::to_json(bundle::export_bundle(*workspace), workspace->registry());
      bundle::from_json(json, workspace->registry());  // what we write, we read
      write_file(bundle_path, json);
      if (!lean_path.empty()) {
        bundle::ExportOptions lean;
        lean.include_attachments = false;
        write_file(lean_path, bundle::to_json(bundle::export_bundle(*workspace, lean), workspace->registry()));
      }
    }
    std::filesystem::remove_all(dir);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "write_sample_bundle: %s\n", error.what());
    return 1;
  }
  return 0;
}
