#include "app/register_groups.hpp"

namespace isms::app {

// Every register of core's registry except the workspace's own details and the parts that are
// edited inside their parent (measurements, attendance, checklist items, review inputs...),
// which stay reachable from it. A test checks that no other register is left out.
const std::vector<RegisterGroup>& register_groups() {
  static const std::vector<RegisterGroup> groups = {
      {"Program", {"milestone", "program_component", "role", "raci", "report_schedule"}},
      {"Context", {"context_issue", "interested_party", "scope"}},
      {"Governance", {"process", "objective", "kpi", "management_review"}},
      {"Risk", {"asset", "risk", "treatment_action", "control", "risk_method"}},
      {"Compliance", {"requirement", "policy", "supplier", "clause"}},
      {"People", {"person", "training_session", "awareness_campaign", "communication"}},
      {"Operations", {"incident", "change_request"}},
      {"Assurance", {"audit_programme", "audit", "nonconformity", "corrective_action", "improvement", "feedback"}},
  };
  return groups;
}

}  // namespace isms::app
