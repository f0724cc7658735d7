// The words a person sees for a conflict: the record's title, each side's value as the editor
// shows it (enum labels, the titles of linked records), the records that link to a deletion.
#include "core/bundle/merge_engine.hpp"
#include "core/model/links.hpp"
#include "core/model/validation.hpp"
#include "core/store/record_rows.hpp"
#include "core/util/text.hpp"

namespace isms::bundle::detail {
namespace {

constexpr std::size_t named_fields = 8;     // a rule conflict lists this many differing fields
constexpr std::size_t named_referrers = 3;  // a deletion names this many records linking to it
constexpr const char* empty_text = "(empty)";

Record as_record(const BundleRecord& remote) {
  Record record;
  record.id = remote.id;
  record.kind = remote.kind;
  record.fields = remote.fields;
  return record;
}

}  // namespace

std::string MergeRun::title_of_id(const std::string& id) {
  if (const EntityDef* def = local_kind(id)) {
    if (const std::optional<Record> record = select_record(db_, *def, id)) return records_.title_of(*record);
  }
  if (const auto remote = bundle_index_.find(id); remote != bundle_index_.end()) {
    return records_.title_of(as_record(bundle_.records[remote->second]));
  }
  return id;
}

// The title as this copy knows it, or the bundle's for a record this copy lacks.
std::string MergeRun::title_of(const RecordDecision& decision) const {
  if (decision.local) return records_.title_of(*decision.local);
  return records_.title_of(as_record(bundle_.records[decision.index]));
}

std::string MergeRun::display(const FieldDef& field, const Value& value) {
  if (is_null(value)) return empty_text;
  if (field.type == FieldType::Enum) return field.option_label(to_display(value));
  if (!is_link_type(field.type)) return to_display(value);
  std::vector<std::string> titles;
  for (const std::string& id : linked_ids(field, value)) titles.push_back(title_of_id(id));
  return join(titles, ", ");
}

void MergeRun::describe(Conflict& conflict) {
  const auto written = write_index_.find(conflict.id);
  if (written != write_index_.end()) {
    conflict.title = title_of(writes_[written->second]);
  } else {
    conflict.title = title_of_id(conflict.id);
  }
  if (conflict.type == ConflictType::Rule) return;  // its texts were written when it was found
  if (conflict.type == ConflictType::Deletion) {
    conflict.mine.text = conflict.mine.raw == deleted_value(true) ? "Deleted" : "Kept";
    conflict.theirs.text = conflict.theirs.raw == deleted_value(true) ? "Deleted" : "Kept";
    return;
  }
  const FieldDef* field = workspace_.registry().get(conflict.kind).field(conflict.field);
  if (field == nullptr) return;
  conflict.mine.text = display(*field, conflict.mine.raw);
  conflict.theirs.text = display(*field, conflict.theirs.raw);
}

// "Label: value; Label: value" for the fields whose values differ between the two sides, as
// one side has them: what choosing that side for the whole record keeps.
std::string MergeRun::differing_fields(const RecordDecision& decision, Side side) {
  if (!decision.local && side == Side::Mine) return "Not in this workspace";
  const BundleRecord& remote = bundle_.records[decision.index];
  const std::map<std::string, Value> theirs = normalise_changes(*decision.def, remote.fields);
  std::vector<std::string> parts;
  std::size_t more = 0;
  for (const FieldDef& field : decision.def->fields) {
    if (field.computed) continue;
    const auto found = theirs.find(field.key);
    const Value their_value = found == theirs.end() ? Value{} : found->second;
    const Value my_value = decision.local ? decision.local->get(field.key) : Value{};
    if (my_value == their_value) continue;
    if (parts.size() == named_fields) {
      ++more;
      continue;
    }
    parts.push_back(field.label + ": " + display(field, side == Side::Mine ? my_value : their_value));
  }
  if (more > 0) parts.push_back("and " + std::to_string(more) + " more");
  return parts.empty() ? "No differences" : join(parts, "; ");
}

std::string MergeRun::describe_referrers(const std::vector<std::string>& ids) {
  std::vector<std::string> names;
  for (const std::string& id : ids) {
    if (names.size() == named_referrers) {
      names.push_back("and " + std::to_string(ids.size() - named_referrers) + " more");
      break;
    }
    const EntityDef* def = local_kind(id);
    if (def == nullptr) {
      const auto remote = bundle_index_.find(id);
      if (remote != bundle_index_.end()) def = &workspace_.registry().get(bundle_.records[remote->second].kind);
    }
    names.push_back((def != nullptr ? def->label + " '" : "'") + title_of_id(id) + "'");
  }
  return join(names, ", ");
}

}  // namespace isms::bundle::detail
