#include "core/program/program_figures.hpp"

#include <optional>
#include <string>

#include "core/util/date.hpp"

namespace isms::figures {

ProgramProgress program_progress(const Repository& records) {
  // Both registers in one statement: two one-row aggregates joined.
  Statement query = records.database().prepare(
      "SELECT m.total, m.done, m.mean, c.total, c.in_place, c.effective FROM "
      "(SELECT count(*) AS total, coalesce(sum(status = 'done'), 0) AS done, "
      "coalesce(avg(coalesce(progress, 0)), 0) AS mean FROM rec_milestone WHERE deleted = 0) AS m, "
      "(SELECT count(*) AS total, coalesce(sum(status IN ('in_place', 'effective')), 0) AS in_place, "
      "coalesce(sum(status = 'effective'), 0) AS effective FROM rec_program_component WHERE deleted = 0) AS c");
  ProgramProgress progress;
  if (!query.step()) return progress;
  progress.milestones = static_cast<std::size_t>(query.column_int64(0));
  progress.milestones_done = static_cast<std::size_t>(query.column_int64(1));
  progress.mean_progress = query.column_double(2);
  progress.components = static_cast<std::size_t>(query.column_int64(3));
  progress.components_in_place = static_cast<std::size_t>(query.column_int64(4));
  progress.components_effective = static_cast<std::size_t>(query.column_int64(5));
  return progress;
}

bool is_late(const Record& milestone, std::string_view today) {
  if (milestone.deleted) return false;
  const auto* status = std::get_if<std::string>(&milestone.get("status"));
  if (status != nullptr && *status == "done") return false;
  const auto* end_text = std::get_if<std::string>(&milestone.get("planned_end"));
  if (end_text == nullptr) return false;
  const std::optional<CivilDate> end = parse_date(*end_text);
  const std::optional<CivilDate> now = parse_date(today);
  return end && now && *end < *now;
}

std::vector<Flagged> late_milestones(const Repository& records, std::string_view today) {
  // Dates are stored as "YYYY-MM-DD", so comparing the text compares the days.
  Statement query = records.database().prepare(
      "SELECT id, activity, planned_end FROM rec_milestone WHERE deleted = 0 AND planned_end < ? "
      "AND coalesce(status, '') <> 'done' ORDER BY planned_end, month, id");
  query.bind(1, std::string(today));
  std::vector<Flagged> late;
  while (query.step()) late.push_back({"milestone", query.column_text(0), query.column_text(1), query.column_text(2)});
  return late;
}

}  // namespace isms::figures
