#pragma once
// The index behind search everywhere (core/store/search.hpp): an FTS5 table with the trigram
// tokenizer over the folded text of every live record, so a question of three characters or
// more reads the few records that may hold it instead of every row of every register.
//
// The index only narrows: search_records still checks each record it names with the exact
// matcher and ranks as before, so the index may name too many records but never too few. What
// it holds, per record (its rowid: the register's number << 40, plus the row's rowid):
//   body  fold_case of each searched column (core/util/case_fold.hpp), one per line;
//   ids   the id without separators, the id in ASCII lower case, and "<x>" for every run of
//         whole id segments of at most 2 characters ("<a>", "<5>", "<a5>" for annex-a-5.15),
//         so that "A.5" (bare "a5", too short for trigrams) still narrows by id.
// The tokenizer is told case_sensitive 1: the text is folded here, by the same fold_case as the
// question, so FTS5's own (different) Unicode folding never decides what matches.
//
// Triggers on each rec_<kind> table keep it true in the transaction of every write (insert,
// update of a searched column, the tombstone flag or the id, delete), whichever code writes:
// the repository, the merge, an import, undo and redo, the upgrade of old files. They call two
// SQL functions that every Database registers when it opens (register_search_functions).
// The rowid key relies on register rows keeping their rowid: nothing VACUUMs a workspace; if
// something ever does, it must rebuild the index (drop search_kinds' rows, run ensure_tables).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/entity.hpp"
#include "core/store/sqlite.hpp"

struct sqlite3;

namespace isms {

// isms_search_body(column...) and isms_search_ids(id), the texts the triggers index.
void register_search_functions(sqlite3* db);

// Migration 5: the (empty) index and the table of registers it covers. ensure_search_index
// fills it, one register at a time, once the definitions are known.
void create_search_index(Database& db);

// Called by ensure_tables for each register, inside its transaction: when the file has the index
// (migration 5) and the register is new to it, or its searched columns changed, (re)creates the
// register's triggers and reindexes its live records. Otherwise does nothing (and writes nothing).
void ensure_search_index(Database& db, const EntityDef& def);

// The columns search_records looks into: text fields, and the title whatever its type.
std::vector<std::string> searched_columns(const EntityDef& def);

// Letters and digits only, ASCII lower case: "A.5.15" -> "a515", "annex-a-5.15" -> "annexa515".
std::string without_separators(std::string_view text);

// The FTS5 query (for MATCH) that names every record whose searched columns hold the folded
// question, or whose id matches it (SearchMatch::Id); empty when the question is too short for
// trigrams (fewer than 3 characters folded) and the registers must be scanned.
std::string search_index_query(std::string_view folded_question);

// The indexed registers of the file, by kind: the first rowid of their range in the index, for
// those indexed with exactly these searched columns. Empty for a file without the index.
struct IndexedRegister {
  std::int64_t first_rowid = 0;
  std::string columns;  // searched_columns, one per line: what the triggers index
};
std::map<std::string, IndexedRegister> indexed_registers(const Database& db);
std::string searched_columns_key(const EntityDef& def);
constexpr std::int64_t search_rowid_span = std::int64_t{1} << 40;  // more rows than any register has

}  // namespace isms
