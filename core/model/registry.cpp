#include "core/model/registry.hpp"

#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/model/definition_check.hpp"
#include "core/model/links.hpp"
#include "core/model/registers/registers.hpp"
#include "core/util/text.hpp"

namespace isms {

Registry::Registry(std::vector<EntityDef> definitions) : definitions_(std::move(definitions)) {
  std::vector<std::string> problems;
  std::set<std::string> kinds;
  for (const EntityDef& def : definitions_) {
    for (std::string& problem : definition_problems(def)) problems.push_back(std::move(problem));
    if (!kinds.insert(def.kind).second) problems.push_back("kind '" + def.kind + "' is defined twice");
  }
  for (const EntityDef& def : definitions_) {
    for (const FieldDef& field : def.fields) {
      if (is_link_type(field.type) && !field.link_kind.empty() && field.link_kind != any_kind &&
          kinds.count(field.link_kind) == 0) {
        problems.push_back(def.kind + "." + field.key + ": links to unknown kind '" + field.link_kind + "'");
      }
    }
  }
  for (const EntityDef& def : definitions_) {
    for (const std::string& kind : def.recompute_after_write) {
      if (kinds.count(kind) == 0) problems.push_back(def.kind + ": recomputes unknown kind '" + kind + "'");
    }
  }
  if (!problems.empty()) throw std::invalid_argument("Invalid register definitions: " + join(problems, "; "));
}

const EntityDef* Registry::find(std::string_view kind) const {
  for (const EntityDef& def : definitions_) {
    if (def.kind == kind) return &def;
  }
  return nullptr;
}

const EntityDef& Registry::get(std::string_view kind) const {
  if (const EntityDef* def = find(kind)) return *def;
  throw std::out_of_range("Unknown register '" + std::string(kind) + "'.");
}

const Registry& Registry::builtin() {
  static const Registry registry({
      registers::workspace_meta(),
      registers::context_issue(),
      registers::interested_party(),
      registers::scope(),
      registers::person(),
      registers::role(),
      registers::process(),
      registers::raci(),
      registers::objective(),
      registers::kpi(),
      registers::measurement(),
      registers::requirement(),
      registers::policy(),
      registers::asset(),
      registers::risk_method(),
      registers::risk(),
      registers::treatment_action(),
      registers::control(),
      registers::clause(),
      registers::supplier(),
      registers::incident(),
      registers::change_request(),
      registers::training_session(),
      registers::training_attendance(),
      registers::awareness_campaign(),
      registers::communication(),
      registers::report_schedule(),
      registers::audit_programme(),
      registers::audit(),
      registers::audit_item(),
      registers::management_review(),
      registers::review_input(),
      registers::review_action(),
      registers::nonconformity(),
      registers::corrective_action(),
      registers::improvement(),
      registers::feedback(),
      registers::milestone(),
      registers::program_component(),
      registers::attachment(),
  });
  return registry;
}

}  // namespace isms
