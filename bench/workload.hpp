#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/workspace/workspace.hpp"

namespace isms::bench {

// How many records of each register the generated workspace holds. full() is the size issues 3
// and 7 set the budgets for; scaled() shrinks it for a quick run (CTest's smoke test).
struct WorkloadSize {
  // Part 1 (issue 3).
  std::size_t people = 1000, assets = 3000, risks = 10000, treatment_actions = 20000, requirements = 500,
              policies = 300, kpis = 200, measurements = 20000;
  // Part 2 (issue 7).
  std::size_t incidents = 2000, nonconformities = 5000, corrective_actions = 10000, training_sessions = 50,
              attendance = 50000, suppliers = 200, audits = 100, audit_items = 10000, attachments = 2000;
  std::size_t attachment_min_bytes = 10 * 1024, attachment_max_bytes = 200 * 1024;

  static WorkloadSize full() { return {}; }
  WorkloadSize scaled(double factor) const;
  std::size_t total() const;
};

// Fills a freshly created workspace with a deterministic large register (the same seed gives the
// same records), linked the way a real one is: risks to assets, controls and owners, actions to
// their risk and controls, requirements to controls and policies, measurements to their KPI.
// Everything goes through the Repository, rules and history included, in one transaction.
void generate(Workspace& workspace, const WorkloadSize& size, std::uint32_t seed = 27001);

// Part 2's registers (bench/workload_part2.cpp), on a workspace generate() filled: incidents,
// nonconformities with corrective actions, training with attendance, suppliers, audits with
// their checklists, and attachments with their bytes in the workspace's blob store.
void generate_part2(Workspace& workspace, const WorkloadSize& size, std::uint32_t seed = 27002);

}  // namespace isms::bench
