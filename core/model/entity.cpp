#include "core/model/entity.hpp"

#include "core/model/links.hpp"

namespace isms {

const EnumOption* FieldDef::option(std::string_view value) const {
  for (const EnumOption& candidate : options) {
    if (candidate.value == value) return &candidate;
  }
  return nullptr;
}

std::string FieldDef::option_label(std::string_view value) const {
  const EnumOption* found = option(value);
  return found != nullptr ? found->label : std::string(value);
}

std::size_t effective_max_length(const FieldDef& field) {
  if (field.max_length != 0) return field.max_length;
  switch (field.type) {
    case FieldType::LongText:
      return 20000;
    case FieldType::Email:
      return 254;  // the longest address SMTP allows
    case FieldType::Link:
      return max_link_id_length;
    case FieldType::LinkList:  // the JSON text: ids plus quotes and commas
      return max_links_per_field * (max_link_id_length + 3) + 2;
    default:
      return 200;
  }
}

bool is_text_type(FieldType type) {
  switch (type) {
    case FieldType::Text:
    case FieldType::LongText:
    case FieldType::Enum:
    case FieldType::Date:
    case FieldType::Email:
    case FieldType::Link:
    case FieldType::LinkList:
      return true;
    case FieldType::Integer:
    case FieldType::Number:
    case FieldType::Rating:
      return false;
  }
  return false;
}

bool is_integer_type(FieldType type) { return type == FieldType::Integer || type == FieldType::Rating; }

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::Text:
      return "text";
    case FieldType::LongText:
      return "long_text";
    case FieldType::Enum:
      return "enum";
    case FieldType::Date:
      return "date";
    case FieldType::Integer:
      return "integer";
    case FieldType::Number:
      return "number";
    case FieldType::Rating:
      return "rating";
    case FieldType::Email:
      return "email";
    case FieldType::Link:
      return "link";
    case FieldType::LinkList:
      return "link_list";
  }
  return "unknown";
}

const FieldDef* EntityDef::field(std::string_view key) const {
  for (const FieldDef& candidate : fields) {
    if (candidate.key == key) return &candidate;
  }
  return nullptr;
}

std::string EntityDef::table() const { return "rec_" + kind; }

}  // namespace isms
