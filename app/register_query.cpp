#include "app/register_query.hpp"

namespace isms::app {

RecordQuery table_query(const RegisterView& view) {
  RecordQuery query;
  query.containing(view.filter);
  for (const auto& [field, options] : view.enum_filters) {
    if (options.empty()) continue;
    std::vector<Value> values(options.begin(), options.end());
    query.where_is(field, Condition::Op::In, std::move(values));
  }
  if (view.cell) add_cell_conditions(query, *view.cell);  // a risk matrix cell (app/views/risk_matrix.cpp)
  for (const SortKey& key : view.sort) query.sort_by(key.field, key.descending);
  return query;
}

void toggle_enum_filter(RegisterView& view, const std::string& field, const std::string& option) {
  std::set<std::string>& chosen = view.enum_filters[field];
  if (!chosen.erase(option)) chosen.insert(option);
  if (chosen.empty()) view.enum_filters.erase(field);
}

}  // namespace isms::app
