#include "bench/workload.hpp"

#include "bench/generator.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "core/catalogs/builtin_catalogs.hpp"
#include "core/catalogs/seed.hpp"
#include "core/model/links.hpp"
#include "core/util/date.hpp"

namespace isms::bench {
namespace {

std::size_t scale(std::size_t count, double factor) {
  return std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(static_cast<double>(count) * factor)));
}

}  // namespace

WorkloadSize WorkloadSize::scaled(double factor) const {
  WorkloadSize size;
  size.people = scale(people, factor);
  size.assets = scale(assets, factor);
  size.risks = scale(risks, factor);
  size.treatment_actions = scale(treatment_actions, factor);
  size.requirements = scale(requirements, factor);
  size.policies = scale(policies, factor);
  size.kpis = scale(kpis, factor);
  size.measurements = scale(measurements, factor);
  size.incidents = scale(incidents, factor);
  size.nonconformities = scale(nonconformities, factor);
  size.corrective_actions = scale(corrective_actions, factor);
  size.training_sessions = scale(training_sessions, factor);
  size.attendance = scale(attendance, factor);
  size.suppliers = scale(suppliers, factor);
  size.audits = scale(audits, factor);
  size.audit_items = scale(audit_items, factor);
  size.attachments = scale(attachments, factor);
  return size;
}

std::size_t WorkloadSize::total() const {
  return people + assets + risks + treatment_actions + requirements + policies + kpis + measurements + incidents +
         nonconformities + corrective_actions + training_sessions + attendance + suppliers + audits + audit_items +
         attachments;
}

void generate(Workspace& workspace, const WorkloadSize& size, std::uint32_t seed) {
  Repository& records = workspace.records();
  Generator g(records, seed);
  Transaction transaction(workspace.database());

  std::vector<std::string> controls;
  for (const catalogs::CatalogControl& control : catalogs::annex_a_controls()) {
    controls.push_back(catalogs::annex_a_id(control.ref));
  }
  const auto people = g.make(size.people, "person", [&](std::size_t i) {
    return Values{{"name", g.text("Person " + std::to_string(i + 1))},
                  {"department", g.text("Department " + std::to_string(i % 12 + 1))},
                  {"email", g.text("person" + std::to_string(i + 1) + "@example.org")}};
  });
  const auto& asset_types = option_values(records, "asset", "type");
  const auto assets = g.make(size.assets, "asset", [&](std::size_t i) {
    return Values{{"name", g.text("Asset " + std::to_string(i + 1))},
                  {"type", g.text(g.pick(asset_types))},
                  {"owner", g.text(g.pick(people))},
                  {"confidentiality", std::int64_t{g.between(1, 5)}},
                  {"integrity", std::int64_t{g.between(1, 5)}},
                  {"availability", std::int64_t{g.between(1, 5)}}};
  });
  const auto policies = g.make(size.policies, "policy", [&](std::size_t i) {
    Values values{{"title", g.text("Policy " + std::to_string(i + 1))},
                  {"type", g.text(i % 3 == 0 ? "policy" : "procedure")},
                  {"owner", g.text(g.pick(people))},
                  {"version", g.text("1.0")},
                  {"next_review", g.text(g.date())}};
    if (i % 3 != 2) {  // two in three are approved and in force, one in three still drafts
      values["status"] = g.text("published");
      values["approved_by"] = g.text(g.pick(people));
      values["approved_on"] = g.text("2025-01-15");
      values["approved_version"] = g.text("1.0");
    }
    return values;
  });
  // The Statement of Applicability: every Annex A control decided, most of them under way.
  const auto& statuses = option_values(records, "control", "implementation_status");
  for (const std::string& control : controls) {
    const bool applicable = g.between(0, 9) != 0;
    records.update("control", control,
                   {{"applicable", g.text(applicable ? "yes" : "no")},
                    {"justification", g.text(applicable ? "Treats identified risks" : "No such activity in scope")},
                    {"implementation_status", g.text(g.pick(statuses))},
                    {"owner", g.text(g.pick(people))}});
  }
  const auto& compliance = option_values(records, "requirement", "compliance_status");
  g.make(size.requirements, "requirement", [&](std::size_t i) {
    const std::string status = g.pick(compliance);
    Values values{{"title", g.text("Requirement " + std::to_string(i + 1))},
                  {"type", g.text(i % 2 == 0 ? "legal" : "contractual")},
                  {"compliance_status", g.text(status)},
                  {"controls", g.some(controls, 1, 4)},
                  {"policies", g.some(policies, 0, 2)},
                  {"owner", g.text(g.pick(people))},
                  {"next_review", g.text(g.date())}};
    if (status == "non_compliant" || status == "partially_compliant") values["gap_analysis"] = g.text("Gap found");
    return values;
  });
  const auto& treatments = option_values(records, "risk", "treatment");
  const auto risks = g.make(size.risks, "risk", [&](std::size_t i) {
    Values values{{"title", g.text("Risk " + std::to_string(i + 1))},
                  {"assets", g.some(assets, 1, 3)},
                  {"owner", g.text(g.pick(people))},
                  {"threat", g.text("Threat " + std::to_string(i % 50))},
                  {"inherent_likelihood", std::int64_t{g.between(1, 5)}},
                  {"inherent_impact", std::int64_t{g.between(1, 5)}},
                  {"treatment", g.text(g.pick(treatments))},
                  {"controls", g.some(controls, 0, 3)},
                  {"review_date", g.text(g.date())}};
    if (i % 2 == 0) {  // half of them treated already, with a residual rating at most the inherent one
      const auto likelihood = std::get<std::int64_t>(values["inherent_likelihood"]);
      const auto impact = std::get<std::int64_t>(values["inherent_impact"]);
      values["residual_likelihood"] = std::int64_t{g.between(1, static_cast<int>(likelihood))};
      values["residual_impact"] = std::int64_t{g.between(1, static_cast<int>(impact))};
    }
    return values;
  });
  g.make(size.treatment_actions, "treatment_action", [&](std::size_t i) {
    const std::string start = g.date();
    const std::string due = format_date(add_days(*parse_date(start), g.between(7, 180)));
    const int state = g.between(0, 3);
    Values values{{"title", g.text("Action " + std::to_string(i + 1))},
                  {"risk", g.text(risks[i % risks.size()])},
                  {"controls", g.some(controls, 1, 2)},
                  {"owner", g.text(g.pick(people))},
                  {"start_date", g.text(start)},
                  {"due_date", g.text(due)},
                  {"status", g.text(state == 3   ? "done"
                                    : state == 2 ? "in_progress"
                                                 : "planned")},
                  {"progress", std::int64_t{state == 3 ? 100 : g.between(0, 90)}}};
    return values;
  });
  const auto kpis = g.make(size.kpis, "kpi", [&](std::size_t i) {
    return Values{{"name", g.text("KPI " + std::to_string(i + 1))},
                  {"target", 95.0},
                  {"amber_threshold", 90.0},
                  {"red_threshold", 80.0},
                  {"frequency", g.text("monthly")},
                  {"owner", g.text(g.pick(people))}};
  });
  g.make(size.measurements, "measurement", [&](std::size_t i) {
    return Values{{"kpi", g.text(kpis[i % kpis.size()])},
                  {"date", g.text(g.date())},
                  {"value", static_cast<double>(g.between(700, 1000)) / 10.0}};
  });
  transaction.commit();
}

}  // namespace isms::bench
