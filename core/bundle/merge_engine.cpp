// The order of a merge: refuse a bad bundle, decide every record, settle deletions that live
// records still link to, write, then let the repository derive and check what was written.
#include "core/bundle/merge_engine.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/model/links.hpp"
#include "core/model/validation.hpp"
#include "core/store/link_index.hpp"
#include "core/store/record_rows.hpp"
#include "core/util/text.hpp"

namespace isms::bundle::detail {
namespace {

constexpr std::size_t progress_step = 1000;  // records between two progress calls

std::string conflict_subject(const Conflict& conflict, const Registry& registry) {
  const std::string record =
      "the " + label_in_sentence(registry.get(conflict.kind).label) + " '" + conflict.title + "'";
  switch (conflict.type) {
    case ConflictType::Field:
      return conflict.field_label + " of " + record;
    case ConflictType::Deletion:
      return "the deletion of " + record;
    case ConflictType::Rule:
      break;
  }
  return record + " as a whole";
}

}  // namespace

MergeRun::MergeRun(Workspace& workspace, const Bundle& bundle, const Resolutions& resolutions, MergeMode mode,
                   std::string description, const MergeOptions& options)
    : workspace_(workspace),
      records_(workspace.records()),
      db_(workspace.database()),
      bundle_(bundle),
      resolutions_(resolutions),
      mode_(mode),
      description_(std::move(description)),
      options_(options) {}

MergeOutcome MergeRun::run() {
  bundle_index_.reserve(bundle_.records.size());
  for (std::size_t i = 0; i < bundle_.records.size(); ++i) {
    if (!bundle_index_.emplace(bundle_.records[i].id, i).second) {
      throw MergeError("The bundle is damaged: it holds two records with the id " + bundle_.records[i].id +
                       ". Ask for it to be exported again.");
    }
  }
  check_bundle();

  // Plan: everything below is a trial, rolled back when `transaction` goes out of scope.
  Transaction transaction(db_);
  replicas_.emplace(db_);
  me_ = replicas_->local();
  flags_.assign(bundle_.records.size(), Flags{});
  same_as_here_.assign(bundle_.records.size(), false);
  if (const MergePreview* preview = options_.preview; preview != nullptr && preview->memo) {
    const PlanMemo& memo = *preview->memo;
    if (memo.bundle == &bundle_ && memo.same_as_here.size() == bundle_.records.size() &&
        memo.changes == changes_so_far(db_)) {
      known_same_ = &memo.same_as_here;
    }
  }
  decide_all();
  settle_deleted_links();
  if (mode_ != MergeMode::Plan && unresolved_) refuse_unresolved();

  std::size_t attachments = 0;
  const bool writes = std::any_of(writes_.begin(), writes_.end(),
                                  [](const RecordDecision& decision) { return decision.needs_write(); });
  if (writes) {
    stamp_ = records_.open_change_set(description_);
    history_.emplace(db_);
    versions_.emplace(db_);
    write_all();
    detach_all();
    refresh_all();
  }
  // A preview, or nothing to write: the transaction is rolled back on return (all it holds then
  // is the trial, or the replicas the bundle named). Missing contents may still come in.
  if (mode_ == MergeMode::Plan || !writes) {
    attachments = store_attachments();
    for (Conflict& conflict : conflicts_) describe(conflict);
    return outcome(attachments);
  }
  // The bytes go in before the commit; if anything fails from here on, contents that only this
  // merge stored are taken out again (a later commit never names missing contents).
  const std::set<std::string> before = workspace_.blobs().digests();
  try {
    attachments = store_attachments();
    MergeOutcome result = outcome(attachments);
    transaction.commit();  // Import: a savepoint in the new workspace's transaction
    return result;
  } catch (...) {
    for (const std::string& digest : workspace_.blobs().digests()) {
      if (before.count(digest) == 0) workspace_.blobs().remove(digest);
    }
    throw;
  }
}

// Register by register (in the registry's order, so a run is repeatable), each register's
// records and vectors here read in one query each.
void MergeRun::decide_all() {
  const Registry& registry = workspace_.registry();
  std::map<std::string, std::vector<std::size_t>> by_kind;
  for (std::size_t i = 0; i < bundle_.records.size(); ++i) by_kind[bundle_.records[i].kind].push_back(i);
  std::size_t done = 0;
  for (const EntityDef& def : registry.all()) {
    const auto of_kind = by_kind.find(def.kind);
    if (of_kind == by_kind.end()) continue;
    // Records a preview found exactly as here still are (nothing was written since): the
    // register is read only when some of its records need deciding.
    const auto known = [&](std::size_t index) { return known_same_ != nullptr && (*known_same_)[index]; };
    if (std::all_of(of_kind->second.begin(), of_kind->second.end(), known)) {
      for (const std::size_t index : of_kind->second) mark_same(index);
      done += of_kind->second.size();
      if (options_.progress) options_.progress(done, bundle_.records.size());
      continue;
    }
    // One pass over the register's rows (with their vectors): each row the bundle names is
    // compared in place, and only the rows that differ are read into records for deciding.
    std::unordered_map<std::string_view, std::size_t> to_compare;  // bundle record id -> index
    for (const std::size_t index : of_kind->second) {
      if (!known(index)) to_compare.emplace(bundle_.records[index].id, index);
    }
    compared_ += to_compare.size();
    std::unordered_map<std::size_t, std::pair<Record, NumberedVersions>> differing;  // by bundle index
    Statement rows = db_.prepare("SELECT r.*, v.versions FROM (" + select_sql(def) +
                                 ") r LEFT JOIN field_versions v ON v.record_id = r.id");
    const int versions_column = rows.column_count() - 1;
    while (rows.step()) {
      const auto found = to_compare.find(rows.column_view(0));
      if (found == to_compare.end()) continue;
      NumberedVersions local_versions;
      if (!rows.column_is_null(versions_column)) local_versions = parse_versions(rows.column_view(versions_column));
      if (row_same_as_remote(def, rows, local_versions, bundle_.records[found->second])) {
        mark_same(found->second);
      } else {
        differing.emplace(found->second, std::make_pair(read_record(def, rows), std::move(local_versions)));
      }
    }
    // Then in the bundle's order, so a run is repeatable and conflicts are listed as they come.
    for (const std::size_t index : of_kind->second) {
      if (known(index)) mark_same(index);
      if (same_as_here_[index]) {
        if (++done % progress_step == 0 && options_.progress) options_.progress(done, bundle_.records.size());
        continue;
      }
      const BundleRecord& remote = bundle_.records[index];
      std::optional<Record> local;
      NumberedVersions local_versions;
      if (auto found = differing.find(index); found != differing.end()) {
        local = std::move(found->second.first);
        local_versions = std::move(found->second.second);
      } else if (const EntityDef* other = local_kind(remote.id)) {
        const std::optional<Record> clash = select_record(db_, *other, remote.id);
        Record theirs{remote.id, def.kind, {}, {}, {}, {}, 0, false, remote.fields};
        throw MergeError("The bundle's " + label_in_sentence(def.label) + " '" + records_.title_of(theirs) +
                         "' has the id " + remote.id + ", which here belongs to the " +
                         label_in_sentence(other->label) + " '" + (clash ? records_.title_of(*clash) : remote.id) +
                         "'. Ids must be unique across registers, so this bundle cannot be merged.");
      }
      RecordDecision decision =
          decide(def, index, std::move(local), std::move(local_versions), remote, normalise_changes(def, remote.fields),
                 replicas_->to_numbers(remote.versions), resolutions_, me_);
      Flags& flags = flags_[index];
      flags.live_before = decision.live_before();
      flags.live_after = !decision.deleted;
      flags.changed = !decision.added() && !decision.changed.empty();
      flags.conflicting = !decision.conflicts.empty();
      if (decision.unresolved) unresolved_ = true;
      for (Conflict& conflict : decision.conflicts) conflicts_.push_back(std::move(conflict));
      decision.conflicts.clear();
      if (decision.needs_write()) {
        write_index_.emplace(remote.id, writes_.size());
        writes_.push_back(std::move(decision));
      }
      if (++done % progress_step == 0 && options_.progress) options_.progress(done, bundle_.records.size());
    }
  }
  if (options_.progress) options_.progress(done, bundle_.records.size());
}

void MergeRun::mark_same(std::size_t index) {
  same_as_here_[index] = true;
  flags_[index].live_before = flags_[index].live_after = !bundle_.records[index].deleted;
}

// Most records of a bundle are as they are here (the same writes, the same values): those are
// recognised on the row itself, without converting anything, which is most of the work of a
// large merge.
bool MergeRun::row_same_as_remote(const EntityDef& def, const Statement& row, const NumberedVersions& local_versions,
                                  const BundleRecord& remote) const {
  if (row_deleted(row) != remote.deleted || local_versions.size() != remote.versions.size()) return false;
  auto theirs = remote.versions.begin();
  for (const auto& [key, vector] : local_versions) {
    if (theirs->first != key || theirs->second.size() != vector.size()) return false;
    for (const auto& [replica, count] : vector) {
      const auto found = theirs->second.find(replica_id_or_empty(replica));
      if (found == theirs->second.end() || found->second != count) return false;
    }
    ++theirs;
  }
  static const Value none;
  for (std::size_t i = 0; i < def.fields.size(); ++i) {
    const FieldDef& field = def.fields[i];
    if (field.computed) continue;
    const auto value = remote.fields.find(field.key);
    if (!row_field_equals(def, row, i, value == remote.fields.end() ? none : value->second)) return false;
  }
  return true;
}

const std::string& MergeRun::replica_id_or_empty(std::int64_t number) const {
  static const std::string none;
  const std::map<std::int64_t, std::string>& ids = replicas_->ids();
  const auto found = ids.find(number);
  return found == ids.end() ? none : found->second;
}

// The decision for a record of the bundle, made now if it had none (nothing to write so far).
RecordDecision& MergeRun::decision_for(std::size_t index) {
  const BundleRecord& remote = bundle_.records[index];
  if (const auto found = write_index_.find(remote.id); found != write_index_.end()) return writes_[found->second];
  const EntityDef& def = workspace_.registry().get(remote.kind);
  RecordDecision decision;
  decision.def = &def;
  decision.index = index;
  decision.local = select_record(db_, def, remote.id);
  decision.local_versions = read_numbered_versions(db_, remote.id);
  if (decision.local) {
    decision.fields = decision.local->fields;
    decision.deleted = decision.local->deleted;
  }
  decision.versions = decision.local_versions;
  write_index_.emplace(remote.id, writes_.size());
  writes_.push_back(std::move(decision));
  return writes_.back();
}

// Whether a record is deleted once the merge is written, nullopt if it does not exist.
std::optional<bool> MergeRun::deleted_after(const std::string& id) {
  if (const auto found = write_index_.find(id); found != write_index_.end()) return writes_[found->second].deleted;
  const EntityDef* def = nullptr;
  if (const auto remote = bundle_index_.find(id); remote != bundle_index_.end()) {
    def = &workspace_.registry().get(bundle_.records[remote->second].kind);
  } else {
    def = local_kind(id);
  }
  if (def == nullptr) return std::nullopt;
  const std::optional<Record> record = select_record(db_, *def, id);
  if (!record) return std::nullopt;
  return record->deleted;
}

// The records that will still be live and point at `id` once the merge is written: the ones
// here that the merge leaves pointing at it, and the ones the merge makes point at it.
std::vector<std::string> MergeRun::referrers_after(const std::string& id) {
  std::set<std::string> referrers;
  for (const LinkRow& row : links_to(db_, id)) {
    const auto written = write_index_.find(row.from_id);
    if (written == write_index_.end()) {
      referrers.insert(row.from_id);  // not touched by the merge: live and pointing at it
      continue;
    }
    const RecordDecision& decision = writes_[written->second];
    const FieldDef* field = decision.def->field(row.field);
    if (decision.deleted || field == nullptr) continue;
    const std::vector<std::string> targets = linked_ids(*field, decision.fields.at(field->key));
    if (std::find(targets.begin(), targets.end(), id) != targets.end()) referrers.insert(row.from_id);
  }
  return {referrers.begin(), referrers.end()};
}

// merge.hpp: a record deleted in the merged register that live records link to is a conflict on
// its deletion. Found before anything is written, from the decisions: each record the merge
// deletes, and each link the merge writes to a deleted record.
void MergeRun::settle_deleted_links() {
  std::map<std::string, std::vector<std::string>> linked;  // deleted record -> the records linking to it
  const std::size_t decided = writes_.size();
  for (std::size_t i = 0; i < decided; ++i) {
    const RecordDecision& decision = writes_[i];
    const std::string& id = bundle_.records[decision.index].id;
    if (decision.deleted) {
      if (decision.live_before()) {
        for (std::string& referrer : referrers_after(id)) linked[id].push_back(std::move(referrer));
      }
      continue;
    }
    for (const FieldDef& field : decision.def->fields) {
      if (!is_link_type(field.type)) continue;
      const std::vector<std::string> before =
          decision.live_before() ? linked_ids(field, decision.local->get(field.key)) : std::vector<std::string>{};
      for (const std::string& target : linked_ids(field, decision.fields.at(field.key))) {
        if (std::find(before.begin(), before.end(), target) != before.end()) continue;
        if (deleted_after(target) == true) linked[target].push_back(id);
      }
    }
  }
  for (auto& [id, referrers] : linked) {
    std::sort(referrers.begin(), referrers.end());
    referrers.erase(std::unique(referrers.begin(), referrers.end()), referrers.end());
    settle_deleted_link(id, referrers);
  }
}

void MergeRun::settle_deleted_link(const std::string& id, const std::vector<std::string>& referrers) {
  const auto in_bundle = bundle_index_.find(id);
  if (in_bundle == bundle_index_.end()) return;  // a target only this copy has: refresh reports the link
  const BundleRecord& remote = bundle_.records[in_bundle->second];
  RecordDecision& decision = decision_for(in_bundle->second);
  const bool deleted_here = !decision.local || decision.local->deleted;
  if (deleted_here && remote.deleted) {
    to_detach_.push_back(id);  // deleted on both sides: nobody to ask
    return;
  }
  Conflict conflict;
  conflict.type = ConflictType::Deletion;
  conflict.kind = remote.kind;
  conflict.id = id;
  conflict.field = deleted_field;
  conflict.field_label = "Deleted";
  conflict.mine.raw = deleted_value(deleted_here);
  conflict.theirs.raw = deleted_value(remote.deleted);
  conflict.why = std::string(deleted_here ? "Deleted here" : "Deleted in the bundle") + ", but still linked from " +
                 describe_referrers(referrers) + (deleted_here ? " in the merged register." : ".");
  std::optional<Side> choice = resolutions_.for_field(id, deleted_field);
  conflict.chosen = choice;
  add_conflict(std::move(conflict));
  flags_[in_bundle->second].conflicting = true;
  if (!choice) {
    unresolved_ = true;
    if (mode_ != MergeMode::Plan) return;
    choice = Side::Mine;  // what a preview shows
  }
  const bool deleted = *choice == Side::Mine ? deleted_here : remote.deleted;
  if (deleted) {
    to_detach_.push_back(id);
    return;
  }
  const NumberedVector mine =
      decision.local_versions.count(deleted_field) != 0 ? decision.local_versions.at(deleted_field) : NumberedVector{};
  const NumberedVersions remote_versions = replicas_->to_numbers(remote.versions);
  const auto theirs = remote_versions.find(deleted_field);
  decision.deleted = false;
  decision.versions[deleted_field] =
      resolved_vector(mine, theirs == remote_versions.end() ? NumberedVector{} : theirs->second, me_);
  flags_[in_bundle->second].live_after = true;
}

// A conflict already listed for the same record and field (an edit against the deletion) gets
// the new reason added; otherwise it is a new one.
void MergeRun::add_conflict(Conflict conflict) {
  for (Conflict& listed : conflicts_) {
    if (listed.id != conflict.id || listed.field != conflict.field) continue;
    listed.why += " " + conflict.why;
    return;
  }
  conflicts_.push_back(std::move(conflict));
}

void MergeRun::write_all() {
  std::size_t written = 0;
  for (const RecordDecision& decision : writes_) {
    if (!decision.needs_write()) continue;
    write(decision);
    ++written;
    if (options_.after_record_written) options_.after_record_written(written);
  }
}

void MergeRun::detach_all() {
  if (to_detach_.empty()) return;
  for (const std::string& id : to_detach_) {
    const std::string& kind = bundle_.records[bundle_index_.at(id)].kind;
    if (mode_ != MergeMode::Plan) {
      try {
        records_.detach_merged(kind, id, stamp_);
      } catch (const StoreError& refused) {
        throw MergeError(std::string("The merge cannot delete the ") +
                         label_in_sentence(records_.registry().get(kind).label) + " '" +
                         title_of(writes_[write_index_.at(id)]) + "': " + refused.what());
      }
      continue;
    }
    Transaction attempt(db_);
    try {
      records_.detach_merged(kind, id, stamp_);
      attempt.commit();
    } catch (const StoreError& refused) {
      add_rule_conflict(writes_[write_index_.at(id)], refused.what());
    }
  }
  // Their parts went with them, some of which the merge had just written live.
  for (RecordDecision& decision : writes_) {
    if (decision.deleted) continue;
    const std::optional<Record> now = select_record(db_, *decision.def, bundle_.records[decision.index].id);
    if (now && now->deleted) flags_[decision.index].live_after = false;
  }
}

// Every record the merge wrote that is live is derived again and checked against the rules.
void MergeRun::refresh_all() {
  for (const RecordDecision& decision : writes_) {
    const bool new_here = decision.added() || decision.local->deleted;
    if (decision.deleted || (!new_here && decision.changed.empty())) continue;
    const std::string& id = bundle_.records[decision.index].id;
    // A preview goes on past a record that breaks a rule, so that record's writes are undone
    // alone; anywhere else the first one ends the merge, and the whole transaction is undone.
    std::optional<Transaction> attempt;
    if (mode_ == MergeMode::Plan) attempt.emplace(db_);
    try {
      records_.refresh_merged(decision.def->kind, id, stamp_);
      if (attempt) attempt->commit();
    } catch (const ValidationError& refused) {
      const std::string message =
          refused.errors().empty() || dynamic_cast<const DependentRuleError*>(&refused) != nullptr
              ? refused.what()
              : refused.errors().front().message;
      if (mode_ == MergeMode::Plan) {
        add_rule_conflict(decision, message);
        continue;
      }
      const std::string what = label_in_sentence(decision.def->label) + " '" + title_of(decision) + "'";
      if (mode_ == MergeMode::Import) {
        throw MergeError("The bundle's " + what + " breaks a rule: " + message + " The bundle was not imported.");
      }
      throw MergeError("The merged " + what + " would break a rule: " + message +
                       (resolutions_.for_record(id) ? " Choose the other side for this record as a whole, then merge."
                                                    : " Preview the merge again and choose a side for it."));
    }
  }
}

void MergeRun::add_rule_conflict(const RecordDecision& decision, const std::string& message) {
  const BundleRecord& remote = bundle_.records[decision.index];
  Conflict conflict;
  conflict.type = ConflictType::Rule;
  conflict.kind = remote.kind;
  conflict.id = remote.id;
  conflict.why = "Together, the changes here and in the bundle break a rule: " + message;
  conflict.chosen = resolutions_.for_record(remote.id);
  conflict.mine.text = differing_fields(decision, Side::Mine);
  conflict.theirs.text = differing_fields(decision, Side::Theirs);
  conflicts_.push_back(std::move(conflict));
  flags_[decision.index].conflicting = true;
}

// The contents the merged attachment records refer to that the workspace lacks and the bundle
// carries. Plan only counts them.
// The contents the merged records name that this copy lacks, from the bundle's bytes. Contents
// this copy freed on purpose (attachments::free_deleted) come back only for an attachment that is
// live after the merge: a colleague's bundle must not undo the freeing of deleted evidence.
std::size_t MergeRun::store_attachments() {
  std::map<std::string, const BundleAttachment*> carried;
  for (const BundleAttachment& attachment : bundle_.attachments) {
    if (attachment.bytes) carried.emplace(attachment.sha256, &attachment);
  }
  if (carried.empty()) return 0;
  std::set<std::string> freed;
  if (db_.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'freed_contents'").step()) {
    Statement query = db_.prepare("SELECT sha256 FROM freed_contents");
    while (query.step()) freed.insert(query.column_text(0));
  }
  std::size_t stored = 0;
  Statement query =
      db_.prepare("SELECT sha256, max(deleted = 0) FROM rec_attachment WHERE sha256 IS NOT NULL GROUP BY sha256");
  while (query.step()) {
    const std::string digest = query.column_text(0);
    const bool live = query.column_int64(1) != 0;
    const auto found = carried.find(digest);
    if (found == carried.end() || workspace_.blobs().has(digest)) continue;
    const bool was_freed = freed.count(digest) != 0;
    if (was_freed && !live) continue;
    if (mode_ != MergeMode::Plan) {
      workspace_.blobs().put(*found->second->bytes);
      if (was_freed) {
        Statement unfreed = db_.prepare("DELETE FROM freed_contents WHERE sha256 = ?");
        unfreed.bind(1, digest);
        unfreed.step();
      }
    }
    ++stored;
  }
  return stored;
}

MergeOutcome MergeRun::outcome(std::size_t attachments) {
  MergeOutcome result;
  for (std::size_t i = 0; i < bundle_.records.size(); ++i) {
    const Flags& flags = flags_[i];
    MergeCounts& counts = result.by_kind[bundle_.records[i].kind];
    std::size_t MergeCounts::*slot = &MergeCounts::unchanged;
    if (flags.conflicting) {
      slot = &MergeCounts::conflicting;
    } else if (!flags.live_before && flags.live_after) {
      slot = &MergeCounts::added;
    } else if (flags.live_before && !flags.live_after) {
      slot = &MergeCounts::deleted;
    } else if (flags.live_before && flags.changed) {
      slot = &MergeCounts::changed;
    }
    ++(counts.*slot);
    ++(result.total.*slot);
  }
  result.conflicts = conflicts_;
  result.same_as_here = same_as_here_;
  result.compared = compared_;
  result.change_set = stamp_.change_set;
  result.attachments = attachments;
  return result;
}

void MergeRun::refuse_unresolved() {
  std::size_t open = 0;
  std::optional<Conflict> first;
  for (const Conflict& conflict : conflicts_) {
    if (resolutions_.for_conflict(conflict)) continue;
    if (!first) first = conflict;
    ++open;
  }
  if (!first) throw MergeError("Some conflicts have no choice yet. Keep yours or take theirs for each, then merge.");
  describe(*first);
  throw MergeError(std::to_string(open) + (open == 1 ? " conflict has" : " conflicts have") +
                   " no choice yet (the first: " + conflict_subject(*first, workspace_.registry()) +
                   "). Keep yours or take theirs for each, then merge.");
}

}  // namespace isms::bundle::detail
