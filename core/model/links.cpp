#include "core/model/links.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace isms {

std::optional<std::vector<std::string>> parse_link_list(std::string_view text) {
  const nlohmann::json document = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded() || !document.is_array()) return std::nullopt;
  std::vector<std::string> ids;
  ids.reserve(document.size());
  for (const nlohmann::json& entry : document) {
    if (!entry.is_string() || entry.get_ref<const std::string&>().empty()) return std::nullopt;
    ids.push_back(entry.get<std::string>());
  }
  return ids;
}

std::string link_list_text(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return nlohmann::json(ids).dump();
}

Value link_list(std::vector<std::string> ids) {
  if (ids.empty()) return std::monostate{};
  return link_list_text(std::move(ids));
}

std::vector<std::string> linked_ids(const FieldDef& field, const Value& value) {
  const auto* text = std::get_if<std::string>(&value);
  if (text == nullptr || text->empty()) return {};
  if (field.type == FieldType::Link) return {*text};
  if (field.type == FieldType::LinkList) return parse_link_list(*text).value_or(std::vector<std::string>{});
  return {};
}

bool is_link_type(FieldType type) { return type == FieldType::Link || type == FieldType::LinkList; }

}  // namespace isms
