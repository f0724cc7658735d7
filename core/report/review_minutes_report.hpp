#pragma once

#include <string>

#include "core/report/page.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::report {

// The minutes of one management review (ISO/IEC 27001:2022 9.3), titled "Minutes: <its title>": date, status,
// attendees; the agenda; the ten inputs of 9.3.2 in the standard's order, each with its summary and the review's
// conclusion ("Not recorded for this review." for one the review lacks), then any other topic it considered; the
// decisions and outputs of 9.3.3 and the minutes; the actions decided (owner, due date, status, "Overdue" when past due
// before the context's day and not finished); and the approval. StoreError "No management review with id <id> exists;
// it may have been deleted. Choose a review from the list of management reviews." for a missing or deleted review.
std::string review_minutes_report(const Workspace& workspace, const std::string& review_id,
                                  const ReportContext& context);

}  // namespace isms::report
