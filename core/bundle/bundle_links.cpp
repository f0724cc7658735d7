#include "core/bundle/bundle_links.hpp"

#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/bundle/builtin_ids.hpp"
#include "core/model/links.hpp"

namespace isms::bundle {
namespace {

// The ids of a canonical link list text. The reader made the text itself from ids it checked
// (format::is_id: no quotes or backslashes), so splitting on quotes is exact and spares a JSON
// parse per field.
void ids_of_list(std::string_view text, std::vector<std::string_view>& ids) {
  ids.clear();
  std::size_t at = 0;
  while ((at = text.find('"', at)) != std::string_view::npos) {
    const std::size_t end = text.find('"', at + 1);
    if (end == std::string_view::npos) break;
    ids.push_back(text.substr(at + 1, end - at - 1));
    at = end + 1;
  }
}

std::string plural_of(const DefinitionIndex& index, std::string_view kind) {
  const DefinitionIndex::Register* found = index.find(kind);
  return found != nullptr ? found->def->plural : std::string(kind);
}

}  // namespace

std::optional<Failure> check_ids_and_links(const Bundle& bundle, const DefinitionIndex& index) {
  std::unordered_map<std::string_view, const BundleRecord*> by_id;
  by_id.reserve(bundle.records.size());
  for (const BundleRecord& record : bundle.records) {
    const auto [at, inserted] = by_id.emplace(record.id, &record);
    if (!inserted) {
      return Failure{BundleErrorCode::DuplicateId, "The bundle holds two records with the id " + record.id + " (" +
                                                       plural_of(index, at->second->kind) + " and " +
                                                       plural_of(index, record.kind) + ")."};
    }
  }
  const auto& builtin = builtin_record_kinds();
  std::vector<std::string_view> ids;
  for (const BundleRecord& record : bundle.records) {
    const DefinitionIndex::Register* found = index.find(record.kind);
    if (found == nullptr) continue;  // the reader has refused it already
    const EntityDef& def = *found->def;
    for (const FieldDef& field : def.fields) {
      if (!is_link_type(field.type)) continue;
      const auto value = record.fields.find(field.key);
      if (value == record.fields.end()) continue;
      const auto* text = std::get_if<std::string>(&value->second);
      if (text == nullptr) continue;
      if (field.type == FieldType::Link) {
        ids.assign(1, *text);
      } else {
        ids_of_list(*text, ids);
      }
      for (const std::string_view id : ids) {
        std::string_view target_kind;
        if (const auto target = by_id.find(id); target != by_id.end()) {
          target_kind = target->second->kind;
        } else if (const auto seeded = builtin.find(std::string(id)); seeded != builtin.end()) {
          target_kind = seeded->second;
        } else {
          return Failure{BundleErrorCode::DanglingLink, "Record " + record.id + " (" + def.plural + "): field \"" +
                                                            field.label + "\" links to " + std::string(id) +
                                                            ", which is neither in the bundle nor a built-in record."};
        }
        if (field.link_kind != any_kind && target_kind != field.link_kind) {
          return Failure{BundleErrorCode::DanglingLink, "Record " + record.id + " (" + def.plural + "): field \"" +
                                                            field.label + "\" links to " + std::string(id) +
                                                            ", which is in " + plural_of(index, target_kind) +
                                                            ", not in " + plural_of(index, field.link_kind) + "."};
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace isms::bundle
