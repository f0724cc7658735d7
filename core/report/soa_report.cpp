#include "core/report/soa_report.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "core/figures/figures.hpp"
#include "core/report/report_support.hpp"
#include "core/util/text.hpp"

namespace isms::report {
namespace {

using support::RecordText;

// How many live risks name each control among theirs: one query over the link index.
std::map<std::string, std::size_t> risks_per_control(const Repository& records) {
  std::map<std::string, std::size_t> counts;
  Statement query = records.database().prepare(
      "SELECT to_id, count(*) FROM links WHERE from_kind = 'risk' AND field = 'controls' GROUP BY to_id");
  while (query.step()) counts[query.column_text(0)] = static_cast<std::size_t>(query.column_int64(1));
  return counts;
}

Html coverage_tiles(const figures::Coverage& total) {
  return tiles({{support::count_text(total.controls), "controls"},
                {support::count_text(total.applicable), "applicable"},
                {support::count_text(total.not_applicable), "not applicable"},
                {support::count_text(total.undecided), "undecided"},
                {support::count_text(total.implemented), "applicable and implemented"}});
}

Html controls_table(const std::vector<const Record*>& controls, bool with_theme, RecordText& field,
                    const std::map<std::string, std::size_t>& risks) {
  std::vector<std::string> headers = {"Ref", "Control"};
  if (with_theme) headers.push_back("Theme");
  for (const char* header : {"Applicable", "Justification", "Implementation", "Owner", "Risks"}) {
    headers.push_back(header);
  }
  Table table(headers, "soa");
  for (const Record* control : controls) {
    const auto linked = risks.find(control->id);
    std::vector<Html> cells = {field.cell(*control, "ref"), field.cell(*control, "title")};
    if (with_theme) cells.push_back(field.cell(*control, "theme"));
    cells.push_back(field.status(*control, "applicable"));
    // Blank while undecided: the register asks for a justification with every decision.
    cells.push_back(long_text(field(*control, "justification"), ""));
    cells.push_back(field.status(*control, "implementation_status"));
    cells.push_back(field.cell(*control, "owner"));
    cells.push_back(text(std::to_string(linked == risks.end() ? 0 : linked->second)));
    table.row(std::move(cells));
  }
  return table.html();
}

}  // namespace

std::string soa_report(const Workspace& workspace, const ReportContext& context) {
  const Repository& records = workspace.records();
  const FieldDef& theme_field = *records.registry().get("control").field("theme");
  std::vector<Record> controls = records.query("control", RecordQuery());
  std::stable_sort(controls.begin(), controls.end(), [](const Record& a, const Record& b) {
    return support::ref_less(to_display(a.get("ref")), to_display(b.get("ref")));
  });
  const std::map<std::string, std::size_t> risks = risks_per_control(records);
  RecordText field(records);

  Html body = paragraph(
      "Every control of ISO/IEC 27001:2022 Annex A and every control the organisation added, with the decision "
      "whether it applies, the reason for it, and how far it is implemented (6.1.3 d)). Risks counts the risks "
      "in the risk register that this control treats.");
  body += coverage_tiles(figures::soa_coverage(records).total);

  for (const EnumOption& theme : theme_field.options) {
    std::vector<const Record*> in_theme;
    for (const Record& control : controls) {
      if (support::value_is(control, "source", "annex_a") && to_display(control.get("theme")) == theme.value) {
        in_theme.push_back(&control);
      }
    }
    Html part = heading(2, theme.label + " controls");
    part += in_theme.empty() ? empty_note("No " + to_lower_ascii(theme.label) + " controls of Annex A recorded.")
                             : controls_table(in_theme, false, field, risks);
    body += section(part);
  }

  std::vector<const Record*> custom;
  for (const Record& control : controls) {
    if (!support::value_is(control, "source", "annex_a")) custom.push_back(&control);
  }
  Html part = heading(2, "Custom controls");
  part += custom.empty() ? empty_note("No custom controls recorded.") : controls_table(custom, true, field, risks);
  body += section(part);

  return page(workspace, context, "Statement of Applicability", body, Orientation::Landscape);
}

}  // namespace isms::report
