#include "core/bundle/merge.hpp"

#include "core/bundle/merge_engine.hpp"

#include <sqlite3.h>

namespace isms::bundle {

std::int64_t detail::changes_so_far(const Database& db) { return sqlite3_total_changes64(db.handle()); }

bool MergePreview::resolved() const {
  for (const Conflict& conflict : conflicts) {
    if (!conflict.chosen) return false;
  }
  return true;
}

void Resolutions::choose(const std::string& id, const std::string& field, Side side) { fields_[{id, field}] = side; }

void Resolutions::choose_record(const std::string& id, Side side) { records_[id] = side; }

std::optional<Side> Resolutions::for_field(const std::string& id, const std::string& field) const {
  if (const auto found = fields_.find({id, field}); found != fields_.end()) return found->second;
  return for_record(id);
}

std::optional<Side> Resolutions::for_record(const std::string& id) const {
  if (const auto found = records_.find(id); found != records_.end()) return found->second;
  return std::nullopt;
}

std::optional<Side> Resolutions::for_conflict(const Conflict& conflict) const {
  if (conflict.type == ConflictType::Rule) return for_record(conflict.id);
  return for_field(conflict.id, conflict.field);
}

MergePreview plan_merge(const Workspace& workspace, const Bundle& bundle, const Resolutions& chosen,
                        const MergePreview* earlier) {
  // The trial writes inside a transaction that is always rolled back, so the workspace is as it
  // was (byte for byte: an outermost rollback leaves the file untouched) and logically const.
  Workspace& trial = const_cast<Workspace&>(workspace);
  MergeOptions options;
  options.preview = earlier;
  detail::MergeOutcome outcome =
      detail::MergeRun(trial, bundle, chosen, detail::MergeMode::Plan, "Merge preview", options).run();
  MergePreview preview;
  auto memo = std::make_shared<detail::PlanMemo>();
  memo->bundle = &bundle;
  memo->same_as_here = std::move(outcome.same_as_here);
  memo->changes = detail::changes_so_far(trial.database());  // after the trial's rollback
  preview.memo = std::move(memo);
  preview.by_kind = std::move(outcome.by_kind);
  preview.total = outcome.total;
  preview.conflicts = std::move(outcome.conflicts);
  preview.attachments_to_add = outcome.attachments;
  preview.records_compared = outcome.compared;
  return preview;
}

MergeResult apply_merge(Workspace& workspace, const Bundle& bundle, const Resolutions& resolutions,
                        const MergeOptions& options) {
  const std::string description = "Merged bundle from " + bundle.exported_by + ", exported " + bundle.exported_at;
  detail::MergeOutcome outcome =
      detail::MergeRun(workspace, bundle, resolutions, detail::MergeMode::Apply, description, options).run();
  MergeResult result;
  result.by_kind = std::move(outcome.by_kind);
  result.total = outcome.total;
  result.change_set = std::move(outcome.change_set);
  result.attachments_added = outcome.attachments;
  result.records_compared = outcome.compared;
  return result;
}

}  // namespace isms::bundle
