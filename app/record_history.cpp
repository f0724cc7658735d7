#include "app/record_history.hpp"

#include <algorithm>

#include "core/store/value_text.hpp"
#include "core/util/utf8.hpp"

namespace isms::app {
namespace {

constexpr const char* kDeletedMarker = "_deleted";  // core's history field of deletion and restoring
constexpr const char* kEmpty = "(empty)";

bool starts_with(const std::string& text, const std::string& head) { return text.rfind(head, 0) == 0; }

// What a change set was, in a word where core's own description only repeats the record's
// register ("Updated Risk"); descriptions that say more (a merge, an undo, a note) as they are.
std::string what_of(const EntityDef& def, const std::string& description) {
  if (description.empty() || description == "Updated " + def.label) return "Edited";
  if (description == "Created " + def.label) return "Created";
  if (starts_with(description, "Deleted " + def.label + " '")) return "Deleted";
  if (starts_with(description, "Restored " + def.label + " '")) return "Restored";
  return description;
}

// A value as the record's table shows it; a field no longer in the definition as stored.
std::string value_text(const FieldDef* field, const std::optional<std::string>& stored, report::TitleCache& titles) {
  if (!stored) return kEmpty;
  std::string text = field != nullptr ? report::cell_text(*field, from_history_text(*field, stored), titles) : *stored;
  return text.empty() ? kEmpty : text;
}

HistoryLine field_line(const EntityDef& def, const HistoryEntry& entry, bool creation, report::TitleCache& titles) {
  const FieldDef* field = def.field(entry.field);
  const std::string label = field != nullptr ? field->label : entry.field;
  const std::string after = value_text(field, entry.new_value, titles);
  if (creation) return {label + ": " + shortened(after), label + ": " + after};
  const std::string before = value_text(field, entry.old_value, titles);
  return {label + ": " + shortened(before) + " → " + shortened(after), label + ": " + before + " → " + after};
}

}  // namespace

std::string shortened(const std::string& text, std::size_t length) {
  std::string line = text;
  std::replace(line.begin(), line.end(), '\n', ' ');
  std::replace(line.begin(), line.end(), '\r', ' ');
  if (length == 0 || count_code_points(line) <= length) return line;
  // Cut before the code point that would be the last one, to make room for the ellipsis.
  std::size_t points = 0, cut = 0;
  for (; cut < line.size(); ++cut) {
    if ((static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) continue;  // inside a code point
    if (points++ == length - 1) break;
  }
  return line.substr(0, cut) + "…";
}

std::vector<HistoryGroup> group_history(const EntityDef& def, const std::vector<HistoryEntry>& entries,
                                        const std::map<std::string, std::string>& descriptions,
                                        report::TitleCache& titles) {
  // Change sets in the order they first wrote the record.
  std::vector<HistoryGroup> groups;
  std::map<std::string, std::size_t> index;
  std::vector<std::vector<const HistoryEntry*>> rows;
  for (const HistoryEntry& entry : entries) {
    auto [at, added] = index.try_emplace(entry.change_set, groups.size());
    if (added) {
      HistoryGroup group;
      group.change_set = entry.change_set;
      group.author = entry.author;
      group.at = entry.at;
      const auto description = descriptions.find(entry.change_set);
      group.what = what_of(def, description == descriptions.end() ? std::string() : description->second);
      groups.push_back(std::move(group));
      rows.emplace_back();
    }
    rows[at->second].push_back(&entry);
  }
  // Within a change set, the fields in the form's order (core writes them in key order); the
  // deletion marker and fields no longer defined after them.
  const auto position = [&](const HistoryEntry* entry) {
    for (std::size_t i = 0; i < def.fields.size(); ++i) {
      if (def.fields[i].key == entry->field) return i;
    }
    return def.fields.size();
  };
  for (auto& set : rows) {
    std::stable_sort(set.begin(), set.end(),
                     [&](const HistoryEntry* a, const HistoryEntry* b) { return position(a) < position(b); });
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    HistoryGroup& group = groups[g];
    const bool creation = g == 0;  // the record's first change set made it
    if (creation && group.what != "Created") group.lines.push_back({"Created", "Created"});
    // Deletion and restoring first: the sentence before any field the same change set wrote.
    std::stable_partition(rows[g].begin(), rows[g].end(),
                          [](const HistoryEntry* entry) { return entry->field == kDeletedMarker; });
    for (const HistoryEntry* entry : rows[g]) {
      if (entry->field == kDeletedMarker) {
        const std::string sentence = entry->new_value == "1" ? "Deleted" : "Restored";
        if (group.what != sentence) group.lines.push_back({sentence, sentence});
        continue;
      }
      if (creation && !entry->new_value) continue;  // nothing to say about a field left empty
      group.lines.push_back(field_line(def, *entry, creation, titles));
    }
  }
  std::reverse(groups.begin(), groups.end());
  return groups;
}

std::map<std::string, std::string> change_set_descriptions(const Repository& records, const std::string& record_id) {
  Statement query = records.database().prepare(
      "SELECT id, description FROM change_sets WHERE id IN (SELECT change_set FROM history WHERE record_id = ?)");
  query.bind(1, record_id);
  std::map<std::string, std::string> descriptions;
  while (query.step()) descriptions[query.column_text(0)] = query.column_text(1);
  return descriptions;
}

std::vector<HistoryGroup> read_record_history(const Repository& records, const EntityDef& def,
                                              const std::string& record_id) {
  report::TitleCache titles(records);
  return group_history(def, records.history(record_id), change_set_descriptions(records, record_id), titles);
}

void refresh_history(HistoryView& view, const Repository& records, const EntityDef& def, const std::string& workspace_id,
                     const std::string& record_id, std::uint64_t revision) {
  const bool same_record = view.workspace_id == workspace_id && view.record_id == record_id;
  if (same_record && view.read_at == revision) return;
  view.groups = read_record_history(records, def, record_id);
  if (!same_record) view.shown = HistoryView::kPage;
  view.workspace_id = workspace_id;
  view.record_id = record_id;
  view.read_at = revision;
  ++view.reads;
}

}  // namespace isms::app
