#pragma once

#include <string>
#include <string_view>

#include "core/report/html.hpp"
#include "core/util/clock.hpp"
#include "core/workspace/workspace.hpp"

// The frame every printable report shares: one self-contained HTML file (inline CSS, no script,
// nothing fetched), a header with the client, workspace, consultant, date and app version, print
// styles (A4, margins, page numbers, tables that break between rows), and a footer. A browser
// prints it or saves it as PDF.
namespace isms::report {

// What a report is made at. Passed in rather than read from a clock so that tests (and the
// person comparing two printouts) get the same report from the same data.
struct ReportContext {
  // As Clock::now_utc() writes it: "2026-11-26T09:30:00Z". Shown in the header; its day is
  // "today" for what is overdue, late or upcoming.
  std::string now_utc;

  std::string today() const;       // "2026-11-26"
  std::string shown_time() const;  // "2026-11-26 09:30 UTC"; the text as given if it has another shape
};

ReportContext context_at(const Clock& clock);

enum class Orientation { Portrait, Landscape };  // landscape for the wide registers (risks, SoA)

// The whole document around `body`: `title` is the report's name ("Statement of Applicability").
std::string page(const Workspace& workspace, const ReportContext& context, std::string_view title, const Html& body,
                 Orientation orientation = Orientation::Portrait);

}  // namespace isms::report
