#pragma once

#include <string_view>

namespace isms::catalogs {

// The reference files in assets/catalogs/, compiled in verbatim by core/CMakeLists.txt
// (catalog_json.cpp.in), so the program needs no download and no file beside it.
std::string_view annex_a_json();    // iso27001-2022-annex-a.json
std::string_view clauses_json();    // iso27001-2022-clauses.json
std::string_view processes_json();  // isms-processes.json
std::string_view roles_json();      // isms-roles.json
std::string_view program_json();    // isms-program.json: the program's components and timeline
// management-review-inputs.json: the inputs of a management review (9.3.2)
std::string_view management_review_inputs_json();

}  // namespace isms::catalogs
