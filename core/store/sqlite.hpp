#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "core/model/value.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace isms {

// Anything that went wrong in the store: SQLite's own message (and the SQL where it helps),
// or a sentence about a missing record or file.
class StoreError : public std::runtime_error {
 public:
  explicit StoreError(const std::string& message, int sqlite_code = 0)
      : std::runtime_error(message), code_(sqlite_code) {}
  // SQLite's extended result code, or 0 when the error did not come from SQLite.
  int code() const { return code_; }

 private:
  int code_;
};

class Statement;

// One open SQLite file. Not thread-safe (neither is the browser build). Move it only while no
// Statement or Transaction refers to it.
class Database {
 public:
  Database() = default;  // closed; assign an opened one to it
  // Opens the file, creating it if missing. Sets foreign_keys=ON, journal_mode=DELETE (IDBFS
  // cannot do WAL's shared memory, and a MEMORY/OFF journal could leave a torn file to be
  // synced), synchronous=FULL and a 32 MB page cache.
  explicit Database(const std::string& path);
  static Database open(const std::string& path) { return Database(path); }
  ~Database();

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  bool is_open() const { return db_ != nullptr; }
  const std::string& path() const { return path_; }
  sqlite3* handle() const { return db_; }

  void exec(const std::string& sql);              // one or more statements, results ignored
  Statement prepare(std::string_view sql) const;  // exactly one statement
  std::int64_t last_insert_rowid() const;
  int changes() const;  // rows changed by the last INSERT/UPDATE/DELETE
  bool in_transaction() const;  // BEGIN was run and neither COMMIT nor ROLLBACK yet

  int user_version() const;
  void set_user_version(int version);

  // Called after each outermost Transaction commits a write: the browser layer's cue to
  // persist the file. Must not throw; it runs after the data is safely committed.
  void set_on_commit(std::function<void()> callback) { on_commit_ = std::move(callback); }
  int transaction_depth() const { return transaction_depth_; }

 private:
  friend class Transaction;
  void close() noexcept;
  [[noreturn]] void fail(const std::string& what, int code) const;

  sqlite3* db_ = nullptr;
  std::string path_;
  int transaction_depth_ = 0;
  std::function<void()> on_commit_;
};

// A prepared statement. Bind indexes start at 1, column indexes at 0 (as in SQLite).
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const std::string& value);  // these two keep string arguments
  Statement& bind(int index, const char* value);         // from being ambiguous with Value
  Statement& bind(int index, std::nullptr_t);
  Statement& bind(int index, const Value& value);
  // Named parameters (":name", "@name", "$name"), spelled with their prefix.
  template <class T>
  Statement& bind(std::string_view name, T&& value) {
    return bind(parameter_index(name), std::forward<T>(value));
  }
  int parameter_index(std::string_view name) const;  // StoreError if the SQL has no such name
  void clear_bindings();

  bool step();   // true: a row is ready to read; false: done. StoreError on failure.
  void reset();  // ready to step again; bindings are kept

  int column_count() const;
  std::string column_name(int column) const;
  bool column_is_null(int column) const;
  std::int64_t column_int64(int column) const;
  double column_double(int column) const;
  std::string column_text(int column) const;
  // The text in place, without a copy: valid until the next step() or reset().
  std::string_view column_view(int column) const;
  Value column_value(int column) const;  // by the stored type; a BLOB reads as text bytes
  // Whether column_value(column) == value, without copying the column.
  bool column_equals(int column, const Value& value) const;

  const std::string& sql() const { return sql_; }

 private:
  friend class Database;
  Statement(sqlite3* db, sqlite3_stmt* stmt, std::string sql) : db_(db), stmt_(stmt), sql_(std::move(sql)) {}
  void check_bind(int result, int index);
  void check_column(int column) const;
  sqlite3_stmt* require() const;

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

// One unit of work: everything between construction and commit() lands in the file, or none of
// it does. Built on SAVEPOINTs so guards nest; the outermost one is the real transaction. The
// destructor rolls back unless commit() was called, also while an exception unwinds, and never
// throws. Guards must end in reverse order of creation (they are scoped objects).
class Transaction {
 public:
  explicit Transaction(Database& db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  void commit();
  bool active() const { return !finished_; }

 private:
  std::string savepoint() const;

  Database& db_;
  int level_;  // 0 = outermost
  bool finished_ = false;
};

}  // namespace isms
