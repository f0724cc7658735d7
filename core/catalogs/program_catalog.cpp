#include "core/catalogs/program_catalog.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string_view>

#include "core/catalogs/builtin_catalogs.hpp"
#include "core/catalogs/catalog_json.hpp"

namespace isms::catalogs {
namespace {

using nlohmann::json;

constexpr const char* program_name = "isms-program.json";
constexpr const char* inputs_name = "management-review-inputs.json";

[[noreturn]] void malformed(const char* name, const std::string& problem) {
  throw std::logic_error(std::string("The built-in catalog ") + name + " " + problem);
}

json parse(std::string_view text, const char* name) {
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) malformed(name, "is not a JSON object.");
  return document;
}

const json& list_at(const json& document, const char* key, const char* name) {
  const auto found = document.find(key);
  if (found == document.end() || !found->is_array()) malformed(name, std::string("has no '") + key + "' list.");
  return *found;
}

std::string text_at(const json& entry, const char* key, const char* name) {
  const auto found = entry.find(key);
  if (found == entry.end() || !found->is_string() || found->get_ref<const std::string&>().empty()) {
    malformed(name, std::string("has an entry without '") + key + "'.");
  }
  return found->get<std::string>();
}

std::vector<std::string> texts_at(const json& entry, const char* key, const char* name) {
  const auto found = entry.find(key);
  const auto is_text = [](const json& item) { return item.is_string() && !item.get_ref<const std::string&>().empty(); };
  if (found == entry.end() || !found->is_array() || found->empty() ||
      !std::all_of(found->begin(), found->end(), is_text)) {
    malformed(name, std::string("has an entry whose '") + key + "' is not a list of texts.");
  }
  return found->get<std::vector<std::string>>();
}

// Ids are what records and links are made from, so two entries may never share one.
template <typename Entry, typename Id>
std::set<std::string> unique_ids(const std::vector<Entry>& entries, Id id_of, const char* name) {
  std::set<std::string> ids;
  for (const Entry& entry : entries) {
    if (!ids.insert(id_of(entry)).second) malformed(name, "lists '" + id_of(entry) + "' twice.");
  }
  return ids;
}

// Owner roles are seeded as links to the roles of isms-roles.json, so they must name one of them.
std::string role_at(const json& entry, const char* name) {
  std::string slug = text_at(entry, "owner_role", name);
  const auto& roles = isms_roles();
  const bool known =
      std::any_of(roles.begin(), roles.end(), [&](const CatalogRole& role) { return role.slug == slug; });
  if (!known) malformed(name, "names an owner role '" + slug + "' that isms-roles.json lacks.");
  return slug;
}

std::vector<ProgramGroup> load_groups() {
  const json document = parse(program_json(), program_name);
  std::vector<ProgramGroup> groups;
  for (const json& entry : list_at(document, "groups", program_name)) {
    groups.push_back({text_at(entry, "id", program_name), text_at(entry, "title", program_name)});
  }
  unique_ids(
      groups, [](const ProgramGroup& group) { return group.id; }, program_name);
  return groups;
}

std::vector<ProgramComponent> load_components() {
  const json document = parse(program_json(), program_name);
  std::set<std::string> groups;
  for (const ProgramGroup& group : program_groups()) groups.insert(group.id);
  std::vector<ProgramComponent> components;
  for (const json& entry : list_at(document, "components", program_name)) {
    ProgramComponent component{text_at(entry, "id", program_name),
                               text_at(entry, "ref", program_name),
                               text_at(entry, "group", program_name),
                               text_at(entry, "title", program_name),
                               texts_at(entry, "actions", program_name),
                               texts_at(entry, "tools", program_name),
                               role_at(entry, program_name)};
    if (groups.count(component.group) == 0) {
      malformed(program_name, "puts '" + component.ref + "' in an unknown group '" + component.group + "'.");
    }
    components.push_back(std::move(component));
  }
  unique_ids(
      components, [](const ProgramComponent& component) { return component.slug; }, program_name);
  unique_ids(
      components, [](const ProgramComponent& component) { return component.ref; }, program_name);
  return components;
}

std::vector<ProgramMilestone> load_milestones() {
  const json document = parse(program_json(), program_name);
  std::vector<ProgramMilestone> milestones;
  for (const json& entry : list_at(document, "milestones", program_name)) {
    const auto month = entry.find("month");
    // The milestone register's range: a program longer than two years is planned in phases.
    if (month == entry.end() || !month->is_number_integer() || *month < 1 || *month > 24) {
      malformed(program_name, "has a milestone whose month is not a whole number from 1 to 24.");
    }
    milestones.push_back({text_at(entry, "id", program_name), month->get<int>(),
                          text_at(entry, "activity", program_name), role_at(entry, program_name)});
  }
  unique_ids(
      milestones, [](const ProgramMilestone& milestone) { return milestone.slug; }, program_name);
  return milestones;
}

std::vector<ReviewInputTopic> load_review_inputs() {
  const json document = parse(management_review_inputs_json(), inputs_name);
  std::vector<ReviewInputTopic> inputs;
  for (const json& entry : list_at(document, "inputs", inputs_name)) {
    inputs.push_back({text_at(entry, "id", inputs_name), text_at(entry, "topic", inputs_name)});
  }
  unique_ids(
      inputs, [](const ReviewInputTopic& input) { return input.id; }, inputs_name);
  return inputs;
}

}  // namespace

const std::vector<ProgramGroup>& program_groups() {
  static const std::vector<ProgramGroup> groups = load_groups();
  return groups;
}

const std::vector<ProgramComponent>& program_components() {
  static const std::vector<ProgramComponent> components = load_components();
  return components;
}

const std::vector<ProgramMilestone>& program_milestones() {
  static const std::vector<ProgramMilestone> milestones = load_milestones();
  return milestones;
}

const std::vector<ReviewInputTopic>& management_review_inputs() {
  static const std::vector<ReviewInputTopic> inputs = load_review_inputs();
  return inputs;
}

}  // namespace isms::catalogs
