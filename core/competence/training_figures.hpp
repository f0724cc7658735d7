#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/figures/figures.hpp"
#include "core/store/repository.hpp"

// The figures of competence and awareness (seed C1, ISO/IEC 27001:2022 7.2) and of the reports to
// senior management (seed section 5 B), computed from the live records. "today" is "YYYY-MM-DD";
// std::invalid_argument when it is not such a date.
//
// What is required of whom:
//  - A training is the set of mandatory sessions that are held on or before today and share a
//    topic (ignoring ASCII case) and an audience role. Repeats of a session are one training, so
//    attending any one of them is enough; sessions still planned, cancelled or not mandatory
//    require nothing. Its topic is the latest session's, and so is its recurrence.
//  - It is required of every active person (person status Active) in its audience: everyone when
//    the audience is empty, else the people whose role is that role (sessions for a deleted role
//    require nothing). The session's kind (general or role-specific) describes its content; the
//    audience alone says who must attend.
//  - A person has it when they attended (Attended: Yes) one of its sessions, and, when it recurs
//    every N months, the latest of those sessions is no more than N months before today (due again
//    on that day, overdue the day after).
// Each required (person, training) pair is either covered or overdue, so the uncovered pairs of
// training_coverage() are exactly the rows of people_overdue_training().
//
// Speed: four SQL queries, one pass over each table (roles, active people, the held mandatory
// sessions, and the attended rows), then work in memory; none per record. The attendance table is
// the large one (50,000 rows on the benchmark) and is scanned once, its sessions matched in memory.
namespace isms::figures {

struct TrainingCoverage {
  std::string role_id;        // "" for the trainings required of everyone
  std::string role_name;      // "Everyone" for those
  std::size_t trainings = 0;  // trainings whose audience is this role (or everyone)
  std::size_t people = 0;     // active people in it: everyone, or whose role it is
  std::size_t required = 0;   // trainings x people: the (person, training) pairs required
  std::size_t covered = 0;    // of those, the pairs the person has (see above)

  // covered / required; 1 when nothing is required, since nothing is missing.
  double share() const { return required == 0 ? 1.0 : static_cast<double>(covered) / static_cast<double>(required); }
};

// One row for everyone, first, then one per live role by name (roles without trainings or people
// included, with zeros). The rows do not overlap: a role's row counts only the trainings aimed at
// that role, and the trainings for everyone count once, in the first row.
std::vector<TrainingCoverage> training_coverage(const Repository& records, std::string_view today);

// Active people who do not have a training required of them (never attended, or the recurrence
// has lapsed): one row per person and training, kind "person", the person's id and name, and the
// training's topic as the detail. Sorted by person name (ignoring case), then topic.
std::vector<Flagged> people_overdue_training(const Repository& records, std::string_view today);

// Active scheduled reports whose next due date is before today (due today is not overdue yet);
// the detail is the next due date. Oldest first, then by title. Paused and retired ones are left out.
std::vector<Flagged> reports_overdue(const Repository& records, std::string_view today);

}  // namespace isms::figures
