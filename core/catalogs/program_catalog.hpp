#pragma once

#include <string>
#include <vector>

// The ISMS program of the seed (its components A1-F2 and its six-month example timeline) and the
// inputs a management review considers (ISO/IEC 27001:2022 9.3.2), as compiled in from
// assets/catalogs/isms-program.json and management-review-inputs.json.
namespace isms::catalogs {

// A group of program components: the seed's section 2 headings A to F.
struct ProgramGroup {
  std::string id;     // "a": the program component register's Group value
  std::string title;  // "ISMS Objectives and Requirements Development"
};

struct ProgramComponent {
  std::string slug;                  // "a1": stable, the seeded record's id is "component-a1"
  std::string ref;                   // "A1"
  std::string group;                 // "a", a ProgramGroup's id
  std::string title;                 // "Objective Setting"
  std::vector<std::string> actions;  // the seed's bullet points, as it words them
  std::vector<std::string> tools;
  std::string owner_role;  // a role slug of isms-roles.json ("isms-manager"): this program's choice
};

// One activity of the example timeline (seed section 3 lists two per month).
struct ProgramMilestone {
  std::string slug;        // "1a": the seeded record's id is "milestone-1a"
  int month = 1;           // 1 to 6 in the seed
  std::string activity;    // "Objective setting workshop"
  std::string owner_role;  // a role slug, as for components
};

// One of the topics a management review must consider.
struct ReviewInputTopic {
  std::string id;     // "a", "b", "c", "d1" ... "d4", "e", "f", "g"
  std::string topic;  // "Status of actions from previous management reviews"
};

// Parsed once from the compiled-in JSON, in the reference's order. std::logic_error if the data is
// malformed (a duplicate id, an unknown group or role, a month outside 1..24): a build mistake,
// caught by the tests, never a user's.
const std::vector<ProgramGroup>& program_groups();                // the 6 groups A to F
const std::vector<ProgramComponent>& program_components();        // the 11 components A1 to F2
const std::vector<ProgramMilestone>& program_milestones();        // the 12 activities of months 1 to 6
const std::vector<ReviewInputTopic>& management_review_inputs();  // the 10 inputs of 9.3.2

}  // namespace isms::catalogs
