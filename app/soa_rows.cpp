#include "app/soa_rows.hpp"

#include <algorithm>
#include <cctype>

#include "app/record_draft.hpp"
#include "app/session.hpp"

namespace isms::app {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// The run of digits starting at `i`, without leading zeros, and where it ends.
std::string digits_at(const std::string& s, std::size_t& i) {
  const std::size_t start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  std::string run = s.substr(start, i - start);
  run.erase(0, std::min(run.find_first_not_of('0'), run.size() - 1));
  return run;
}

void count_row(figures::Coverage& coverage, const SoaRow& row) {
  ++coverage.controls;
  if (row.applicable == "yes") {
    ++coverage.applicable;
    if (row.status == "implemented") ++coverage.implemented;
  } else if (row.applicable == "no") {
    ++coverage.not_applicable;
  } else {
    ++coverage.undecided;
  }
}

}  // namespace

bool ref_before(const std::string& a, const std::string& b) {
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      const std::string x = digits_at(a, i), y = digits_at(b, j);
      if (x.size() != y.size()) return x.size() < y.size();  // no leading zeros: shorter is smaller
      if (x != y) return x < y;
      continue;
    }
    const int x = std::tolower(static_cast<unsigned char>(a[i])), y = std::tolower(static_cast<unsigned char>(b[j]));
    if (x != y) return x < y;
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

SoaTable read_soa(const Repository& records) {
  SoaTable table;
  for (const Record& control : records.list("control")) {
    table.rows.push_back({control.id, to_display(control.get("ref")), records.title_of(control),
                          to_display(control.get("theme")), to_display(control.get("applicable")),
                          to_display(control.get("justification")), to_display(control.get("implementation_status")),
                          to_display(control.get("source")) == "annex_a"});
  }
  std::stable_sort(table.rows.begin(), table.rows.end(), [](const SoaRow& a, const SoaRow& b) {
    if (a.annex_a != b.annex_a) return a.annex_a;
    return ref_before(a.ref, b.ref);
  });
  for (const EnumOption& theme : records.registry().get("control").field("theme")->options) {
    table.themes.push_back({theme.value, theme.label, {}, {}});
  }
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const auto theme = std::find_if(table.themes.begin(), table.themes.end(),
                                    [&](const SoaTheme& t) { return t.value == table.rows[i].theme; });
    if (theme == table.themes.end()) continue;  // the theme is required: only a damaged file lacks one
    theme->rows.push_back(i);
    count_row(theme->coverage, table.rows[i]);
  }
  return table;
}

SoaEdit edit_of(const SoaRow& row) { return {row.applicable, row.justification, row.status, {}, {}, false}; }

bool save_soa_edit(Session& session, const std::string& control_id, SoaEdit& edit) {
  edit.errors.clear();
  edit.problem.clear();
  edit.pending = false;
  Workspace* ws = session.current();
  if (ws == nullptr) return false;
  const EntityDef& def = ws->registry().get("control");
  const std::optional<Record> stored = ws->records().get("control", control_id);
  if (!stored || stored->deleted) {
    edit.problem = "This control was deleted meanwhile; what you chose here was not saved.";
    return false;
  }
  RecordDraft draft = draft_of(def, *stored);
  draft.text["applicable"] = edit.applicable;
  draft.text["justification"] = edit.justification;
  draft.text["implementation_status"] = edit.status;
  draft.dirty = true;
  if (session.save_record(draft)) {
    // The row shows what was saved; a banner per choice would push the table down each time.
    session.clear_notice();
    return true;
  }
  edit.errors = draft.errors;
  edit.problem = draft.problem;
  return false;
}

const SoaTable& SoaView::table(Session& session) {
  Workspace& ws = *session.current();
  if (!valid_ || workspace_ != ws.id() || revision_ != session.data_revision()) {
    table_ = read_soa(ws.records());
    workspace_ = ws.id();
    revision_ = session.data_revision();
    valid_ = true;
  }
  return table_;
}

}  // namespace isms::app
