#include "core/bundle/merge.hpp"

#include "core/bundle/merge_engine.hpp"

namespace isms::bundle {

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

MergePreview plan_merge(const Workspace& workspace, const Bundle& bundle, const Resolutions& chosen) {
  // The trial writes inside a transaction that is always rolled back, so the workspace is as it
  // was (byte for byte: an outermost rollback leaves the file untouched) and logically const.
  Workspace& trial = const_cast<Workspace&>(workspace);
  detail::MergeOutcome outcome =
      detail::MergeRun(trial, bundle, chosen, detail::MergeMode::Plan, "Merge preview", MergeOptions{}).run();
  MergePreview preview;
  preview.by_kind = std::move(outcome.by_kind);
  preview.total = outcome.total;
  preview.conflicts = std::move(outcome.conflicts);
  preview.attachments_to_add = outcome.attachments;
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
  return result;
}

}  // namespace isms::bundle
