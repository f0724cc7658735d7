#include "core/store/sqlite.hpp"

#include <sqlite3.h>

#include "core/store/search_index.hpp"

namespace isms {
namespace {

// SQL in error messages helps find the failing statement; very long SQL would bury the reason.
std::string shorten(std::string_view sql) {
  constexpr std::size_t limit = 300;
  if (sql.size() <= limit) return std::string(sql);
  return std::string(sql.substr(0, limit)) + "...";
}

bool is_blank_sql(const char* tail) {
  for (; *tail != '\0'; ++tail) {
    const char c = *tail;
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ';') return false;
  }
  return true;
}

}  // namespace

Database::Database(const std::string& path) : path_(path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  const int result = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (result != SQLITE_OK) {
    // SQLite hands back a handle even when opening fails; it only carries the message.
    const std::string message = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(result);
    close();
    throw StoreError("Cannot open database " + path + ": " + message, result);
  }
  sqlite3_extended_result_codes(db_, 1);
  try {
    // The journal_mode pragma is also the first read of the file, so a file that is not
    // SQLite fails here (SQLITE_NOTADB) rather than later.
    // A 32 MB page cache (the default is 2 MB): a large workspace's register tables then stay in
    // memory between queries, and so do the history indexes a long write touches. In the browser
    // every page read is a copy out of the in-memory file system, so misses cost more than natively.
    exec("PRAGMA foreign_keys=ON; PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL; PRAGMA cache_size=-32768;");
    // On every connection, so that no writer of a register table can miss the search index's
    // triggers, which call these.
    register_search_functions(db_);
  } catch (...) {
    close();
    throw;
  }
}

Database::~Database() { close(); }

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      path_(std::move(other.path_)),
      transaction_depth_(std::exchange(other.transaction_depth_, 0)),
      on_commit_(std::move(other.on_commit_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
    transaction_depth_ = std::exchange(other.transaction_depth_, 0);
    on_commit_ = std::move(other.on_commit_);
  }
  return *this;
}

void Database::close() noexcept {
  if (db_ != nullptr) {
    // _v2 defers the close until outstanding statements are finalised, so an out-of-order
    // destruction cannot leak the file handle or crash.
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }
}

void Database::fail(const std::string& what, int code) const {
  const std::string reason = db_ != nullptr ? sqlite3_errmsg(db_) : "database is not open";
  throw StoreError(what + ": " + reason + (path_.empty() ? "" : " (" + path_ + ")"), code);
}

void Database::exec(const std::string& sql) {
  if (db_ == nullptr) throw StoreError("Cannot run SQL: the database is not open");
  const int result = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (result != SQLITE_OK) fail("SQL failed [" + shorten(sql) + "]", result);
}

Statement Database::prepare(std::string_view sql) const {
  if (db_ == nullptr) throw StoreError("Cannot prepare SQL: the database is not open");
  sqlite3_stmt* stmt = nullptr;
  const char* tail = nullptr;
  const int result = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, &tail);
  if (result != SQLITE_OK) fail("Cannot prepare [" + shorten(sql) + "]", result);
  Statement statement(db_, stmt, std::string(sql));
  if (stmt == nullptr) throw StoreError("Cannot prepare [" + shorten(sql) + "]: it holds no statement");
  const std::string rest(tail, static_cast<std::size_t>(sql.data() + sql.size() - tail));
  if (!is_blank_sql(rest.c_str())) {
    throw StoreError("Cannot prepare [" + shorten(sql) + "]: prepare() takes one statement; use exec()");
  }
  return statement;
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

bool Database::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

int Database::user_version() const {
  Statement statement = prepare("PRAGMA user_version");
  statement.step();
  return static_cast<int>(statement.column_int64(0));
}

void Database::set_user_version(int version) {
  // PRAGMA takes no bound parameters; the value is an int, so formatting it is safe.
  exec("PRAGMA user_version = " + std::to_string(version));
}

}  // namespace isms
