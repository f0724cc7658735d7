#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/record.hpp"

namespace isms {

class Repository;

// Versions of policies and other documents (7.5.3: changes to documented information are
// controlled, and superseded versions stay identifiable). A new version is a new record that
// points at the one it replaces (`supersedes`); the old record is kept as it was, moved to
// "under revision" while its successor is drafted, reviewed and approved, and retired when the
// successor is published. So the history of every version stays complete and nothing approved
// is ever overwritten.

// Starts the next version of a published document: creates a draft copy of it with `supersedes`
// set to it, version `new_version` (trimmed) and no approval (approved by, on and version, and
// the disposal date, belong to the old text), and moves the old one to "under revision", all in
// one transaction. Returns the new record's id.
// ValidationError (nothing written) when the document is not published, or when the new version
// is empty or equals the current one; StoreError when there is no live document with that id.
std::string start_new_version(Repository& records, const std::string& policy_id, std::string new_version);

// Publishes an approved document and, in the same transaction, retires the version it supersedes
// if that one is still published or under revision. The repository's rules decide the rest: a
// document that is not approved is refused with the lifecycle's message, and nothing is written.
// StoreError when there is no live document with that id.
void publish(Repository& records, const std::string& policy_id);

// Approved and published documents whose next review is due on or before today + within_days
// (overdue ones included), earliest first, then by title. Documents still being written, under
// revision or retired are left out: their review is under way or no longer needed.
// std::invalid_argument when `today` is not a "YYYY-MM-DD" date.
std::vector<Record> policies_due_for_review(const Repository& records, std::string_view today, int within_days);

}  // namespace isms
