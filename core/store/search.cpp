#include "core/store/search.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <tuple>

#include "core/store/sql_text.hpp"
#include "core/util/case_fold.hpp"
#include "core/util/text.hpp"

namespace isms {
namespace {

bool is_ascii_alnum(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Letters and digits only, ASCII lower case: "A.5.15" -> "a515", "annex-a-5.15" -> "annexa515".
std::string without_separators(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_ascii_alnum(c)) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return out;
}

constexpr std::size_t literal_id_length = 6;  // shorter pieces would find random uuids

// The id's runs of letters and digits: "annex-a-5.15" -> annex, a, 5, 15.
std::vector<std::string_view> id_segments(std::string_view id) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= id.size(); ++i) {
    if (i == id.size() || !is_ascii_alnum(static_cast<unsigned char>(id[i]))) {
      if (i > start) segments.push_back(id.substr(start, i - start));
      start = i + 1;
    }
  }
  return segments;
}

// Separators aside, the question is a run of whole segments of the id ("A.5.15" is a, 5, 15 of
// annex-a-5.15, and not of annex-a-5.150), or, 6 characters or more, any piece of it as typed.
bool id_matches(std::string_view id, std::string_view folded_question) {
  const std::string question = without_separators(folded_question);
  if (question.empty()) return false;
  const std::vector<std::string_view> segments = id_segments(id);
  for (std::size_t first = 0; first < segments.size(); ++first) {
    std::size_t at = 0;
    for (std::size_t next = first; next < segments.size() && at < question.size(); ++next) {
      const std::string bare = without_separators(segments[next]);  // lower case
      if (question.compare(at, bare.size(), bare) != 0) break;
      at += bare.size();
    }
    if (at == question.size()) return true;
  }
  return folded_question.size() >= literal_id_length && fold_case(id).find(folded_question) != std::string::npos;
}

// A word starts here: at the beginning, or after a character that is neither a letter nor a
// digit (bytes of multi-byte characters count as letters: "ü" does not start a word after it).
bool starts_word(std::string_view text, std::size_t at) {
  if (at == 0) return true;
  const auto before = static_cast<unsigned char>(text[at - 1]);
  return before < 0x80 && !is_ascii_alnum(before);
}

std::string_view text_argument(sqlite3_value* value) {
  const unsigned char* text = sqlite3_value_text(value);
  return text == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(text),
                                                                 static_cast<std::size_t>(sqlite3_value_bytes(value)));
}

// isms_fold(text): fold_case in SQL.
void sql_fold(sqlite3_context* context, int, sqlite3_value** args) {
  if (sqlite3_value_type(args[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const std::string folded = fold_case(text_argument(args[0]));
  sqlite3_result_text(context, folded.data(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

// isms_search_id(id, folded question): 1 when the id matches (id_matches).
void sql_id_matches(sqlite3_context* context, int, sqlite3_value** args) {
  sqlite3_result_int(context, id_matches(text_argument(args[0]), text_argument(args[1])) ? 1 : 0);
}

constexpr std::int64_t rank_step = 1'000'000;  // longer than any title or id

// isms_search_score(title, id, folded question): the rank, then the length of what matched.
void sql_score(sqlite3_context* context, int, sqlite3_value** args) {
  const std::string_view title = text_argument(args[0]), id = text_argument(args[1]);
  const SearchMatch match = rank_match(title.empty() ? id : title, id, text_argument(args[2]));
  const std::size_t length = match == SearchMatch::Id ? id.size() : (title.empty() ? id : title).size();
  sqlite3_result_int64(context, static_cast<std::int64_t>(match) * rank_step + static_cast<std::int64_t>(length));
}

void register_functions(const Database& db) {
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  int result = sqlite3_create_function_v2(db.handle(), "isms_fold", 1, flags, nullptr, sql_fold, nullptr, nullptr, nullptr);
  if (result == SQLITE_OK) {
    result = sqlite3_create_function_v2(db.handle(), "isms_search_id", 2, flags, nullptr, sql_id_matches, nullptr,
                                        nullptr, nullptr);
  }
  if (result == SQLITE_OK) {
    result = sqlite3_create_function_v2(db.handle(), "isms_search_score", 3, flags, nullptr, sql_score, nullptr,
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
void search_kind(const Repository& records, const EntityDef& def, const std::string& question, std::size_t limit,
                 std::vector<Candidate>& found) {
  const std::string folded = fold_case(question);
  // ASCII questions use LIKE, which folds ASCII, and that is all an ASCII question can meet;
  // beyond ASCII each text is folded first (slower: only then).
  const bool plain = is_ascii(question);
  std::string matches = "isms_search_id(id, ?2)";
  for (const FieldDef& field : def.fields) {
    const bool text = field.type == FieldType::Text || field.type == FieldType::LongText || field.type == FieldType::Email;
    if (!text && field.key != def.title_field) continue;  // a measurement's title is its date
    const std::string column = quote_identifier(field.key);
    matches += plain ? " OR " + column + " LIKE ?1 ESCAPE '\\'" : " OR instr(isms_fold(" + column + "), ?2) > 0";
  }
  const FieldDef* parent = part_of_field(def);
  const std::string title = def.field(def.title_field) != nullptr ? quote_identifier(def.title_field) : "NULL";
  const std::string sql = "SELECT id, " + title + ", " + (parent ? quote_identifier(parent->key) : "NULL") +
                          ", isms_search_score(" + title + ", id, ?2) AS score FROM " + quote_identifier(def.table()) +
                          " WHERE deleted = 0 AND (" + matches + ") ORDER BY score, " + title +
                          " COLLATE NOCASE, id LIMIT ?3";
  Statement statement = records.database().prepare(sql);
  statement.bind(1, like_pattern(question)).bind(2, folded).bind(3, static_cast<std::int64_t>(limit));
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
  if (folded_question.empty()) return SearchMatch::Text;
  const std::string folded_title = fold_case(title);
  for (std::size_t at = folded_title.find(folded_question); at != std::string::npos;
       at = folded_title.find(folded_question, at + 1)) {
    if (at == 0) return SearchMatch::TitleStart;
    if (starts_word(folded_title, at)) return SearchMatch::TitleWord;
  }
  if (id_matches(id, folded_question)) return SearchMatch::Id;
  return SearchMatch::Text;
}

std::vector<SearchHit> search_records(const Repository& records, const SearchRequest& request) {
  const std::string question = trim(request.text);
  if (question.empty() || request.limit == 0) return {};
  register_functions(records.database());
  std::vector<Candidate> found;
  for (const EntityDef& def : records.registry().all()) {
    if (!request.kinds.empty() && std::find(request.kinds.begin(), request.kinds.end(), def.kind) == request.kinds.end()) {
      continue;
    }
    search_kind(records, def, question, request.limit, found);
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
