#include "core/catalogs/builtin_catalogs.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string_view>

#include "core/catalogs/catalog_json.hpp"

namespace isms::catalogs {
namespace {

using nlohmann::json;

json parse(std::string_view text, const char* name) {
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_object()) {
    throw std::logic_error(std::string("The built-in catalog ") + name + " is not a JSON object.");
  }
  return document;
}

std::string text_at(const json& entry, const char* key, const char* name) {
  const auto found = entry.find(key);
  if (found == entry.end() || !found->is_string() || found->get_ref<const std::string&>().empty()) {
    throw std::logic_error(std::string("An entry of the built-in catalog ") + name + " has no '" + key + "'.");
  }
  return found->get<std::string>();
}

// The reference spells themes as the standard does; the register stores its own enum values.
std::string theme_value(const std::string& theme) {
  if (theme == "Organizational") return "organizational";
  if (theme == "People") return "people";
  if (theme == "Physical") return "physical";
  if (theme == "Technological") return "technological";
  throw std::logic_error("The built-in Annex A catalog has an unknown theme '" + theme + "'.");
}

const json& list_at(const json& document, const char* key, const char* name) {
  const auto found = document.find(key);
  if (found == document.end() || !found->is_array()) {
    throw std::logic_error(std::string("The built-in catalog ") + name + " has no '" + key + "' list.");
  }
  return *found;
}

std::vector<CatalogControl> load_controls() {
  constexpr const char* name = "iso27001-2022-annex-a.json";
  const json document = parse(annex_a_json(), name);
  std::vector<CatalogControl> controls;
  for (const json& entry : list_at(document, "controls", name)) {
    controls.push_back(
        {text_at(entry, "id", name), text_at(entry, "title", name), theme_value(text_at(entry, "theme", name))});
  }
  return controls;
}

std::vector<CatalogClause> load_clauses() {
  constexpr const char* name = "iso27001-2022-clauses.json";
  const json document = parse(clauses_json(), name);
  std::vector<CatalogClause> clauses;
  for (const json& entry : list_at(document, "clauses", name)) {
    const auto parent = entry.find("parent");
    const bool top_level = parent == entry.end() || parent->is_null();
    clauses.push_back({text_at(entry, "id", name), text_at(entry, "title", name),
                       top_level ? std::string() : text_at(entry, "parent", name)});
  }
  return clauses;
}

// For the keys the source fills for some entries only: absent means empty, a wrong type is a mistake.
std::string optional_text_at(const json& entry, const char* key, const char* name) {
  const auto found = entry.find(key);
  if (found == entry.end()) return {};
  if (!found->is_string()) {
    throw std::logic_error(std::string("An entry of the built-in catalog ") + name + " has a '" + key +
                           "' that is not text.");
  }
  return found->get<std::string>();
}

std::vector<std::string> optional_texts_at(const json& entry, const char* key, const char* name) {
  const auto found = entry.find(key);
  if (found == entry.end()) return {};
  const auto is_text = [](const json& item) { return item.is_string() && !item.get_ref<const std::string&>().empty(); };
  if (!found->is_array() || !std::all_of(found->begin(), found->end(), is_text)) {
    throw std::logic_error(std::string("An entry of the built-in catalog ") + name + " has a '" + key +
                           "' that is not a list of texts.");
  }
  return found->get<std::vector<std::string>>();
}

// The reference model knows only these three kinds of process; anything else is a typo in the JSON.
std::string category_value(const std::string& category) {
  if (category == "governance" || category == "core" || category == "support") return category;
  throw std::logic_error("The built-in process catalog has an unknown category '" + category + "'.");
}

// The JSON keeps one activity per list item; the program shows them as lines of one text.
std::string joined_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += (text.empty() ? "" : "\n") + line;
  return text;
}

// A slug is what other data refers to an entry by, so two entries may never share one.
template <typename Entry>
std::set<std::string> unique_slugs(const std::vector<Entry>& entries, const char* name) {
  std::set<std::string> slugs;
  for (const Entry& entry : entries) {
    if (!slugs.insert(entry.slug).second) {
      throw std::logic_error(std::string("The built-in catalog ") + name + " lists '" + entry.slug + "' twice.");
    }
  }
  return slugs;
}

// Checked after all entries are read, as a process may name one listed after it.
void check_inputs(const std::vector<CatalogProcess>& processes, const std::set<std::string>& slugs) {
  for (const CatalogProcess& process : processes) {
    for (const std::string& input : process.inputs_from) {
      if (input == process.slug || slugs.count(input) == 0) {
        throw std::logic_error("The built-in process '" + process.slug + "' has an input from '" + input +
                               "', which is not another process of the catalog.");
      }
    }
  }
}

CatalogProcess process_from(const json& entry, const char* name) {
  return {text_at(entry, "id", name),
          text_at(entry, "name", name),
          category_value(text_at(entry, "category", name)),
          optional_text_at(entry, "purpose", name),
          optional_texts_at(entry, "registers", name),
          optional_texts_at(entry, "inputs_from", name),
          optional_text_at(entry, "inputs_note", name),
          optional_text_at(entry, "outputs_note", name),
          joined_lines(optional_texts_at(entry, "activities", name))};
}

std::vector<CatalogProcess> load_processes() {
  constexpr const char* name = "isms-processes.json";
  const json document = parse(processes_json(), name);
  std::vector<CatalogProcess> processes;
  for (const json& entry : list_at(document, "processes", name)) processes.push_back(process_from(entry, name));
  check_inputs(processes, unique_slugs(processes, name));
  return processes;
}

std::vector<CatalogRole> load_roles() {
  constexpr const char* name = "isms-roles.json";
  const json document = parse(roles_json(), name);
  std::vector<CatalogRole> roles;
  for (const json& entry : list_at(document, "roles", name)) {
    roles.push_back(
        {text_at(entry, "id", name), text_at(entry, "name", name), text_at(entry, "responsibilities", name)});
  }
  unique_slugs(roles, name);
  return roles;
}

}  // namespace

const std::vector<CatalogControl>& annex_a_controls() {
  static const std::vector<CatalogControl> controls = load_controls();
  return controls;
}

const std::vector<CatalogClause>& iso_clauses() {
  static const std::vector<CatalogClause> clauses = load_clauses();
  return clauses;
}

const std::vector<CatalogProcess>& isms_processes() {
  static const std::vector<CatalogProcess> processes = load_processes();
  return processes;
}

const std::vector<CatalogRole>& isms_roles() {
  static const std::vector<CatalogRole> roles = load_roles();
  return roles;
}

}  // namespace isms::catalogs
