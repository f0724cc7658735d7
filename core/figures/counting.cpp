#include "core/figures/counting.hpp"

#include "core/store/sql_text.hpp"

namespace isms::figures {

Counts zero_counts(const Repository& records, std::string_view kind, std::string_view field) {
  Counts counts;
  for (const EnumOption& option : records.registry().get(kind).field(field)->options) counts[option.value] = 0;
  return counts;
}

Counts count_by(const Repository& records, std::string_view kind, std::string_view field, const std::string& where) {
  Counts counts = zero_counts(records, kind, field);
  Statement query = records.database().prepare("SELECT " + quote_identifier(field) + ", count(*) FROM " +
                                               quote_identifier("rec_" + std::string(kind)) + " WHERE deleted = 0" +
                                               where + " GROUP BY 1");
  // column_text gives "" for NULL: records without a value count under "".
  while (query.step()) counts[query.column_text(0)] += static_cast<std::size_t>(query.column_int64(1));
  return counts;
}

}  // namespace isms::figures
