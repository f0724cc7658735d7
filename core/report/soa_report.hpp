#pragma once

#include <string>

#include "core/report/page.hpp"
#include "core/workspace/workspace.hpp"

namespace isms::report {

// The Statement of Applicability (ISO/IEC 27001:2022 6.1.3 d)) as a printable page: coverage in
// figures, then the live Annex A controls by theme (organizational, people, physical,
// technological) in reference order, then the organisation's own controls. Each control with
// whether it applies, the justification, its implementation status, its owner and how many live
// risks it treats.
std::string soa_report(const Workspace& workspace, const ReportContext& context);

}  // namespace isms::report
