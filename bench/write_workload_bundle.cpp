// Writes the benchmark's workload (bench/workload.hpp) as a bundle file, for the frame-budget
// benchmark in the browser (bench/frame_budget.mjs imports it the way a person would):
//   write_workload_bundle --scale 1.0 --out <file.isms.json>
// Attachments are left out: the frame budget is about drawing registers, not files.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "bench/workload.hpp"
#include "core/bundle/export.hpp"
#include "core/util/uuid.hpp"
#include "core/workspace/workspace.hpp"

using namespace isms;

int main(int argc, char** argv) {
  double scale = 1.0;
  std::string out;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--scale") scale = std::atof(argv[i + 1]);
    if (flag == "--out") out = argv[i + 1];
  }
  if (out.empty() || scale <= 0) {
    std::fprintf(stderr, "usage: write_workload_bundle --scale 1.0 --out <file.isms.json>\n");
    return 2;
  }
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / ("isms-workload-" + new_uuid());
  std::filesystem::create_directories(dir);
  SystemClock clock;
  {
    auto workspace = Workspace::create(dir.string(), new_uuid(), {"Benchmark", "Client", "Bench"}, clock, nullptr);
    bench::generate(*workspace, bench::WorkloadSize::full().scaled(scale));
    std::ofstream file(out, std::ios::binary);
    file << bundle::export_bundle_text(*workspace);
    if (!file) {
      std::fprintf(stderr, "could not write %s\n", out.c_str());
      return 1;
    }
  }
  std::filesystem::remove_all(dir);
  std::printf("wrote %s (%.1f MB)\n", out.c_str(), static_cast<double>(std::filesystem::file_size(out)) / 1e6);
  return 0;
}
