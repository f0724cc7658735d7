#include <sqlite3.h>

#include <cstdio>
#include <stdexcept>

#include "core/store/sqlite.hpp"

namespace isms {

Transaction::Transaction(Database& db) : db_(db), level_(db.transaction_depth_) {
  db_.exec("SAVEPOINT " + savepoint());
  ++db_.transaction_depth_;
}

std::string Transaction::savepoint() const { return "isms_tx_" + std::to_string(level_); }

void Transaction::commit() {
  if (finished_) throw std::logic_error("Transaction committed twice");
  if (db_.transaction_depth_ != level_ + 1) {
    throw std::logic_error("Transaction committed while an inner transaction is still open");
  }
  // Whether this transaction wrote anything must be asked before RELEASE ends it: a guard
  // that only read (or whose work all turned out to be no-ops) needs no persisting.
  const bool outermost = level_ == 0;
  const bool wrote = outermost && sqlite3_txn_state(db_.handle(), nullptr) == SQLITE_TXN_WRITE;
  db_.exec("RELEASE " + savepoint());  // on failure we stay unfinished: the destructor rolls back
  finished_ = true;
  --db_.transaction_depth_;
  if (wrote && db_.on_commit_) db_.on_commit_();
}

Transaction::~Transaction() {
  if (finished_) return;
  --db_.transaction_depth_;
  if (db_.handle() == nullptr) return;
  // The outermost guard ends with a plain ROLLBACK. "ROLLBACK TO" + "RELEASE" would undo the
  // work too, but then commit an empty write transaction, which still rewrites the file header
  // (change counter): a refused file must stay byte for byte as it was. An inner guard undoes
  // its part with ROLLBACK TO and closes its savepoint with RELEASE. If SQLite already rolled
  // the whole transaction back by itself (e.g. after an I/O error) these fail harmlessly.
  // Fixed buffers: nothing here allocates, so nothing here can throw.
  if (level_ == 0) {
    sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    return;
  }
  char rollback[48];
  char release[48];
  std::snprintf(rollback, sizeof rollback, "ROLLBACK TO isms_tx_%d", level_);
  std::snprintf(release, sizeof release, "RELEASE isms_tx_%d", level_);
  sqlite3_exec(db_.handle(), rollback, nullptr, nullptr, nullptr);
  sqlite3_exec(db_.handle(), release, nullptr, nullptr, nullptr);
}

}  // namespace isms
