#include "core/catalogs/builtin_catalogs.hpp"

#include <nlohmann/json.hpp>

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

}  // namespace

const std::vector<CatalogControl>& annex_a_controls() {
  static const std::vector<CatalogControl> controls = load_controls();
  return controls;
}

const std::vector<CatalogClause>& iso_clauses() {
  static const std::vector<CatalogClause> clauses = load_clauses();
  return clauses;
}

}  // namespace isms::catalogs
