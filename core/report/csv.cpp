#include "core/report/csv.hpp"

#include <stdexcept>
#include <variant>

#include "core/model/links.hpp"
#include "core/report/table_text.hpp"

namespace isms::report {
namespace {

constexpr std::string_view line_end = "\r\n";  // RFC 4180, and what Excel writes itself

// The OWASP list of characters a spreadsheet reads as the start of a formula (tab and CR because
// some spreadsheets drop them and then read what follows).
bool starts_formula(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

bool needs_quotes(std::string_view text) { return text.find_first_of(",\"\r\n") != std::string_view::npos; }

std::vector<const FieldDef*> columns_of(const EntityDef& def, const std::vector<std::string>& keys) {
  std::vector<const FieldDef*> columns;
  if (keys.empty()) {
    for (const FieldDef& field : def.fields) columns.push_back(&field);
    return columns;
  }
  for (const std::string& key : keys) {
    const FieldDef* field = def.field(key);
    if (field == nullptr)
      throw std::invalid_argument("The register " + def.kind + " has no field " + key + " to export.");
    columns.push_back(field);
  }
  return columns;
}

void append_row(std::string& out, const std::vector<std::string>& cells, const std::vector<bool>& numeric) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i != 0) out += ',';
    out += csv_cell(cells[i], numeric[i]);
  }
  out += line_end;
}

bool is_number(const Value& value) {
  return std::holds_alternative<std::int64_t>(value) || std::holds_alternative<double>(value);
}

}  // namespace

std::string csv_cell(std::string_view text, bool numeric) {
  std::string cell;
  if (!numeric && starts_formula(text)) cell += '\'';
  cell += text;
  if (!needs_quotes(cell)) return cell;
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::string table_csv(const Repository& records, const EntityDef& def, const std::vector<std::string>& column_keys,
                      const RecordQuery& query) {
  const std::vector<const FieldDef*> columns = columns_of(def, column_keys);
  const std::vector<Record> rows = records.query(def.kind, query);

  TitleCache titles(records);
  for (const FieldDef* field : columns) {
    if (!is_link_type(field->type)) continue;
    std::vector<std::string> ids;
    for (const Record& row : rows) {
      for (std::string& id : linked_ids(*field, row.get(field->key))) ids.push_back(std::move(id));
    }
    titles.prefetch(field->link_kind, ids);
  }

  std::string out(utf8_bom);
  std::vector<std::string> cells;
  std::vector<bool> numeric(columns.size(), false);
  for (const FieldDef* field : columns) cells.push_back(field->label);
  append_row(out, cells, numeric);
  for (const Record& row : rows) {
    cells.clear();
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const Value& value = row.get(columns[i]->key);
      cells.push_back(cell_text(*columns[i], value, titles));
      numeric[i] = is_number(value);
    }
    append_row(out, cells, numeric);
  }
  return out;
}

}  // namespace isms::report
