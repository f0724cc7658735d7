#include "app/register_counts.hpp"

#include "app/session.hpp"
#include "app/status_tone.hpp"
#include "core/store/sql_text.hpp"

namespace isms::app {
namespace {

// The SQL form of is_overdue for one register: any deadline field holding a date before today,
// on a record whose lifecycle state does not end its deadlines (no state counts as not ended).
// Empty when the register has no deadline: nothing of it can be overdue.
std::string overdue_condition(const EntityDef& def, std::vector<std::string>& parameters, std::string_view today) {
  std::string any_deadline;
  for (const FieldDef& field : def.fields) {
    if (!is_deadline(field)) continue;
    const std::string column = quote_identifier(field.key);
    any_deadline += (any_deadline.empty() ? "" : " OR ") + std::string("(typeof(") + column + ") = 'text' AND length(" +
                    column + ") = 10 AND " + column + " < ?)";
    parameters.emplace_back(today);
  }
  if (any_deadline.empty()) return {};
  std::string condition = "(" + any_deadline + ")";
  if (!def.lifecycle) return condition;
  const FieldDef* status = def.field(def.lifecycle->field);
  if (status == nullptr) return condition;
  std::string finished;
  for (const std::string& state : states_ending_deadlines()) {
    finished += finished.empty() ? "?" : ", ?";
    parameters.push_back(state);
  }
  return condition + " AND coalesce(" + quote_identifier(status->key) + " NOT IN (" + finished + "), 1)";
}

}  // namespace

RegisterCount count_register(const Repository& records, const EntityDef& def, std::string_view today) {
  std::vector<std::string> parameters;
  const std::string overdue = overdue_condition(def, parameters, today);
  const std::string overdue_sum = overdue.empty() ? "0" : "coalesce(sum(CASE WHEN " + overdue + " THEN 1 END), 0)";
  Statement query = records.database().prepare("SELECT count(*), " + overdue_sum + " FROM " +
                                               quote_identifier(def.table()) + " WHERE deleted = 0");
  int index = 1;
  for (const std::string& parameter : parameters) query.bind(index++, parameter);
  query.step();
  return {static_cast<std::size_t>(query.column_int64(0)), static_cast<std::size_t>(query.column_int64(1))};
}

std::map<std::string, RegisterCount> count_registers(const Repository& records, std::string_view today) {
  std::map<std::string, RegisterCount> counts;
  for (const EntityDef& def : records.registry().all()) counts[def.kind] = count_register(records, def, today);
  return counts;
}

std::size_t overdue_in(const std::map<std::string, RegisterCount>& counts, const std::vector<std::string>& kinds) {
  std::size_t overdue = 0;
  for (const std::string& kind : kinds) {
    if (const auto found = counts.find(kind); found != counts.end()) overdue += found->second.overdue;
  }
  return overdue;
}

const std::map<std::string, RegisterCount>& RegisterCountsCache::get(Session& session) {
  Workspace& ws = *session.current();
  const std::string today = ws.clock().now_utc().substr(0, 10);
  if (!valid_ || workspace_ != ws.id() || revision_ != session.data_revision() || today_ != today) {
    counts_ = count_registers(ws.records(), today);
    workspace_ = ws.id();
    revision_ = session.data_revision();
    today_ = today;
    valid_ = true;
    ++computations_;
  }
  return counts_;
}

RegisterCount RegisterCountsCache::of(Session& session, const std::string& kind) {
  const std::map<std::string, RegisterCount>& counts = get(session);
  const auto found = counts.find(kind);
  return found == counts.end() ? RegisterCount{} : found->second;
}

}  // namespace isms::app
