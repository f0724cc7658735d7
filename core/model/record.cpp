#include "core/model/record.hpp"

namespace isms {

const Value& Record::get(std::string_view key) const {
  static const Value null_value;
  const auto found = fields.find(std::string(key));
  return found != fields.end() ? found->second : null_value;
}

}  // namespace isms
