#include "core/report/audit_report.hpp"

#include <optional>
#include <set>
#include <vector>

#include "core/report/report_support.hpp"

namespace isms::report {
namespace {

using support::RecordText;

// Most serious first: what the reader must act on comes before what merely conforms.
constexpr const char* result_order[] = {
    "major_nonconformity", "minor_nonconformity", "opportunity_for_improvement", "observation", "conform",
    "not_assessed"};

// "Clause 6.1.2 Information security risk assessment", "Control 5.1 Policies for ...", or "".
std::string requirement(const Repository& records, const Record& item) {
  for (const auto& [key, label] : {std::pair{"clause", "Clause"}, std::pair{"control", "Control"}}) {
    const std::string id = to_display(item.get(key));
    if (id.empty()) continue;
    const std::optional<Record> subject = records.get(key, id);
    if (!subject) return id;
    return std::string(label) + " " + to_display(subject->get("ref")) + " " + to_display(subject->get("title"));
  }
  return {};
}

Html result_groups(const Repository& records, const std::vector<Record>& items, RecordText& field,
                   const FieldDef& result_field) {
  Html part = heading(2, "Checklist results");
  if (items.empty()) return section(part + empty_note("No checklist items recorded."));
  std::vector<Tile> counts = {{support::count_text(items.size()), "checklist items"}};
  Html groups;
  for (const char* result : result_order) {
    Table table({"Requirement", "Question", "Evidence", "Nonconformity"}, "checklist");
    for (const Record& item : items) {
      if (!support::value_is(item, "result", result)) continue;
      table.row({text(requirement(records, item)), field.cell(item, "question"),
                 long_text(field(item, "evidence"), "No evidence recorded."), field.cell(item, "nonconformity")});
    }
    const std::string label = result_field.option_label(result);
    counts.push_back({support::count_text(table.rows()), label});
    if (table.rows() == 0) continue;
    groups += heading(3, label + " (" + std::to_string(table.rows()) + ")") + table.html();
  }
  return section(part + tiles(counts) + groups);
}

// The nonconformities raised from this audit: linked on its items, or naming one of them as
// their finding (either side may have been set first, or by an import).
std::vector<Record> raised_from(const Repository& records, const std::vector<Record>& items) {
  std::set<std::string> item_ids, seen;
  for (const Record& item : items) item_ids.insert(item.id);
  std::vector<Record> found;
  const auto add = [&](const std::string& id) {
    if (id.empty() || !seen.insert(id).second) return;
    if (std::optional<Record> nc = records.get("nonconformity", id); nc && !nc->deleted) found.push_back(*nc);
  };
  for (const Record& item : items) add(to_display(item.get("nonconformity")));
  for (const std::string& item_id : item_ids) {
    for (const Record& nc : support::parts_of(records, "nonconformity", "audit_item", item_id)) add(nc.id);
  }
  return found;
}

Html nonconformities(const Repository& records, const std::vector<Record>& raised, RecordText& field) {
  Html part = heading(2, "Nonconformities raised");
  if (raised.empty()) return section(part + empty_note("No nonconformities raised from this audit."));
  Table table({"Nonconformity", "Severity", "Raised on", "Status", "Corrective actions done"}, "nonconformities");
  for (const Record& nc : raised) {
    std::size_t done = 0, active = 0;
    for (const Record& action : support::parts_of(records, "corrective_action", "nonconformity", nc.id)) {
      if (support::value_is(action, "status", "cancelled")) continue;
      ++active;
      if (support::value_is(action, "status", "done")) ++done;
    }
    table.row({field.cell(nc, "title"), field.status(nc, "severity"), field.cell(nc, "raised_on"),
               field.status(nc, "status"), text(std::to_string(done) + " of " + std::to_string(active))});
  }
  return section(part + table.html());
}

}  // namespace

std::string audit_report(const Workspace& workspace, const std::string& audit_id, const ReportContext& context) {
  const Repository& records = workspace.records();
  const std::optional<Record> audit = records.get("audit", audit_id);
  if (!audit || audit->deleted) {
    throw StoreError("No internal audit with id " + audit_id +
                     " exists; it may have been deleted. Choose an audit from the list of internal audits.");
  }
  RecordText field(records);
  const std::vector<Record> items = support::parts_of(records, "audit_item", "audit", audit_id);

  Html body =
      facts({{"Audit", field.cell(*audit, "title")},
             {"Audit programme", field.cell(*audit, "programme")},
             {"Status", field.status(*audit, "status")},
             {"Scope", long_text(field(*audit, "scope"), "No scope recorded.")},
             {"Audit criteria", long_text(field(*audit, "criteria"), "No criteria recorded.")},
             {"Auditors", field.lines(*audit, "auditors", "No auditors recorded.")},
             {"Auditees", field.lines(*audit, "auditees", "No auditees recorded.")},
             {"Planned", text(support::date_range(field(*audit, "planned_start"), field(*audit, "planned_end")))},
             {"Carried out", text(support::date_range(field(*audit, "actual_start"), field(*audit, "actual_end")))}});
  body += section(heading(2, "Summary") + long_text(field(*audit, "report_summary"), "No summary recorded yet."));
  body += result_groups(records, items, field, *records.registry().get("audit_item").field("result"));
  body += nonconformities(records, raised_from(records, items), field);

  return page(workspace, context, "Internal audit report: " + field(*audit, "title"), body);
}

}  // namespace isms::report
