#include <sqlite3.h>

#include "core/store/sqlite.hpp"

#include <cstring>

namespace isms {

Statement::~Statement() {
  if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)), sql_(std::move(other.sql_)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
    sql_ = std::move(other.sql_);
  }
  return *this;
}

sqlite3_stmt* Statement::require() const {
  if (stmt_ == nullptr) throw StoreError("Statement is empty (moved from or never prepared)");
  return stmt_;
}

void Statement::check_bind(int result, int index) {
  if (result != SQLITE_OK) {
    throw StoreError("Cannot bind parameter " + std::to_string(index) + " of [" + sql_ + "]: " + sqlite3_errmsg(db_),
                     result);
  }
}

Statement& Statement::bind(int index, std::int64_t value) {
  check_bind(sqlite3_bind_int64(require(), index, value), index);
  return *this;
}

Statement& Statement::bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }

Statement& Statement::bind(int index, double value) {
  check_bind(sqlite3_bind_double(require(), index, value), index);
  return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
  // SQLITE_TRANSIENT: SQLite copies the text, so the caller's string may go away before step().
  check_bind(sqlite3_bind_text64(require(), index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
  return *this;
}

Statement& Statement::bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }

Statement& Statement::bind(int index, const char* value) {
  if (value == nullptr) return bind(index, nullptr);
  return bind(index, std::string_view(value));
}

Statement& Statement::bind(int index, std::nullptr_t) {
  check_bind(sqlite3_bind_null(require(), index), index);
  return *this;
}

Statement& Statement::bind(int index, const Value& value) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return bind(index, *integer);
  if (const auto* real = std::get_if<double>(&value)) return bind(index, *real);
  if (const auto* text = std::get_if<std::string>(&value)) return bind(index, std::string_view(*text));
  return bind(index, nullptr);
}

int Statement::parameter_index(std::string_view name) const {
  const int index = sqlite3_bind_parameter_index(require(), std::string(name).c_str());
  if (index == 0) throw StoreError("No parameter " + std::string(name) + " in [" + sql_ + "]");
  return index;
}

void Statement::clear_bindings() { sqlite3_clear_bindings(require()); }

bool Statement::step() {
  const int result = sqlite3_step(require());
  if (result == SQLITE_ROW) return true;
  if (result == SQLITE_DONE) return false;
  throw StoreError("SQL failed [" + sql_ + "]: " + sqlite3_errmsg(db_), result);
}

void Statement::reset() {
  // The error of a failed step() is reported again by reset(); it was already thrown by step().
  sqlite3_reset(require());
}

int Statement::column_count() const { return sqlite3_column_count(require()); }

void Statement::check_column(int column) const {
  if (column < 0 || column >= column_count()) {
    throw StoreError("Column " + std::to_string(column) + " out of range in [" + sql_ + "]");
  }
}

std::string Statement::column_name(int column) const {
  check_column(column);
  const char* name = sqlite3_column_name(stmt_, column);
  return name != nullptr ? name : "";
}

bool Statement::column_is_null(int column) const {
  check_column(column);
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

std::int64_t Statement::column_int64(int column) const {
  check_column(column);
  return sqlite3_column_int64(stmt_, column);
}

double Statement::column_double(int column) const {
  check_column(column);
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::column_text(int column) const {
  check_column(column);
  // Ask for the pointer first, then the size: the conversion to text decides the size.
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return text != nullptr ? std::string(text, static_cast<std::size_t>(size)) : std::string();
}

std::string_view Statement::column_view(int column) const {
  check_column(column);
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  const int size = sqlite3_column_bytes(stmt_, column);
  return text != nullptr ? std::string_view(text, static_cast<std::size_t>(size)) : std::string_view();
}

bool Statement::column_equals(int column, const Value& value) const {
  check_column(column);
  switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_INTEGER: {
      const auto* integer = std::get_if<std::int64_t>(&value);
      return integer != nullptr && *integer == sqlite3_column_int64(stmt_, column);
    }
    case SQLITE_FLOAT: {
      const auto* real = std::get_if<double>(&value);
      return real != nullptr && *real == sqlite3_column_double(stmt_, column);
    }
    case SQLITE_NULL:
      return std::holds_alternative<std::monostate>(value);
    default: {
      const auto* text = std::get_if<std::string>(&value);
      if (text == nullptr) return false;
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
      const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
      return text->size() == size && (size == 0 || std::memcmp(text->data(), bytes, size) == 0);
    }
  }
}

Value Statement::column_value(int column) const {
  check_column(column);
  switch (sqlite3_column_type(stmt_, column)) {
    case SQLITE_INTEGER:
      return sqlite3_column_int64(stmt_, column);
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt_, column);
    case SQLITE_NULL:
      return std::monostate{};
    default: {
      const auto* bytes = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
      const int size = sqlite3_column_bytes(stmt_, column);
      return bytes != nullptr ? std::string(bytes, static_cast<std::size_t>(size)) : std::string();
    }
  }
}

}  // namespace isms
