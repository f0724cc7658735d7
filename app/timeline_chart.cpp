#include "app/timeline_chart.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include "core/program/program_figures.hpp"

namespace isms::app {
namespace {

std::optional<CivilDate> date_field(const Record& record, const char* key) {
  const Value& value = record.get(key);
  return std::holds_alternative<std::string>(value) ? parse_date(std::get<std::string>(value)) : std::nullopt;
}

std::int64_t integer_field(const Record& record, const char* key) {
  const Value& value = record.get(key);
  return std::holds_alternative<std::int64_t>(value) ? std::get<std::int64_t>(value) : 0;
}

CivilDate first_of_month(const CivilDate& day) { return {day.year, day.month, 1}; }

int months_between(const CivilDate& from_first, const CivilDate& to) {
  return (to.year - from_first.year) * 12 + (to.month - from_first.month);
}

}  // namespace

double TimelineChart::position(const CivilDate& day) const {
  const int whole = months_between(first_month, day);
  const CivilDate month_start = first_of_month(day);
  const double days_in_month = static_cast<double>(days_between(month_start, add_months(month_start, 1)));
  return whole + static_cast<double>(day.day - 1) / days_in_month;
}

std::string TimelineChart::month_label(int index) const {
  static constexpr std::array<const char*, 12> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const CivilDate month = add_months(first_month, index);
  return std::string(names[static_cast<std::size_t>(month.month - 1)]) + " " + std::to_string(month.year);
}

TimelineChart timeline_chart(const Repository& records, std::string_view today) {
  TimelineChart chart;
  chart.today = std::string(today);
  const EntityDef& def = records.registry().get("milestone");
  const FieldDef& status_field = *def.field("status");
  std::optional<CivilDate> earliest, latest;
  for (const Record& milestone : records.list("milestone")) {
    TimelineBar bar;
    bar.id = milestone.id;
    bar.activity = records.title_of(milestone);
    bar.status = to_display(milestone.get("status"));
    bar.status_label = status_field.option_label(bar.status);
    bar.month = integer_field(milestone, "month");
    bar.progress = std::clamp<std::int64_t>(integer_field(milestone, "progress"), 0, 100);
    bar.late = figures::is_late(milestone, today);
    const std::string role = to_display(milestone.get("owner_role"));
    if (!role.empty()) {
      if (const std::optional<Record> owner = records.get("role", role); owner && !owner->deleted) {
        bar.owner = records.title_of(*owner);
      }
    }
    if (bar.status == "done") ++chart.done;
    if (bar.late) ++chart.late;
    const std::optional<CivilDate> start = date_field(milestone, "planned_start");
    const std::optional<CivilDate> end = date_field(milestone, "planned_end");
    if (!start && !end) {
      chart.unscheduled.push_back(std::move(bar));
      continue;
    }
    bar.start = start ? *start : *end;
    bar.end = end ? *end : *start;
    if (bar.end < bar.start) std::swap(bar.start, bar.end);  // the register refuses it; be safe anyway
    earliest = earliest ? std::min(*earliest, bar.start) : bar.start;
    latest = latest ? std::max(*latest, bar.end) : bar.end;
    chart.bars.push_back(std::move(bar));
  }
  std::sort(chart.bars.begin(), chart.bars.end(), [](const TimelineBar& a, const TimelineBar& b) {
    return std::tie(a.start, a.month, a.activity) < std::tie(b.start, b.month, b.activity);
  });
  std::sort(chart.unscheduled.begin(), chart.unscheduled.end(), [](const TimelineBar& a, const TimelineBar& b) {
    return std::tie(a.month, a.activity) < std::tie(b.month, b.activity);
  });
  if (earliest) {
    chart.first_month = first_of_month(*earliest);
    chart.months = months_between(chart.first_month, *latest) + 1;
  }
  return chart;
}

const TimelineChart& TimelineCache::get(const Repository& records, const std::string& workspace_id,
                                        std::uint64_t data_revision, const std::string& day) {
  if (revision != data_revision || workspace != workspace_id || today != day) {
    chart = timeline_chart(records, day);
    revision = data_revision;
    workspace = workspace_id;
    today = day;
  }
  return chart;
}

}  // namespace isms::app
