#pragma once
// One cell of a register table: statuses as coloured chips, passed deadlines in red with a
// warning sign, everything else as the text core's report::cell_text makes (the CSV's text too).

#include <string>

#include "core/model/entity.hpp"
#include "core/report/table_text.hpp"
#include "core/store/record.hpp"

namespace isms::app::views {

void table_cell(const EntityDef& def, const FieldDef& field, const Record& record, report::TitleCache& titles,
                const std::string& today);

}  // namespace isms::app::views
