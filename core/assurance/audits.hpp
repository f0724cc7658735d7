#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/store/repository.hpp"

// Internal audits (9.2) and nonconformities (10.2): the operations that span several records.
// The registers' own rules are in core/model/registers/audit.cpp and nonconformity.cpp; each
// operation below is one transaction, so it happens completely or not at all.
namespace isms {

// Adds one checklist item to the audit for each chosen clause ("clause-6.1.2") or control
// ("annex-a-5.1", or a custom control's id), in the order given, with the clause or control
// linked and a question made from its reference and title:
//   "Is clause 6.1.2 (Information security risk assessment) met?"
//   "Is control 5.1 (Policies for information security) implemented and effective?"
// Ids already on the audit's checklist, and repeats within the list, are skipped. Returns how
// many items were added. StoreError when there is no live audit with that id; ValidationError
// naming "clause" (nothing written) for an id that is neither a clause nor a control, and the
// checklist item's own refusal for a deleted one.
std::size_t build_checklist(Repository& records, const std::string& audit_id,
                            const std::vector<std::string>& clause_and_control_ids);

// Raises the nonconformity for a checklist item whose result is a minor or major nonconformity,
// and links it on the item, in one step. The nonconformity gets source "audit", the severity of
// the result, the item's clause or control, the item as its audit finding, a title naming what
// was checked, a description made of the audit's title, the question and the evidence notes, and
// status open. It is raised on the audit's actual end when one is recorded (findings are raised
// at the close of the audit), otherwise on the day the finding was last changed; it is raised by
// the audit's auditor when the audit has exactly one. Returns the nonconformity's id.
// StoreError when there is no live checklist item with that id. ValidationError (nothing written):
//  - "result": "A nonconformity can be raised only for a finding whose result is a minor or major
//    nonconformity; this one is Observation."
//  - "nonconformity": "A nonconformity was already raised for this finding ('<its title>')."
std::string raise_nonconformity(Repository& records, const std::string& audit_item_id);

// Records the review of whether a nonconformity's corrective actions worked (10.2 d)): review
// date, reviewer, outcome and note. Effective closes the nonconformity; ineffective reopens it
// (status back to Actions planned) so that new actions can be planned. The review is kept either
// way, and every earlier review stays in the record's history.
// Allowed in Verification, and in Closed (a later look: effective keeps it closed, ineffective
// reopens it). StoreError when there is no live nonconformity with that id; ValidationError
// naming "status" in any other status ("An effectiveness review is recorded once the corrective
// actions are done and the nonconformity is in verification; it is open now."), and the
// register's own refusals (a missing reviewer, a date before the nonconformity was raised).
void record_effectiveness_review(Repository& records, const std::string& nc_id, const std::string& reviewer_id,
                                 std::string date, bool effective, std::string note);

}  // namespace isms
