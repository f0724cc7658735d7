#include "core/store/search_index.hpp"

#include <sqlite3.h>

#include "core/store/search_text.hpp"
#include "core/store/sql_text.hpp"
#include "core/util/case_fold.hpp"
#include "core/util/utf8.hpp"

namespace isms {
namespace {

using namespace search_text;


// A run of whole segments of an id of at most this many letters and digits is indexed as a word
// of its own ("<a5>"): the id match of a question whose bare form is that short.
constexpr std::size_t short_run = 2;

// isms_search_body(column, ...): each non-NULL value as text (as LIKE reads it), folded, one a line.
void sql_body(sqlite3_context* context, int count, sqlite3_value** args) {
  std::string body;
  for (int i = 0; i < count; ++i) {
    if (sqlite3_value_type(args[i]) == SQLITE_NULL) continue;
    const std::size_t from = body.size();
    body += fold_case(text_argument(args[i]));
    // The tokenizer stops at a NUL; LIKE does too, but isms_holds reads on: so does the index.
    for (std::size_t at = from; at < body.size(); ++at) body[at] = body[at] == '\0' ? '\n' : body[at];
    body += '\n';
  }
  sqlite3_result_text(context, body.data(), static_cast<int>(body.size()), SQLITE_TRANSIENT);
}

// isms_search_ids(id): what id_matches (search.cpp) can find in an id, see search_index.hpp.
void sql_ids(sqlite3_context* context, int, sqlite3_value** args) {
  const std::string_view id = text_argument(args[0]);
  std::string out = without_separators(id) + '\n';
  for (const char c : id) out += lower_ascii(c);
  out += '\n';
  // Every run of whole segments, from each segment's start, while it stays short.
  std::vector<std::string> segments;
  for (std::size_t at = 0; at < id.size();) {
    while (at < id.size() && !is_ascii_alnum(static_cast<unsigned char>(id[at]))) ++at;
    std::string segment;
    while (at < id.size() && is_ascii_alnum(static_cast<unsigned char>(id[at]))) segment += lower_ascii(id[at++]);
    if (!segment.empty()) segments.push_back(std::move(segment));
  }
  for (std::size_t first = 0; first < segments.size(); ++first) {
    std::string run;
    for (std::size_t next = first; next < segments.size() && run.size() + segments[next].size() <= short_run; ++next) {
      run += segments[next];
      out += '<' + run + "> ";
    }
  }
  sqlite3_result_text(context, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
}

bool table_exists(const Database& db, const char* table) {
  Statement query = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
  query.bind(1, std::string(table));
  return query.step();
}

std::string trigger_name(const EntityDef& def, const char* event) {
  return quote_identifier("search:" + def.table() + ":" + event);
}

// The values the triggers index, for row `row` ("new" or "old").
std::string indexed_values(const EntityDef& def, const std::string& row) {
  std::string body;
  for (const std::string& column : searched_columns(def)) {
    body += (body.empty() ? "" : ", ") + row + "." + quote_identifier(column);
  }
  return "isms_search_body(" + body + "), isms_search_ids(" + row + ".id)";
}

void create_triggers(Database& db, const EntityDef& def, std::int64_t first_rowid) {
  const std::string table = quote_identifier(def.table()), base = std::to_string(first_rowid);
  for (const char* event : {"insert", "update", "delete"}) db.exec("DROP TRIGGER IF EXISTS " + trigger_name(def, event));
  db.exec("CREATE TRIGGER " + trigger_name(def, "insert") + " AFTER INSERT ON " + table +
          " WHEN new.deleted = 0 BEGIN INSERT INTO search_index (rowid, body, ids) VALUES (new.rowid + " + base + ", " +
          indexed_values(def, "new") + "); END");
  // Only updates of what is indexed: most edits (a status, a date) leave the index alone.
  std::string columns = "id, deleted";
  for (const std::string& column : searched_columns(def)) columns += ", " + quote_identifier(column);
  db.exec("CREATE TRIGGER " + trigger_name(def, "update") + " AFTER UPDATE OF " + columns + " ON " + table +
          " BEGIN DELETE FROM search_index WHERE rowid = old.rowid + " + base +
          "; INSERT INTO search_index (rowid, body, ids) SELECT new.rowid + " + base + ", " + indexed_values(def, "new") +
          " WHERE new.deleted = 0; END");
  db.exec("CREATE TRIGGER " + trigger_name(def, "delete") + " AFTER DELETE ON " + table +
          " BEGIN DELETE FROM search_index WHERE rowid = old.rowid + " + base + "; END");
}

void reindex(Database& db, const EntityDef& def, std::int64_t first_rowid) {
  Statement forget = db.prepare("DELETE FROM search_index WHERE rowid >= ? AND rowid < ?");
  forget.bind(1, first_rowid).bind(2, first_rowid + search_rowid_span);
  forget.step();
  Statement fill = db.prepare("INSERT INTO search_index (rowid, body, ids) SELECT rowid + ?, " + indexed_values(def, "t") +
                              " FROM " + quote_identifier(def.table()) + " AS t WHERE deleted = 0");
  fill.bind(1, first_rowid);
  fill.step();
}

}  // namespace

std::string without_separators(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_ascii_alnum(c)) out += lower_ascii(ch);
  }
  return out;
}

