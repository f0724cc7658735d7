#include "core/store/record_query.hpp"

#include <stdexcept>

#include "core/store/record_rows.hpp"
#include "core/store/sql_text.hpp"

namespace isms {
namespace {

struct Sql {
  std::string text;
  std::vector<Value> parameters;
};

bool is_system_column(const std::string& name) { return name == "created_at" || name == "updated_at"; }

const FieldDef* checked_field(const EntityDef& def, const std::string& name) {
  const FieldDef* field = def.field(name);
  if (field == nullptr && !is_system_column(name)) {
    throw std::invalid_argument("The register " + def.kind + " has no field " + name + " to query.");
  }
  return field;
}

const char* comparison(Condition::Op op) {
  switch (op) {
    case Condition::Op::Equal:
      return " = ?";
    case Condition::Op::NotEqual:
      return " IS NOT ?";  // a record without a value is "not equal" too
    case Condition::Op::Less:
      return " < ?";
    case Condition::Op::LessOrEqual:
      return " <= ?";
    case Condition::Op::Greater:
      return " > ?";
    case Condition::Op::GreaterOrEqual:
      return " >= ?";
    default:
      return "";
  }
}

void add_condition(const EntityDef& def, const Condition& condition, Sql& sql) {
  checked_field(def, condition.field);
  const std::string column = quote_identifier(condition.field);
  switch (condition.op) {
    case Condition::Op::IsNull:
      sql.text += " AND " + column + " IS NULL";
      return;
    case Condition::Op::NotNull:
      sql.text += " AND " + column + " IS NOT NULL";
      return;
    case Condition::Op::In:
    case Condition::Op::NotIn: {
      const bool negated = condition.op == Condition::Op::NotIn;
      if (condition.values.empty()) {  // "in nothing" matches nothing; "not in nothing" everything
        if (!negated) sql.text += " AND 0";
        return;
      }
      std::string marks;
      for (const Value& value : condition.values) {
        marks += marks.empty() ? "?" : ", ?";
        sql.parameters.push_back(value);
      }
      sql.text += negated ? " AND coalesce(" + column + " NOT IN (" + marks + "), 1)"
                          : " AND " + column + " IN (" + marks + ")";
      return;
    }
    default:
      if (condition.values.size() != 1) {
        throw std::invalid_argument("A comparison of " + condition.field + " needs exactly one value.");
      }
      sql.text += " AND " + column + comparison(condition.op);
      sql.parameters.push_back(condition.values.front());
  }
}

void add_text_search(const EntityDef& def, const std::string& text, Sql& sql) {
  if (text.empty()) return;
  // instr over lower(): LIKE would treat % and _ in the search as wildcards. SQLite's lower()
  // folds ASCII only, which matches how people type ids and most names.
  std::string any;
  for (const FieldDef& field : def.fields) {
    if (field.type != FieldType::Text && field.type != FieldType::LongText) continue;
    any += (any.empty() ? "" : " OR ") + std::string("instr(lower(") + quote_identifier(field.key) + "), lower(?)) > 0";
    sql.parameters.push_back(text);
  }
  if (!any.empty()) sql.text += " AND (" + any + ")";
}

std::string sort_expression(const EntityDef& def, const SortKey& key) {
  const FieldDef* field = checked_field(def, key.field);
  const std::string column = quote_identifier(key.field);
  if (field != nullptr && field->type == FieldType::Enum) {
    std::string cases = "CASE " + column;
    for (std::size_t i = 0; i < field->options.size(); ++i) {
      cases += " WHEN '" + field->options[i].value + "' THEN " + std::to_string(i);  // values are plain words
    }
    return cases + " END";
  }
  if (field != nullptr && (field->type == FieldType::Text || field->type == FieldType::LongText)) {
    return column + " COLLATE NOCASE";
  }
  return column;
}

Sql where_clause(const EntityDef& def, const RecordQuery& query) {
  Sql sql{query.include_deleted ? " WHERE 1" : " WHERE deleted = 0", {}};
  for (const Condition& condition : query.where) add_condition(def, condition, sql);
  add_text_search(def, query.text, sql);
  return sql;
}

Statement prepared(const Database& db, const Sql& sql) {
  Statement statement = db.prepare(sql.text);
  int index = 1;
  for (const Value& value : sql.parameters) statement.bind(index++, value);
  return statement;
}

}  // namespace

std::vector<Record> run_query(const Database& db, const EntityDef& def, const RecordQuery& query) {
  Sql sql = where_clause(def, query);
  sql.text = select_sql(def) + sql.text + " ORDER BY ";
  for (const SortKey& key : query.order) {
    const std::string expression = sort_expression(def, key);
    sql.text += "(" + expression + ") IS NULL, " + expression + (key.descending ? " DESC, " : ", ");
  }
  sql.text += "created_at, id";
  if (query.limit != 0 || query.offset != 0) {
    sql.text += " LIMIT " + (query.limit != 0 ? std::to_string(query.limit) : std::string("-1")) + " OFFSET " +
                std::to_string(query.offset);
  }
  Statement statement = prepared(db, sql);
  std::vector<Record> records;
  while (statement.step()) records.push_back(read_record(def, statement));
  return records;
}

std::size_t count_query(const Database& db, const EntityDef& def, const RecordQuery& query) {
  Sql sql = where_clause(def, query);
  sql.text = "SELECT count(*) FROM " + quote_identifier(def.table()) + sql.text;
  Statement statement = prepared(db, sql);
  statement.step();
  return static_cast<std::size_t>(statement.column_int64(0));
}

}  // namespace isms
