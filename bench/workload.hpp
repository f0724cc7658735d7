#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/workspace/workspace.hpp"

namespace isms::bench {

// How many records of each register the generated workspace holds. full() is the size issue 3
// sets the budgets for; scaled() shrinks it for a quick run (CTest's smoke test).
struct WorkloadSize {
  std::size_t people = 100, assets = 3000, risks = 10000, treatment_actions = 20000, requirements = 500, policies = 300,
              kpis = 200, measurements = 20000;

  static WorkloadSize full() { return {}; }
  WorkloadSize scaled(double factor) const;
  std::size_t total() const;
};

// Fills a freshly created workspace with a deterministic large register (the same seed gives the
// same records), linked the way a real one is: risks to assets, controls and owners, actions to
// their risk and controls, requirements to controls and policies, measurements to their KPI.
// Everything goes through the Repository, rules and history included, in one transaction.
void generate(Workspace& workspace, const WorkloadSize& size, std::uint32_t seed = 27001);

}  // namespace isms::bench
