#pragma once

#include <string>

#include "core/report/page.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::report {

// The report of one internal audit (ISO/IEC 27001:2022 9.2), titled "Internal audit report:
// <its title>": programme, status, scope, criteria, auditors, auditees, planned and actual dates;
// the summary; the checklist results in figures and grouped by result, most serious first (major
// nonconformity, minor nonconformity, opportunity for improvement, observation, conform, not
// assessed), each item with the clause or control it checks, the question, the evidence and the
// nonconformity raised; then the nonconformities raised from the audit's findings (severity,
// raised on, status, corrective actions done). StoreError "No internal audit with id <id> exists;
// it may have been deleted. Choose an audit from the list of internal audits." for a missing or
// deleted audit.
std::string audit_report(const Workspace& workspace, const std::string& audit_id, const ReportContext& context);

}  // namespace isms::report
