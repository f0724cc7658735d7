#pragma once

#include <string>

#include "core/report/page.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::report {

// The risk register with its treatment plan (ISO/IEC 27001:2022 6.1.2, 6.1.3, 8.2, 8.3): the
// risk method and the key figures; then the live risks, open ones first, highest current score
// (residual, else inherent) first, numbered R1, R2, ... with owner, inherent and residual
// likelihood x impact = score and level, treatment option and status; then, per risk, its
// treatment actions by due date (owner, dates, progress, status, and "Overdue" when the due date
// has passed before the context's day while the action is planned or in progress).
std::string risk_report(const Workspace& workspace, const ReportContext& context);

}  // namespace isms::report
