#include "core/bundle/builtin_ids.hpp"

#include "core/catalogs/builtin_catalogs.hpp"
#include "core/catalogs/program_catalog.hpp"
#include "core/catalogs/seed.hpp"
#include "core/program/program_seed.hpp"
#include "core/risk/risk_register.hpp"

namespace isms::bundle {

const std::unordered_map<std::string, std::string>& builtin_record_kinds() {
  static const std::unordered_map<std::string, std::string> kinds = [] {
    std::unordered_map<std::string, std::string> ids;
    for (const auto& control : catalogs::annex_a_controls()) ids.emplace(catalogs::annex_a_id(control.ref), "control");
    for (const auto& clause : catalogs::iso_clauses()) ids.emplace(catalogs::clause_id(clause.ref), "clause");
    for (const auto& role : catalogs::isms_roles()) ids.emplace(catalogs::role_id(role.slug), "role");
    for (const auto& process : catalogs::isms_processes()) ids.emplace(catalogs::process_id(process.slug), "process");
    for (const auto& component : catalogs::program_components()) {
      ids.emplace(program_component_id(component.slug), "program_component");
    }
    for (const auto& milestone : catalogs::program_milestones()) ids.emplace(milestone_id(milestone.slug), "milestone");
    ids.emplace(risk_method_id, "risk_method");
    ids.emplace(catalogs::scope_id, "scope");
    return ids;
  }();
  return kinds;
}

}  // namespace isms::bundle
