#pragma once

#include <string>
#include <string_view>

#include "core/figures/figures.hpp"

// What the figure modules share for counting records by an Enum field (core/figures,
// core/assurance, core/operations, ...).
namespace isms::figures {

// Every option of the field at 0, so a chart shows the empty bars too.
Counts zero_counts(const Repository& records, std::string_view kind, std::string_view field);

// Live records of `kind` by `field`, in one "SELECT field, count(*) ... GROUP BY" pass; every
// option present, "" for records without a value. `where` adds conditions: " AND status <> 'x'"
// (SQL written in code, never from input).
Counts count_by(const Repository& records, std::string_view kind, std::string_view field,
                const std::string& where = {});

}  // namespace isms::figures
