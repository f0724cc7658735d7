#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/entity.hpp"
#include "core/model/value.hpp"

namespace isms {

// A LinkList field stores its ids as a JSON array of strings in one text column: one value per
// field keeps history, bundles and the field-by-field merge the same for every field type. The
// canonical form is sorted and without duplicates, so two lists with the same links are equal.

constexpr std::size_t max_links_per_field = 5000;
constexpr std::size_t max_link_id_length = 100;

// The ids of a JSON array text, or nullopt if it is not an array of non-empty strings.
std::optional<std::vector<std::string>> parse_link_list(std::string_view text);
// The canonical text of a list of ids (sorted, duplicates removed).
std::string link_list_text(std::vector<std::string> ids);
// The value to store for a list of ids: the canonical text, or null for no links.
Value link_list(std::vector<std::string> ids);

// The ids a Link or LinkList field's value points to (none for null, or for malformed text,
// which validation reports). Other field types have no links.
std::vector<std::string> linked_ids(const FieldDef& field, const Value& value);

bool is_link_type(FieldType type);  // Link or LinkList

}  // namespace isms
