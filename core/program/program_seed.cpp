#include "core/program/program_seed.hpp"

#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "core/catalogs/program_catalog.hpp"
#include "core/catalogs/seed.hpp"
#include "core/util/date.hpp"
#include "core/util/text.hpp"

namespace isms {
namespace {

constexpr const char* seed_note = "Added from the ISMS program";

// All ids of a register, tombstones included: a seeded record the user deleted stays deleted.
std::set<std::string> existing_ids(const Repository& records, const char* kind) {
  std::set<std::string> ids;
  for (const Record& record : records.list(kind, true)) ids.insert(record.id);
  return ids;
}

// The seeded role as a link, or nothing when the workspace lacks it or it was deleted: a link to
// a deleted record would be refused, and seeding never revives what a person deleted.
Value role_link(const Repository& records, const std::string& slug) {
  const std::string id = catalogs::role_id(slug);
  const std::optional<Record> role = records.get("role", id);
  if (!role || role->deleted) return {};
  return id;
}

// The day the workspace was created: month 1 of the program starts then. The workspace details
// record is the one "workspace" record (core/workspace/workspace.hpp), tombstones included.
std::optional<CivilDate> program_start(const Repository& records) {
  const std::vector<Record> details = records.list("workspace", true);
  if (details.empty()) return std::nullopt;
  return parse_date(date_of_timestamp(details.front().created_at));
}

std::size_t seed_components(Repository& records) {
  std::size_t added = 0;
  const std::set<std::string> existing = existing_ids(records, "program_component");
  for (const catalogs::ProgramComponent& component : catalogs::program_components()) {
    const std::string id = program_component_id(component.slug);
    if (existing.count(id) != 0) continue;
    records.create_with_id("program_component", id,
                           {{"ref", component.ref},
                            {"title", component.title},
                            {"group", component.group},
                            {"actions", join(component.actions, "\n")},
                            {"tools", join(component.tools, "\n")},
                            {"owner_role", role_link(records, component.owner_role)}},
                           seed_note);
    ++added;
  }
  return added;
}

std::size_t seed_milestones(Repository& records) {
  std::size_t added = 0;
  const std::set<std::string> existing = existing_ids(records, "milestone");
  const std::optional<CivilDate> start = program_start(records);
  for (const catalogs::ProgramMilestone& milestone : catalogs::program_milestones()) {
    const std::string id = milestone_id(milestone.slug);
    if (existing.count(id) != 0) continue;
    Value planned_start, planned_end;
    if (start) {
      planned_start = format_date(add_months(*start, milestone.month - 1));
      planned_end = format_date(add_days(add_months(*start, milestone.month), -1));
    }
    records.create_with_id("milestone", id,
                           {{"month", std::int64_t{milestone.month}},
                            {"activity", milestone.activity},
                            {"planned_start", planned_start},
                            {"planned_end", planned_end},
                            {"owner_role", role_link(records, milestone.owner_role)}},
                           seed_note);
    ++added;
  }
  return added;
}

}  // namespace

std::string program_component_id(const std::string& slug) { return "component-" + slug; }

std::string milestone_id(const std::string& slug) { return "milestone-" + slug; }

std::size_t seed_program(Repository& records) {
  Transaction transaction(records.database());
  const std::size_t added = seed_components(records) + seed_milestones(records);
  transaction.commit();
  return added;
}

}  // namespace isms
