#pragma once

#include <string>

#include "core/attachments/attachments.hpp"
#include "core/model/links.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::test {

// Records in many registers of a freshly created workspace, the way a consultant fills one in:
// a person, assets (one deleted: a tombstone), a risk linked to them and to an Annex A control,
// the control's decision, a KPI with measurements, a policy, and evidence with its bytes.
inline void fill_sample_workspace(Workspace& workspace) {
  Repository& records = workspace.records();
  using V = Value;
  const std::string anna = records.create("person", {{"name", V("Anna Dvořák")},
                                                     {"email", V("anna@example.org")},
                                                     {"role", V("role-isms-manager")},
                                                     {"notes", V("Line one\nLine two: \"quoted\" — ok")}});
  const std::string laptop = records.create("asset", {{"name", V("Laptop „Zeta“")},
                                                      {"type", V("hardware")},
                                                      {"owner", V(anna)},
                                                      {"confidentiality", V(std::int64_t{4})}});
  const std::string old = records.create("asset", {{"name", V("Old server")}, {"type", V("hardware")}});
  records.remove("asset", old);
  const std::string risk = records.create("risk", {{"title", V("Ransomware on laptops")},
                                                   {"assets", link_list({laptop})},
                                                   {"owner", V(anna)},
                                                   {"inherent_likelihood", V(std::int64_t{4})},
                                                   {"inherent_impact", V(std::int64_t{5})},
                                                   {"treatment", V("mitigate")},
                                                   {"controls", link_list({"annex-a-8.7"})},
                                                   {"review_date", V("2027-02-28")}});
  records.update("control", "annex-a-8.7",
                 {{"applicable", V("yes")},
                  {"justification", V("Malware is the largest risk to the laptops.")},
                  {"implementation_status", V("implemented")},
                  {"owner", V(anna)}});
  const std::string kpi = records.create(
      "kpi", {{"name", V("Patch latency")}, {"unit", V("days")}, {"target", V(14.0)}, {"owner", V(anna)}});
  records.create("measurement", {{"kpi", V(kpi)}, {"date", V("2026-10-31")}, {"value", V(12.5)}});
  records.create("measurement", {{"kpi", V(kpi)}, {"date", V("2026-11-30")}, {"value", V(9.0)}});
  records.create("policy", {{"title", V("Information security policy")},
                            {"type", V("policy")},
                            {"owner", V(anna)},
                            {"controls", link_list({"annex-a-5.1", "annex-a-8.7"})}});
  std::string evidence = "%PDF-1.7\n";
  for (int i = 0; i < 256; ++i) evidence.push_back(static_cast<char>(i));  // every byte value
  attachments::attach(records, workspace.blobs(), risk, "risk-assessment.pdf", "application/pdf", evidence);
}

}  // namespace isms::test
