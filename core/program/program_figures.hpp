#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/figures/figures.hpp"
#include "core/model/record.hpp"
#include "core/store/repository.hpp"

// The program's figures (seed sections 2 and 3): how far the timeline and the components are, and
// which milestones are late. One SQL query each, over the live records; "today" is "YYYY-MM-DD".
namespace isms::figures {

struct ProgramProgress {
  std::size_t milestones = 0;            // live milestones
  std::size_t milestones_done = 0;       // of those, done
  double mean_progress = 0;              // their mean Progress (%), an empty one counting 0; 0 without milestones
  std::size_t components = 0;            // live program components
  std::size_t components_in_place = 0;   // of those, in place or effective
  std::size_t components_effective = 0;  // of those, effective
};
ProgramProgress program_progress(const Repository& records);

// A milestone whose planned end is before `today` while it is not done. Ending today is not late
// yet; a milestone without a planned end is never late. Computed, never stored, so it cannot go
// stale overnight.
bool is_late(const Record& milestone, std::string_view today);

// The live milestones that are late (is_late), by planned end, then month; the detail is the
// planned end.
std::vector<Flagged> late_milestones(const Repository& records, std::string_view today);

}  // namespace isms::figures
