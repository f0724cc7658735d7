#include "core/program/management_reviews.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>

#include "core/catalogs/program_catalog.hpp"
#include "core/figures/figures.hpp"
#include "core/kpi/kpi_register.hpp"
#include "core/model/value_access.hpp"
#include "core/util/text.hpp"

namespace isms {
namespace {

constexpr std::size_t named_at_most = 10;  // a summary names this many records, then counts the rest

// What "earlier" and "since" mean for the review being prepared.
struct Period {
  std::string review_date;
  std::string today;
  std::size_t earlier_reviews = 0;      // live reviews dated before this one
  std::optional<std::string> previous;  // the date of the latest of them that was held or approved
};

std::string since(const Period& period) { return "since the previous review (" + *period.previous + ")"; }

Period period_of(const Repository& records, std::string_view review_date, std::string_view today) {
  Period period{std::string(review_date), std::string(today), 0, std::nullopt};
  Statement query = records.database().prepare(
      "SELECT count(*), max(CASE WHEN status IN ('held', 'approved') THEN date END) FROM rec_management_review "
      "WHERE deleted = 0 AND date < ?");
  query.bind(1, period.review_date);
  if (query.step()) {
    period.earlier_reviews = static_cast<std::size_t>(query.column_int64(0));
    if (!query.column_is_null(1)) period.previous = query.column_text(1);
  }
  return period;
}

// The columns a register's table has now, none if it has no table. The registers of issue 7 are
// written alongside this one, and a workspace may come from a build that lacks one of them: the
// summaries read only what is there.
std::set<std::string> columns_of(const Repository& records, const std::string& kind) {
  Statement query = records.database().prepare("SELECT name FROM pragma_table_info(?)");
  query.bind(1, "rec_" + kind);
  std::set<std::string> columns;
  while (query.step()) columns.insert(query.column_text(0));
  return columns;
}

bool has_all(const std::set<std::string>& columns, std::initializer_list<const char*> wanted) {
  for (const char* column : wanted) {
    if (columns.count(column) == 0) return false;
  }
  return true;
}

// "1 action", "3 actions".
std::string counted(std::size_t count, const std::string& one, const std::string& many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// "1 is", "3 are": for sentences that continue after the number.
std::string count_is(std::size_t count) { return std::to_string(count) + (count == 1 ? " is" : " are"); }

// "A, B, C" or, past named_at_most, "A, ..., J and 5 more".
std::string named(const std::vector<std::string>& names) {
  std::vector<std::string> shown(names.begin(), names.begin() + std::min(names.size(), named_at_most));
  std::string text = join(shown, ", ");
  if (names.size() > named_at_most) text += " and " + std::to_string(names.size() - named_at_most) + " more";
  return text;
}

using Tally = std::vector<std::pair<std::string, std::size_t>>;  // phrase, count

// "8 on target, 2 at risk": the parts that are not zero, in the tally's order.
std::string parts(const Tally& tally) {
  std::vector<std::string> texts;
  for (const auto& [phrase, count] : tally) {
    if (count != 0) texts.push_back(std::to_string(count) + " " + phrase);
  }
  return join(texts, ", ");
}

// How an Enum value reads in a sentence: its option's label in lower case ("in progress"), or
// the value itself when the register (or the option) is not known to this build.
std::string phrase_of(const Repository& records, const std::string& kind, const std::string& field,
                      const std::string& value) {
  if (value.empty()) return "without a value";
  const EntityDef* def = records.registry().find(kind);
  const FieldDef* enum_field = def != nullptr ? def->field(field) : nullptr;
  if (enum_field == nullptr || enum_field->option(value) == nullptr) return value;
  return to_lower_ascii(enum_field->option_label(value));
}

// Counts by Enum value in the order of the field's options (unknown values after them), each
// turned into its phrase by `phrase`.
Tally in_option_order(const Repository& records, const std::string& kind, const std::string& field,
                      std::map<std::string, std::size_t> counts,
                      const std::function<std::string(const std::string&)>& phrase) {
  Tally tally;
  const EntityDef* def = records.registry().find(kind);
  const FieldDef* enum_field = def != nullptr ? def->field(field) : nullptr;
  if (enum_field != nullptr) {
    for (const EnumOption& option : enum_field->options) {
      const auto found = counts.find(option.value);
      if (found == counts.end()) continue;
      tally.emplace_back(phrase(option.value), found->second);
      counts.erase(found);
    }
  }
  for (const auto& [value, count] : counts) tally.emplace_back(phrase(value), count);
  return tally;
}

Tally in_option_order(const Repository& records, const std::string& kind, const std::string& field,
                      std::map<std::string, std::size_t> counts) {
  return in_option_order(records, kind, field, std::move(counts),
                         [&](const std::string& value) { return phrase_of(records, kind, field, value); });
}

std::size_t total(const std::map<std::string, std::size_t>& counts) {
  std::size_t sum = 0;
  for (const auto& [value, count] : counts) sum += count;
  return sum;
}

// a) What became of the actions the earlier reviews decided.
std::string earlier_actions(const Repository& records, const Period& period) {
  if (period.earlier_reviews == 0)
    return "This is the first management review: there are no earlier actions to follow up.";
  Statement query = records.database().prepare(
      "SELECT a.status, count(*), coalesce(sum(a.status IN ('open', 'in_progress') AND a.due_date < ?), 0) "
      "FROM rec_review_action AS a JOIN rec_management_review AS r ON r.id = a.review "
      "WHERE a.deleted = 0 AND r.deleted = 0 AND r.date < ? GROUP BY 1");
  query.bind(1, period.today).bind(2, period.review_date);
  std::map<std::string, std::size_t> by_status;
  std::size_t overdue = 0;
  while (query.step()) {
    by_status[query.column_is_null(0) ? std::string() : query.column_text(0)] +=
        static_cast<std::size_t>(query.column_int64(1));
    overdue += static_cast<std::size_t>(query.column_int64(2));
  }
  const std::size_t actions = total(by_status);
  if (actions == 0) return "The earlier reviews decided no actions.";
  std::string text = counted(actions, "action", "actions") +
                     " from earlier reviews: " + parts(in_option_order(records, "review_action", "status", by_status)) +
                     ".";
  if (overdue != 0) text += " " + count_is(overdue) + " overdue.";
  return text;
}

// b) and c) The records of a register changed since the previous review, by their last change.
std::string changed_records(const Repository& records, const Period& period, const std::string& kind,
                            const std::string& title, const std::string& one, const std::string& many) {
  const std::string table = "rec_" + kind;
  Statement query = records.database().prepare("SELECT coalesce(\"" + title + "\", id), deleted FROM \"" + table +
                                               "\" WHERE " + (period.previous ? "updated_at >= ?" : "deleted = 0") +
                                               " ORDER BY 1 COLLATE NOCASE, id");
  if (period.previous) query.bind(1, *period.previous);
  std::vector<std::string> live, removed;
  while (query.step()) (query.column_int64(1) == 0 ? live : removed).push_back(query.column_text(0));
  if (!period.previous) {
    if (live.empty()) return "No earlier review to compare with, and no " + many + " are recorded yet.";
    return "No earlier review to compare with. " + counted(live.size(), one, many) +
           (live.size() == 1 ? " is" : " are") + " recorded: " + named(live) + ".";
  }
  std::string text =
      live.empty() ? "No " + many + " added or changed " + since(period) + "."
                   : counted(live.size(), one, many) + " added or changed " + since(period) + ": " + named(live) + ".";
  if (!removed.empty()) text += " " + std::to_string(removed.size()) + " removed: " + named(removed) + ".";
  return text;
}

// d1) Nonconformities and their corrective actions, read straight from the tables.
std::string nonconformities(const Repository& records, const Period& period) {
  const std::set<std::string> columns = columns_of(records, "nonconformity");
  if (!has_all(columns, {"status"})) return "No nonconformities recorded.";
  const bool severity = columns.count("severity") != 0;
  const bool raised = period.previous && columns.count("raised_on") != 0;
  Statement query = records.database().prepare(
      std::string("SELECT count(*), coalesce(sum(coalesce(status, '') <> 'closed'), 0), ") +
      (severity ? "coalesce(sum(coalesce(status, '') <> 'closed' AND severity = 'major'), 0), " : "0, ") +
      (raised ? "coalesce(sum(raised_on >= ?), 0)" : "0") + " FROM rec_nonconformity WHERE deleted = 0");
  if (raised) query.bind(1, *period.previous);
  if (!query.step() || query.column_int64(0) == 0) return "No nonconformities recorded.";
  const auto count = static_cast<std::size_t>(query.column_int64(0));
  const auto open = static_cast<std::size_t>(query.column_int64(1));
  const auto major = static_cast<std::size_t>(query.column_int64(2));
  std::vector<std::string> states;
  if (open != 0)
    states.push_back(std::to_string(open) + " open" + (major != 0 ? " (" + std::to_string(major) + " major)" : ""));
  if (count != open) states.push_back(std::to_string(count - open) + " closed");
  std::string text = counted(count, "nonconformity", "nonconformities") + ": " + join(states, ", ") + ".";
  if (raised) text += " " + std::to_string(query.column_int64(3)) + " raised " + since(period) + ".";

  if (!has_all(columns_of(records, "corrective_action"), {"status", "due_date"})) return text;
  Statement overdue = records.database().prepare(
      "SELECT count(*) FROM rec_corrective_action WHERE deleted = 0 AND due_date < ? "
      "AND status IN ('planned', 'in_progress')");
  overdue.bind(1, period.today);
  const std::size_t late = overdue.step() ? static_cast<std::size_t>(overdue.column_int64(0)) : 0;
  text += late == 0 ? " No corrective action is overdue."
                    : " " + counted(late, "corrective action", "corrective actions") +
                          (late == 1 ? " is overdue." : " are overdue.");
  return text;
}

// d2) Monitoring and measurement: the KPIs' status as the dashboard shows it.
std::string kpi_results(const Repository& records, const Period& period) {
  const std::map<std::string, std::size_t> counts = kpi_status_counts(records, period.today);
  const std::size_t kpis = total(counts);
  if (kpis == 0) return "No KPIs are defined yet.";
  const auto at = [&](const char* status) {
    const auto found = counts.find(status);
    return found == counts.end() ? std::size_t{0} : found->second;
  };
  return counted(kpis, "KPI", "KPIs") + ": " +
         parts({{"on target", at("on_target")},
                {"at risk", at("at_risk")},
                {"off target", at("off_target")},
                {"with a measurement overdue", at("overdue")},
                {"without data", at("no_data")}}) +
         ".";
}

// How a checklist result reads after its count: "3 observations".
std::string result_phrase(const Repository& records, const std::string& result, std::size_t count) {
  const bool one = count == 1;
  if (result == "conform") return "conform";
  if (result == "observation") return one ? "observation" : "observations";
  if (result == "opportunity_for_improvement")
    return one ? "opportunity for improvement" : "opportunities for improvement";
  if (result == "minor_nonconformity") return one ? "minor nonconformity" : "minor nonconformities";
  if (result == "major_nonconformity") return one ? "major nonconformity" : "major nonconformities";
  if (result == "not_assessed") return "not assessed";
  return phrase_of(records, "audit_item", "result", result);
}

// The date an audit took place, from the dates its table has: when it ended, else began, else
// was planned to.
std::string audit_date_sql(const std::set<std::string>& columns) {
  std::vector<std::string> present;
  for (const char* column : {"actual_end", "actual_start", "planned_end", "planned_start"}) {
    if (columns.count(column) != 0) present.push_back(std::string("a.") + column);
  }
  if (present.empty()) return {};
  return present.size() == 1 ? present.front() : "coalesce(" + join(present, ", ") + ")";
}

// d3) The findings of the audits since the previous review.
std::string audit_results(const Repository& records, const Period& period) {
  const std::set<std::string> item_columns = columns_of(records, "audit_item");
  const std::set<std::string> audit_columns = columns_of(records, "audit");
  if (audit_columns.empty() || !has_all(item_columns, {"audit", "result"})) return "No audits recorded.";
  const std::string date = audit_date_sql(audit_columns);
  const bool dated = period.previous && !date.empty();
  const std::string when = dated ? " AND " + date + " >= ?" : "";
  // One row per audit and result (and one per audit without items): audits and findings at once.
  Statement query = records.database().prepare(
      "SELECT a.id, i.result, count(i.id) FROM rec_audit AS a LEFT JOIN rec_audit_item AS i "
      "ON i.audit = a.id AND i.deleted = 0 WHERE a.deleted = 0" +
      when + " GROUP BY 1, 2");
  if (dated) query.bind(1, *period.previous);
  std::set<std::string> audits;
  std::map<std::string, std::size_t> by_result;
  while (query.step()) {
    audits.insert(query.column_text(0));
    const auto count = static_cast<std::size_t>(query.column_int64(2));
    if (count != 0) by_result[query.column_is_null(1) ? std::string() : query.column_text(1)] += count;
  }
  const std::string scope = dated ? " " + since(period) : " recorded";
  if (audits.empty()) return dated ? "No audits " + since(period) + "." : "No audits recorded.";
  const std::size_t items = total(by_result);
  std::string text = counted(audits.size(), "audit", "audits") + scope;
  if (items == 0) return text + ", with no checklist items yet.";
  // The findings in the register's order, then what is not assessed yet.
  Tally values =
      in_option_order(records, "audit_item", "result", by_result, [](const std::string& value) { return value; });
  std::stable_partition(values.begin(), values.end(), [](const auto& entry) { return entry.first != "not_assessed"; });
  Tally tally;
  for (const auto& [value, count] : values) tally.emplace_back(result_phrase(records, value, count), count);
  return text + ", with " + counted(items, "checklist item", "checklist items") + ": " + parts(tally) + ".";
}

// d4) Fulfilment of the objectives.
std::string objective_results(const Repository& records) {
  const figures::Counts counts = figures::objectives_by_status(records);
  const std::size_t objectives = total(counts);
  if (objectives == 0) return "No objectives are defined yet.";
  return counted(objectives, "objective", "objectives") + ": " +
         parts(in_option_order(records, "objective", "status", counts)) + ".";
}

std::string one_decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

// e) Feedback received since the previous review.
std::string feedback_received(const Repository& records, const Period& period) {
  const std::set<std::string> columns = columns_of(records, "feedback");
  if (!has_all(columns, {"date"})) return "No feedback recorded.";
  const bool by_source = columns.count("source") != 0;
  const bool rated = columns.count("rating") != 0;
  Statement query = records.database().prepare(
      std::string("SELECT ") + (by_source ? "source" : "NULL") + ", count(*), " +
      (rated ? "coalesce(sum(rating), 0), count(rating)" : "0, 0") + " FROM rec_feedback WHERE deleted = 0" +
      (period.previous ? " AND date >= ?" : "") + " GROUP BY 1");
  if (period.previous) query.bind(1, *period.previous);
  std::map<std::string, std::size_t> sources;
  double rating_sum = 0;
  std::size_t ratings = 0;
  while (query.step()) {
    sources[query.column_is_null(0) ? std::string() : query.column_text(0)] +=
        static_cast<std::size_t>(query.column_int64(1));
    rating_sum += query.column_double(2);
    ratings += static_cast<std::size_t>(query.column_int64(3));
  }
  const std::size_t entries = total(sources);
  if (entries == 0) return period.previous ? "No feedback received " + since(period) + "." : "No feedback recorded.";
  std::string text = counted(entries, "feedback entry", "feedback entries") +
                     (period.previous ? " " + since(period) : std::string(" recorded"));
  if (by_source) {
    std::vector<std::string> listed;
    for (const auto& [phrase, count] : in_option_order(records, "feedback", "source", sources)) {
      listed.push_back(phrase + " " + std::to_string(count));
    }
    text += ", by source: " + join(listed, ", ");
  }
  text += ".";
  if (ratings != 0) {
    text += " Average rating " + one_decimal(rating_sum / static_cast<double>(ratings)) + " of 5 from " +
            counted(ratings, "rating", "ratings") + ".";
  }
  return text;
}

// Risk levels worst first, as a review reads them.
Tally levels_worst_first(const figures::Counts& counts) {
  Tally tally;
  for (const char* level : {"critical", "high", "medium", "low"}) {
    const auto found = counts.find(level);
    tally.emplace_back(level, found == counts.end() ? 0 : found->second);
  }
  return tally;
}

// f) The risk assessment's results and the treatment plan's status.
std::string risk_results(const Repository& records, const Period& period) {
  const figures::RiskLevels levels = figures::risk_levels(records);
  const std::size_t risks = total(levels.inherent);
  if (risks == 0) return "No risks recorded.";
  std::string text = counted(risks, "risk", "risks") +
                     " by level before treatment: " + parts(levels_worst_first(levels.inherent)) + ".";
  const auto untreated = levels.residual.find("");
  const std::size_t pending = untreated == levels.residual.end() ? 0 : untreated->second;
  if (pending == risks) {
    text += " None is reassessed after treatment yet.";
  } else {
    text += " After treatment: " + parts(levels_worst_first(levels.residual)) + ".";
    if (pending != 0) text += " " + count_is(pending) + " not reassessed yet.";
  }
  try {
    const std::size_t above = figures::count_risks_above_appetite(records);
    text += above == 0 ? " No open risk is above the risk appetite."
                       : " " + counted(above, "open risk", "open risks") + (above == 1 ? " is" : " are") +
                             " above the risk appetite.";
  } catch (const std::invalid_argument&) {
    text += " The risk method cannot be used, so the risk appetite is not compared.";
  }
  const std::size_t overdue = figures::count_overdue_treatment_actions(records, period.today);
  text += overdue == 0 ? " No treatment action is overdue."
                       : " " + counted(overdue, "treatment action", "treatment actions") +
                             (overdue == 1 ? " is overdue." : " are overdue.");
  return text;
}

// g) Opportunities for continual improvement: the initiatives still open.
std::string open_improvements(const Repository& records) {
  if (!has_all(columns_of(records, "improvement"), {"status"})) return "No improvement initiatives recorded.";
  Statement query =
      records.database().prepare("SELECT status, count(*) FROM rec_improvement WHERE deleted = 0 GROUP BY 1");
  std::map<std::string, std::size_t> open;
  std::size_t all = 0;
  while (query.step()) {
    const std::string status = query.column_is_null(0) ? std::string() : query.column_text(0);
    const auto count = static_cast<std::size_t>(query.column_int64(1));
    all += count;
    if (status != "done" && status != "rejected") open[status] += count;
  }
  if (all == 0) return "No improvement initiatives recorded.";
  const std::size_t still_open = total(open);
  if (still_open == 0) return "No improvement initiative is open; " + count_is(all) + " done or rejected.";
  return counted(still_open, "open improvement initiative", "open improvement initiatives") + ": " +
         parts(in_option_order(records, "improvement", "status", open)) + ".";
}

std::string summary_for(const Repository& records, const Period& period, const std::string& input) {
  if (input == "a") return earlier_actions(records, period);
  if (input == "b")
    return changed_records(records, period, "context_issue", "title", "context issue", "context issues");
  if (input == "c") {
    return changed_records(records, period, "interested_party", "name", "interested party", "interested parties");
  }
  if (input == "d1") return nonconformities(records, period);
  if (input == "d2") return kpi_results(records, period);
  if (input == "d3") return audit_results(records, period);
  if (input == "d4") return objective_results(records);
  if (input == "e") return feedback_received(records, period);
  if (input == "f") return risk_results(records, period);
  if (input == "g") return open_improvements(records);
  return {};  // an input a newer reference adds: its topic is there, its summary is the person's
}

}  // namespace

std::vector<ReviewInputDraft> review_input_drafts(const Repository& records, std::string_view review_date,
                                                  std::string_view today) {
  const Period period = period_of(records, review_date, today);
  std::vector<ReviewInputDraft> drafts;
  for (const catalogs::ReviewInputTopic& input : catalogs::management_review_inputs()) {
    drafts.push_back({input.id, input.topic, summary_for(records, period, input.id)});
  }
  return drafts;
}

std::string create_management_review(Repository& records, std::map<std::string, Value> values, std::string_view today) {
  if (!has_text(values, "title") && has_text(values, "date")) {
    values["title"] = "Management review " + trim(*text_at(values, "date"));
  }
  Transaction transaction(records.database());
  const std::string id = records.create("management_review", std::move(values), "Created the management review");
  const std::string date = to_display(records.get("management_review", id)->get("date"));
  for (ReviewInputDraft& draft : review_input_drafts(records, date, today)) {
    records.create("review_input",
                   {{"review", id},
                    {"input_id", std::move(draft.input_id)},
                    {"topic", std::move(draft.topic)},
                    {"summary", std::move(draft.summary)}},
                   "Pre-filled from the register");
  }
  transaction.commit();
  return id;
}

}  // namespace isms
