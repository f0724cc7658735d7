// merge.hpp's rules for one record: which side each field takes, and what conflicts.
#include <utility>

#include "core/bundle/merge_detail.hpp"
#include "core/util/text.hpp"

namespace isms::bundle::detail {
namespace {

constexpr const char* deletion_label = "Deleted";

enum class Outcome { KeepMine, TakeTheirs, Joined, Conflict };

const NumberedVector& vector_of(const NumberedVersions& versions, const std::string& key) {
  static const NumberedVector none;
  const auto found = versions.find(key);
  return found == versions.end() ? none : found->second;
}

Outcome outcome_of(const Value& mine, const Value& theirs, VersionOrder order) {
  switch (order) {
    case VersionOrder::After:
      return Outcome::KeepMine;  // they have seen ours
    case VersionOrder::Before:
      return Outcome::TakeTheirs;  // we have seen every write of theirs' history but theirs
    case VersionOrder::Equal:
      // The same writes give the same value; different values with equal vectors are two copies
      // that parted before the file kept vectors (both empty).
      return mine == theirs ? Outcome::KeepMine : Outcome::Conflict;
    case VersionOrder::Concurrent:
      return mine == theirs ? Outcome::Joined : Outcome::Conflict;
  }
  return Outcome::Conflict;
}

void set_vector(NumberedVersions& versions, const std::string& key, NumberedVector vector) {
  if (vector.empty()) {
    versions.erase(key);
  } else {
    versions[key] = std::move(vector);
  }
}

// One field of a record both copies have (or "_deleted"), as the two sides hold it.
struct Sides {
  const FieldDef* field = nullptr;  // null for "_deleted"
  std::string key;
  Value mine, theirs;
  NumberedVector mine_vector, theirs_vector;
  Outcome outcome = Outcome::KeepMine;
};

Conflict field_conflict(const EntityDef& def, const std::string& id, const Sides& sides, VersionOrder order) {
  Conflict conflict;
  conflict.kind = def.kind;
  conflict.id = id;
  conflict.field = sides.key;
  conflict.mine.raw = sides.mine;
  conflict.theirs.raw = sides.theirs;
  if (sides.field != nullptr) {
    conflict.type = ConflictType::Field;
    conflict.field_label = sides.field->label;
    conflict.why = order == VersionOrder::Equal
                       ? "Different here and in the bundle since before this workspace kept versions of its fields."
                       : "Changed here and in the bundle to different values.";
    return conflict;
  }
  conflict.type = ConflictType::Deletion;
  conflict.field_label = deletion_label;
  const bool deleted_here = sides.mine == deleted_value(true);
  if (order == VersionOrder::Equal) {
    conflict.why = std::string("Deleted ") + (deleted_here ? "here" : "in the bundle") +
                   " only, since before this workspace kept versions of its fields.";
  } else {
    conflict.why = deleted_here ? "Deleted here and restored in the bundle, each without knowing of the other."
                                : "Restored here and deleted in the bundle, each without knowing of the other.";
  }
  return conflict;
}

// merge.hpp's "edit against a deletion": the side whose deletion state wins is deleted, and the
// other changed fields it had not seen.
std::optional<Conflict> edit_against_deletion(const EntityDef& def, const Record& here, const BundleRecord& remote,
                                              const std::vector<Sides>& fields, const Sides& deletion) {
  if (deletion.outcome == Outcome::Conflict || here.deleted == remote.deleted) return std::nullopt;
  const VersionOrder order = compare_versions(deletion.mine_vector, deletion.theirs_vector);
  if (order == VersionOrder::Concurrent) return std::nullopt;  // equal values: not this case
  const bool mine_wins = order != VersionOrder::Before;
  if (!(mine_wins ? here.deleted : remote.deleted)) return std::nullopt;  // the live side wins: no deletion
  std::vector<std::string> edited;
  for (const Sides& field : fields) {
    const NumberedVector& winner = mine_wins ? field.mine_vector : field.theirs_vector;
    const NumberedVector& other = mine_wins ? field.theirs_vector : field.mine_vector;
    const VersionOrder seen = compare_versions(other, winner);
    if (seen == VersionOrder::After || seen == VersionOrder::Concurrent) edited.push_back(field.field->label);
  }
  if (edited.empty()) return std::nullopt;
  Conflict conflict;
  conflict.type = ConflictType::Deletion;
  conflict.kind = def.kind;
  conflict.id = here.id;
  conflict.field = deleted_field;
  conflict.field_label = deletion_label;
  conflict.mine.raw = deleted_value(here.deleted);
  conflict.theirs.raw = deleted_value(remote.deleted);
  conflict.why = std::string(mine_wins ? "Deleted here, but changed in the bundle since: "
                                       : "Deleted in the bundle, but changed here since: ") +
                 join(edited, ", ") + ".";
  return conflict;
}

}  // namespace

Value deleted_value(bool deleted) { return Value(std::int64_t{deleted ? 1 : 0}); }

NumberedVector resolved_vector(const NumberedVector& mine, const NumberedVector& theirs, std::int64_t me) {
  NumberedVector vector = max_versions(mine, theirs);
  ++vector[me];
  return vector;
}

RecordDecision decide(const EntityDef& def, std::size_t index, std::optional<Record> local,
                      NumberedVersions local_versions, const BundleRecord& remote,
                      const std::map<std::string, Value>& remote_fields, const NumberedVersions& remote_versions,
                      const Resolutions& resolutions, std::int64_t me) {
  RecordDecision decision;
  decision.def = &def;
  decision.index = index;
  decision.local = std::move(local);
  decision.local_versions = std::move(local_versions);
  const std::optional<Side> whole = resolutions.for_record(remote.id);
  const auto remote_value = [&](const std::string& key) {
    const auto found = remote_fields.find(key);
    return found == remote_fields.end() ? Value{} : found->second;
  };

  if (!decision.local) {
    for (const FieldDef& field : def.fields) {
      decision.fields[field.key] = remote_value(field.key);
      if (!is_null(decision.fields[field.key])) decision.changed.push_back(field.key);
      if (field.computed) continue;  // derived again here; it has no vector
      if (const auto vector = remote_versions.find(field.key); vector != remote_versions.end()) {
        set_vector(decision.versions, field.key, vector->second);
      }
    }
    decision.deleted = remote.deleted;
    set_vector(decision.versions, deleted_field, vector_of(remote_versions, deleted_field));
    if (whole == Side::Mine && !remote.deleted) {  // this copy does not want it: added deleted
      decision.deleted = true;
      decision.versions[deleted_field] = resolved_vector({}, vector_of(remote_versions, deleted_field), me);
    }
    return decision;
  }

  const Record& here = *decision.local;
  decision.fields = here.fields;
  decision.deleted = here.deleted;
  decision.versions = decision.local_versions;

  // First what each field's vectors say, and the conflicts.
  std::vector<Sides> fields;
  for (const FieldDef& field : def.fields) {
    if (field.computed) continue;
    fields.push_back({&field, field.key, here.get(field.key), remote_value(field.key),
                      vector_of(decision.local_versions, field.key), vector_of(remote_versions, field.key)});
  }
  Sides deletion{nullptr,
                 deleted_field,
                 deleted_value(here.deleted),
                 deleted_value(remote.deleted),
                 vector_of(decision.local_versions, deleted_field),
                 vector_of(remote_versions, deleted_field)};
  std::vector<Sides*> all;
  for (Sides& field : fields) all.push_back(&field);
  all.push_back(&deletion);
  for (Sides* sides : all) {
    const VersionOrder order = compare_versions(sides->mine_vector, sides->theirs_vector);
    sides->outcome = outcome_of(sides->mine, sides->theirs, order);
    if (sides->outcome == Outcome::Conflict) decision.conflicts.push_back(field_conflict(def, here.id, *sides, order));
  }
  if (auto conflict = edit_against_deletion(def, here, remote, fields, deletion)) {
    deletion.outcome = Outcome::Conflict;
    decision.conflicts.push_back(std::move(*conflict));
  }
  for (Conflict& conflict : decision.conflicts) conflict.chosen = resolutions.for_field(here.id, conflict.field);

  // Then the values and vectors the merge gives them.
  for (Sides* sides : all) {
    Value value = sides->mine;
    NumberedVector vector = sides->mine_vector;
    std::optional<Side> choice = whole;
    if (!choice) {
      switch (sides->outcome) {
        case Outcome::KeepMine:
          break;
        case Outcome::TakeTheirs:
          value = sides->theirs;
          vector = sides->theirs_vector;
          break;
        case Outcome::Joined:
          vector = max_versions(sides->mine_vector, sides->theirs_vector);
          break;
        case Outcome::Conflict:
          choice = resolutions.for_field(here.id, sides->key);
          if (!choice) decision.unresolved = true;  // stays as it is here (what a preview shows)
          break;
      }
    }
    if (choice) {
      value = *choice == Side::Mine ? sides->mine : sides->theirs;
      vector = sides->mine == sides->theirs ? max_versions(sides->mine_vector, sides->theirs_vector)
                                            : resolved_vector(sides->mine_vector, sides->theirs_vector, me);
    }
    if (sides->field == nullptr) {
      decision.deleted = value == deleted_value(true);
    } else {
      decision.fields[sides->key] = std::move(value);
    }
    set_vector(decision.versions, sides->key, std::move(vector));
  }
  for (const Sides& field : fields) {
    if (decision.fields[field.key] != here.get(field.key)) decision.changed.push_back(field.key);
  }
  return decision;
}

}  // namespace isms::bundle::detail
