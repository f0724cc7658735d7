#pragma once

#include <string>

#include "core/report/page.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::report {

// The program status report for senior management (the seed's section 5 B, "regular reports to
// senior management on ISMS performance"), as of the context's day:
//  - program progress: milestones done, their mean progress, components in place and effective,
//    and the late milestones (core/program/program_figures.hpp);
//  - KPI status: how many in each status, and each KPI's latest value, target, status and trend;
//  - objectives by status, and each objective's owner and due date;
//  - open risks above the risk appetite, and how many treatment actions are overdue;
//  - open nonconformities (by severity) and overdue corrective actions;
//  - upcoming audits (planned or in progress) and management reviews (planned), by date, with
//    "Date passed" for those whose date is before the day.
std::string program_report(const Workspace& workspace, const ReportContext& context);

}  // namespace isms::report
