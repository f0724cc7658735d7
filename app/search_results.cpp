#include "app/search_results.hpp"

#include <algorithm>
#include <chrono>

#include "app/record_navigation.hpp"
#include "app/register_groups.hpp"
#include "app/ui_state.hpp"

namespace isms::app {
namespace {

bool has_page(const std::string& kind) {
  for (const RegisterGroup& group : register_groups()) {
    if (std::find(group.kinds.begin(), group.kinds.end(), kind) != group.kinds.end()) return true;
  }
  return false;
}

// The record this one is part of (its first part_of link), if it is live.
std::optional<Record> parent_of(const Repository& records, const Record& record) {
  const EntityDef& def = records.registry().get(record.kind);
  for (const FieldDef& field : def.fields) {
    if (field.type != FieldType::Link || !field.part_of) continue;
    const Value& link = record.get(field.key);
    if (!std::holds_alternative<std::string>(link)) return std::nullopt;
    const std::string& id = std::get<std::string>(link);
    if (field.link_kind != any_kind) {
      std::optional<Record> parent = records.get(field.link_kind, id);
      return parent && !parent->deleted ? parent : std::nullopt;
    }
    for (const EntityDef& other : records.registry().all()) {
      if (std::optional<Record> parent = records.get(other.kind, id)) {
        return parent->deleted ? std::nullopt : parent;
      }
    }
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> searchable_kinds(const Registry& registry) {
  std::vector<std::string> kinds;
  for (const EntityDef& def : registry.all()) {
    if (def.kind != "workspace") kinds.push_back(def.kind);
  }
  return kinds;
}

int refresh_search(SearchBox& box, const Repository& records, const std::string& workspace_id,
                   std::uint64_t data_revision, double now, bool now_please) {
  if (box.typed_text != box.text) {
    box.typed_text = box.text;
    box.typed_at = now;
  }
  if (box.read_text == box.text && box.read_workspace == workspace_id && box.read_at == data_revision) return 0;
  const double waited = now - box.typed_at;
  if (!now_please && box.read_text != box.text && box.last_cost_ms > search_quick_ms && waited < search_pause_s) {
    return std::max(static_cast<int>((search_pause_s - waited) * 1000.0) + 1, 1);
  }
  if (box.read_text != box.text) box.highlight = 0;
  SearchRequest request;
  request.text = box.text;
  request.limit = search_limit;
  request.kinds = searchable_kinds(records.registry());
  const auto start = std::chrono::steady_clock::now();
  box.hits = search_records(records, request);
  box.last_cost_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  box.read_text = box.text;
  box.read_workspace = workspace_id;
  box.read_at = data_revision;
  box.highlight = std::clamp(box.highlight, 0, std::max(static_cast<int>(box.hits.size()) - 1, 0));
  return 0;
}

void move_highlight(SearchBox& box, int delta) {
  if (box.hits.empty()) return;
  box.highlight = std::clamp(box.highlight + delta, 0, static_cast<int>(box.hits.size()) - 1);
}

RecordPlace place_of(const Repository& records, const SearchHit& hit) {
  if (has_page(hit.kind)) return {hit.kind, hit.id};
  std::optional<Record> record = records.get(hit.kind, hit.id);
  // Parts of parts (an attachment of a measurement) climb until a register with a page.
  for (int depth = 0; record && !record->deleted && depth < 4; ++depth) {
    record = parent_of(records, *record);
    if (record && has_page(record->kind)) return {record->kind, record->id};
  }
  return {};
}

std::string hit_context(const Registry& registry, const SearchHit& hit) {
  const EntityDef* def = registry.find(hit.kind);
  const std::string label = def != nullptr ? def->label : hit.kind;
  if (hit.parent_id.empty()) return label;
  return label + " of " + hit.parent_title;
}

bool open_search_hit(UiState& ui, const Repository& records, const SearchHit& hit) {
  const RecordPlace place = place_of(records, hit);
  if (place.kind.empty()) return false;
  return open_in_register(ui, records, place.kind, place.id);
}

}  // namespace isms::app
