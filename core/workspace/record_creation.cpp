#include "core/workspace/record_creation.hpp"

#include "core/program/management_reviews.hpp"

namespace isms {

std::string create_record(Repository& records, std::string_view kind, std::map<std::string, Value> values,
                          std::string_view today) {
  if (kind == "management_review") return create_management_review(records, std::move(values), today);
  return records.create(kind, std::move(values));
}

}  // namespace isms
