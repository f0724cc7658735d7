#include "core/model/validation.hpp"
#include "core/util/text.hpp"

namespace isms {

std::optional<FieldError> check_transition(const EntityDef& def, const Value& from, const Value& to) {
  if (!def.lifecycle || from == to || is_null(from) || is_null(to)) return std::nullopt;
  const FieldDef* status = def.field(def.lifecycle->field);
  const auto* old_state = std::get_if<std::string>(&from);
  const auto* new_state = std::get_if<std::string>(&to);
  if (status == nullptr || old_state == nullptr || new_state == nullptr) return std::nullopt;

  std::vector<std::string> allowed;
  for (const auto& [source, target] : def.lifecycle->transitions) {
    if (source != *old_state) continue;
    if (target == *new_state) return std::nullopt;
    allowed.push_back(status->option_label(target));
  }
  return FieldError{status->key, status->label + " cannot change from " + status->option_label(*old_state) + " to " +
                                     status->option_label(*new_state) + "; allowed: " +
                                     (allowed.empty() ? std::string("none") : join(allowed, ", ")) + "."};
}

}  // namespace isms
