#include "core/store/search.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/store/search_index.hpp"
#include "core/store/search_text.hpp"
#include "core/store/sql_text.hpp"
#include "core/util/case_fold.hpp"
#include "core/util/text.hpp"

namespace isms {
namespace {

using namespace search_text;




// Whether `text` holds `folded` (lower case) at `at`, ASCII letters of `text` compared without case.
bool holds_at(std::string_view text, std::size_t at, std::string_view folded) {
  if (at + folded.size() > text.size()) return false;
  for (std::size_t k = 0; k < folded.size(); ++k) {
    if (lower_ascii(text[at + k]) != folded[k]) return false;
  }
  return true;
}

// Separators aside, the question is a run of whole segments of the id ("A.5.15" is a, 5, 15 of
// annex-a-5.15, and not of annex-a-5.150), or, 6 characters or more, any piece of it as typed.
// Called for every row a search reads: no allocation. `bare` is the question without separators.
bool id_matches(std::string_view id, std::string_view bare, std::string_view folded_question) {
  if (bare.empty()) return false;
  std::size_t start = 0;
  while (start < id.size()) {
    while (start < id.size() && !is_ascii_alnum(static_cast<unsigned char>(id[start]))) ++start;  // to a segment
    std::size_t matched = 0, at = start;
    while (matched < bare.size() && at < id.size()) {
      const char c = id[at];
      if (!is_ascii_alnum(static_cast<unsigned char>(c))) {
        ++at;  // a separator between two segments of the run
        continue;
      }
      if (lower_ascii(c) != bare[matched]) break;
      ++matched;
      ++at;
    }
    if (matched == bare.size() && (at == id.size() || !is_ascii_alnum(static_cast<unsigned char>(id[at])))) return true;
    while (start < id.size() && is_ascii_alnum(static_cast<unsigned char>(id[start]))) ++start;  // past it
  }
  if (folded_question.size() < literal_id_length) return false;
  for (std::size_t at = 0; at + folded_question.size() <= id.size(); ++at) {
    if (holds_at(id, at, folded_question)) return true;
  }
  return false;
}

// A word starts here: at the beginning, or after a character that is neither a letter nor a
// digit (bytes of multi-byte characters count as letters: "ü" does not start a word after it).
bool starts_word(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  const auto before = static_cast<unsigned char>(text[at - 1]);
  return before < 0x80 && !is_ascii_alnum(before);
}

// isms_holds(text, folded question): 1 when the text holds the question, case aside. Called for
// each text column of every row when the question goes beyond ASCII: ASCII text is compared in
// place, other text folded into a buffer kept between calls.
void sql_holds(sqlite3_context* context, int, sqlite3_value** args) {
  const std::string_view text = text_argument(args[0]), folded = text_argument(args[1]);
  static std::string buffer;
  std::string_view haystack = text;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    buffer = fold_case(text);
    haystack = buffer;
  }
  bool found = false;
  for (std::size_t at = 0; !found && at + folded.size() <= haystack.size(); ++at) found = holds_at(haystack, at, folded);
  sqlite3_result_int(context, found ? 1 : 0);
}

// isms_search_id(id, question without separators, folded question): 1 when the id matches.
void sql_id_matches(sqlite3_context* context, int, sqlite3_value** args) {
  sqlite3_result_int(context, id_matches(text_argument(args[0]), text_argument(args[1]), text_argument(args[2])) ? 1 : 0);
}

// rank_match, with the question's bare form given: the SQL calls it for every row found, so an
// ASCII title (the usual one) is compared in place, without a folded copy.
SearchMatch rank_of(std::string_view title, std::string_view id, std::string_view folded, std::string_view bare) {
  if (folded.empty()) return SearchMatch::Text;
  std::string storage;
  std::string_view text = title;
  if (!std::all_of(title.begin(), title.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    storage = fold_case(title);
    text = storage;
  }
  for (std::size_t at = 0; at + folded.size() <= text.size(); ++at) {
    if (!holds_at(text, at, folded)) continue;
    if (at == 0) return SearchMatch::TitleStart;
    if (starts_word(text, at)) return SearchMatch::TitleWord;
  }
  return id_matches(id, bare, folded) ? SearchMatch::Id : SearchMatch::Text;
}

constexpr std::int64_t rank_step = 1'000'000;  // longer than any title or id

// isms_search_score(title, id, folded question, question without separators): the rank, then
// the length of what matched.
void sql_score(sqlite3_context* context, int, sqlite3_value** args) {
  const std::string_view title = text_argument(args[0]), id = text_argument(args[1]);
  const SearchMatch match = rank_of(title.empty() ? id : title, id, text_argument(args[2]), text_argument(args[3]));
  const std::size_t length = match == SearchMatch::Id ? id.size() : (title.empty() ? id : title).size();
  sqlite3_result_int64(context, static_cast<std::int64_t>(match) * rank_step + static_cast<std::int64_t>(length));
}

void register_functions(const Database& db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  int result = sqlite3_create_function_v2(db.handle(), "isms_holds", 2, flags, nullptr, sql_holds, nullptr, nullptr, nullptr);
  if (result == SQLITE_OK) {
    result = sqlite3_create_function_v2(db.handle(), "isms_search_id", 3, flags, nullptr, sql_id_matches, nullptr,
                                        nullptr, nullptr);
  }
  if (result == SQLITE_OK) {
    result = sqlite3_create_function_v2(db.handle(), "isms_search_score", 4, flags, nullptr, sql_score, nullptr,
                                        nullptr, nullptr);
  }
  if (result != SQLITE_OK) throw StoreError("Search could not be prepared: " + std::string(sqlite3_errstr(result)), result);
}

// "%text%" for LIKE ... ESCAPE '\': the question's own % and _ are not wildcards.
std::string like_pattern(std::string_view text) {
  std::string pattern = "%";
  for (const char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

const FieldDef* part_of_field(const EntityDef& def) {
  for (const FieldDef& field : def.fields) {
    if (field.type == FieldType::Link && field.part_of) return &field;
  }
  return nullptr;
}

struct Candidate {
  std::int64_t score = 0;
  std::string folded_title;
  SearchHit hit;
};

// At most `limit` candidates of one register, best first.
// `candidates`: the register's rowids the search index names, as a JSON array, or null to scan
// the whole register (a short question, or a register the index does not cover as defined now).
void search_kind(const Repository& records, const EntityDef& def, const std::string& question, std::size_t limit,
                 const std::string* candidates, std::vector<Candidate>& found) {
  const std::string folded = fold_case(question);
  // ASCII questions use LIKE, which folds ASCII, and that is all an ASCII question can meet;
  // beyond ASCII each text is folded first (slower: only then).
  const bool plain = is_ascii(question);
  std::string matches;
  for (const std::string& key : searched_columns(def)) {  // the index covers the same columns
    const std::string column = quote_identifier(key);
    matches += plain ? column + " LIKE ?1 ESCAPE '\\' OR " : "isms_holds(" + column + ", ?2) OR ";
  }
  matches += "isms_search_id(id, ?4, ?2)";  // last: SQLite stops at the first term that holds
  const FieldDef* parent = part_of_field(def);
  const std::string title = def.field(def.title_field) != nullptr ? quote_identifier(def.title_field) : "NULL";
  // With the index, the rows it names are read and checked exactly as a scan would check them
  // (the index may name too many, never too few); without it, every row is.
  const std::string narrowed = candidates != nullptr ? " AND rowid IN (SELECT value FROM json_each(?5))" : "";
  const std::string sql = "SELECT id, " + title + ", " + (parent ? quote_identifier(parent->key) : "NULL") +
                          ", isms_search_score(" + title + ", id, ?2, ?4) AS score FROM " + quote_identifier(def.table()) +
                          " WHERE deleted = 0" + narrowed + " AND (" + matches + ") ORDER BY score, " + title +
                          " COLLATE NOCASE, id LIMIT ?3";
  Statement statement = records.database().prepare(sql);
  statement.bind(1, like_pattern(question)).bind(2, folded).bind(3, static_cast<std::int64_t>(limit));
  statement.bind(4, without_separators(folded));
  if (candidates != nullptr) statement.bind(5, *candidates);
  while (statement.step()) {
    Candidate candidate;
    candidate.hit.kind = def.kind;
    candidate.hit.id = statement.column_text(0);
    candidate.hit.title = statement.column_is_null(1) ? candidate.hit.id : statement.column_text(1);
    if (candidate.hit.title.empty()) candidate.hit.title = candidate.hit.id;
    if (!statement.column_is_null(2)) candidate.hit.parent_id = statement.column_text(2);
    candidate.score = statement.column_int64(3);
    candidate.hit.match = static_cast<SearchMatch>(candidate.score / rank_step);
    candidate.folded_title = fold_case(candidate.hit.title);
    if (parent != nullptr && parent->link_kind != any_kind) candidate.hit.parent_kind = parent->link_kind;
    found.push_back(std::move(candidate));
  }
}

// The parent's kind (for links to any register) and title; a parent gone leaves them empty.
void describe_parent(const Repository& records, SearchHit& hit) {
  if (hit.parent_id.empty()) return;
  std::optional<Record> parent;
  if (!hit.parent_kind.empty()) {
    parent = records.get(hit.parent_kind, hit.parent_id);
  } else {
    for (const EntityDef& def : records.registry().all()) {
      if ((parent = records.get(def.kind, hit.parent_id))) break;
    }
  }
  if (!parent || parent->deleted) {
    hit.parent_kind.clear();
    hit.parent_id.clear();
    return;
  }
  hit.parent_kind = parent->kind;
  hit.parent_title = records.title_of(*parent);
}

}  // namespace

SearchMatch rank_match(std::string_view title, std::string_view id, std::string_view folded_question) {
  return rank_of(title, id, folded_question, without_separators(folded_question));
}

std::vector<SearchHit> search_records(const Repository& records, const SearchRequest& request) {
  return search_records(records, request, true);
}

std::vector<SearchHit> search_records(const Repository& records, const SearchRequest& request, bool use_search_index) {
  const std::string question = trim(request.text);
  if (question.empty() || request.limit == 0) return {};
  register_functions(records.database());
  // Questions of 3 characters or more go through the index, for each register it covers with
  // the columns searched today; the rest (and files without the index) are scanned.
  const std::string index_query = use_search_index ? search_index_query(fold_case(question)) : std::string();
  const std::map<std::string, IndexedRegister> indexed =
      index_query.empty() ? std::map<std::string, IndexedRegister>() : indexed_registers(records.database());
  // One query of the index for all registers; a register it names no row of is not read at all.
  std::map<std::int64_t, std::string> named;  // by the register's first rowid: its rowids, as JSON
  if (!indexed.empty()) {
    Statement query = records.database().prepare("SELECT rowid FROM search_index WHERE search_index MATCH ?");
    query.bind(1, index_query);
    while (query.step()) {
      const std::int64_t rowid = query.column_int64(0), first = rowid - rowid % search_rowid_span;
      std::string& list = named[first];
      list += list.empty() ? '[' : ',';  // (one append each: GCC 12 misreads the sum as overlapping copies)
      list += std::to_string(rowid - first);
    }
    for (auto& entry : named) entry.second += "]";
  }
  std::vector<Candidate> found;
  for (const EntityDef& def : records.registry().all()) {
    if (!request.kinds.empty() && std::find(request.kinds.begin(), request.kinds.end(), def.kind) == request.kinds.end()) {
      continue;
    }
    const auto register_index = indexed.find(def.kind);
    if (register_index != indexed.end() && register_index->second.columns == searched_columns_key(def)) {
      const auto rows = named.find(register_index->second.first_rowid);
      if (rows == named.end()) continue;  // nothing here can hold it
      search_kind(records, def, question, request.limit, &rows->second, found);
    } else {
      search_kind(records, def, question, request.limit, nullptr, found);
    }
  }
  std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.score, a.folded_title, a.hit.kind, a.hit.id) < std::tie(b.score, b.folded_title, b.hit.kind, b.hit.id);
  });
  if (found.size() > request.limit) found.resize(request.limit);
  std::vector<SearchHit> hits;
  hits.reserve(found.size());
  for (Candidate& candidate : found) {
    describe_parent(records, candidate.hit);
    hits.push_back(std::move(candidate.hit));
  }
  return hits;
}

}  // namespace isms
