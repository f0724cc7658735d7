#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/entity.hpp"
#include "core/store/record_query.hpp"
#include "core/store/repository.hpp"

// A register table as a CSV file that Excel and LibreOffice open as they should: UTF-8 with a
// byte order mark (without it Excel reads the bytes as the Windows code page), RFC 4180 quoting,
// CRLF line ends, and cells neutralised against formula injection.
namespace isms::report {

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// One cell as written to the file. Text that starts with =, +, -, @, a tab or a carriage return
// gets a single quote in front, inside the cell: a spreadsheet would otherwise run it as a
// formula (=HYPERLINK(...) sending data away, or worse), and the quote makes it plain text there.
// A `numeric` cell (a number the register itself wrote, from an Integer, Number or Rating value)
// is left as it is, so that -3 stays the number -3 in the spreadsheet; numbers we format never
// hold anything but digits, a sign, a point and an exponent. Then the cell is quoted when it holds
// a comma, a double quote, CR or LF, with its double quotes doubled.
std::string csv_cell(std::string_view text, bool numeric = false);

// The file of what a register table shows: the query's rows (its filter, order, limit) with the
// given columns, in that order. The first line holds the columns' labels; each cell is
// cell_text() of the field (enum labels, link titles, ISO dates, shortest exact numbers).
// No columns given means every field of the definition, in its order. std::invalid_argument
// (naming the key) for a column that is not a field of the register, and for what the query
// itself refuses (record_query.hpp). One query for the rows, and the linked titles read a few
// hundred at a time, so a register of 10,000 rows costs a handful of queries.
std::string table_csv(const Repository& records, const EntityDef& def, const std::vector<std::string>& column_keys,
                      const RecordQuery& query);

}  // namespace isms::report