void register_search_functions(sqlite3* db) {
  // Pure functions of their arguments: allowed in triggers, and SQLite may reuse results.
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int result = sqlite3_create_function_v2(db, "isms_search_body", -1, flags, nullptr, sql_body, nullptr, nullptr, nullptr);
  if (result == SQLITE_OK) {
    result = sqlite3_create_function_v2(db, "isms_search_ids", 1, flags, nullptr, sql_ids, nullptr, nullptr, nullptr);
  }
  if (result != SQLITE_OK) throw StoreError("The search index could not be prepared: " + std::string(sqlite3_errstr(result)), result);
}

void create_search_index(Database& db) {
  // search_kinds.columns: the searched columns the triggers were made for (searched_columns_key).
  db.exec(R"sql(
        CREATE VIRTUAL TABLE search_index USING fts5(body, ids, tokenize = 'trigram case_sensitive 1');
        CREATE TABLE search_kinds (
            kind TEXT PRIMARY KEY NOT NULL,
            number INTEGER NOT NULL UNIQUE,
            columns TEXT NOT NULL
        );
    )sql");
}

std::vector<std::string> searched_columns(const EntityDef& def) {
  std::vector<std::string> columns;
  for (const FieldDef& field : def.fields) {
    const bool text = field.type == FieldType::Text || field.type == FieldType::LongText || field.type == FieldType::Email;
    if (text || field.key == def.title_field) columns.push_back(field.key);  // a measurement's title is its date
  }
  return columns;
}

std::string searched_columns_key(const EntityDef& def) {
  std::string key;
  for (const std::string& column : searched_columns(def)) key += column + "\n";
  return key;
}

void ensure_search_index(Database& db, const EntityDef& def) {
  if (!table_exists(db, "search_kinds")) return;  // a file before migration 5 (or not a workspace)
  const std::string key = searched_columns_key(def);
  Statement known = db.prepare("SELECT number, columns FROM search_kinds WHERE kind = ?");
  known.bind(1, def.kind);
  std::int64_t number = 0;
  if (known.step()) {
    if (known.column_text(1) == key) return;
    number = known.column_int64(0);
    Statement update = db.prepare("UPDATE search_kinds SET columns = ? WHERE kind = ?");
    update.bind(1, key).bind(2, def.kind);
    update.step();
  } else {
    Statement next = db.prepare("SELECT coalesce(max(number), 0) + 1 FROM search_kinds");
    next.step();
    number = next.column_int64(0);
    Statement insert = db.prepare("INSERT INTO search_kinds (kind, number, columns) VALUES (?, ?, ?)");
    insert.bind(1, def.kind).bind(2, number).bind(3, key);
    insert.step();
  }
  create_triggers(db, def, number * search_rowid_span);
  reindex(db, def, number * search_rowid_span);
}

std::map<std::string, IndexedRegister> indexed_registers(const Database& db) {
  std::map<std::string, IndexedRegister> registers;
  if (!table_exists(db, "search_kinds")) return registers;
  Statement query = db.prepare("SELECT kind, number, columns FROM search_kinds");
  while (query.step()) registers[query.column_text(0)] = {query.column_int64(1) * search_rowid_span, query.column_text(2)};
  return registers;
}

namespace {

// A phrase of the trigram tokenizer: the text as a substring, its quotes doubled.
std::string phrase(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string search_index_query(std::string_view folded) {
  constexpr std::size_t trigram = 3;
  if (count_code_points(folded) < trigram) return {};
  // The tokenizer reads a cut or wrong UTF-8 sequence, or a NUL, otherwise than the byte-wise
  // matcher: such a question (nobody types one) is answered by the scan.
  if (!is_valid_utf8(folded) || folded.find('\0') != std::string_view::npos) return {};
  // The text columns hold the folded question (LIKE's ASCII-only folding finds a subset of it).
  std::string query = "body : " + phrase(folded);
  // An id matches by whole segments, separators aside (its bare form holds the bare question),
  // or, 6 characters or more, as typed (the id in lower case holds it).
  const std::string bare = without_separators(folded);
  if (bare.size() >= trigram) query += " OR ids : " + phrase(bare);
  if (!bare.empty() && bare.size() <= short_run) query += " OR ids : " + phrase("<" + bare + ">");
  if (folded.size() >= literal_id_length) query += " OR ids : " + phrase(folded);
  return query;
}

}  // namespace isms
