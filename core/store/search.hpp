#pragma once
// Search everywhere (issue 4, Ctrl+K): one question over every register of a workspace, the
// best matches first. SQLite finds the candidates (LIKE, or a case-folding function when the
// question holds letters beyond ASCII) among the rows the search index names (search_index.hpp);
// the ranking is computed for those rows only.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/store/repository.hpp"

namespace isms {

// Why a record was found, best first: the order of the results.
enum class SearchMatch {
  TitleStart,  // its title begins with the question ("Lap" finds "Laptop fleet")
  TitleWord,   // a word of its title does ("fleet", "lap" in "Old laptops" does too)
  Id,          // separators aside, it is whole parts of the id ("A.5.15" finds annex-a-5.15, not
               // annex-a-5.150), or the id holds it as typed when it is 6 characters or more
  Text,        // any other text field holds it (a description, a reference, an e-mail address)
};

struct SearchHit {
  std::string kind, id, title;  // title as Repository::title_of gives it (the id when empty)
  SearchMatch match = SearchMatch::Text;
  // A part (a risk's treatment action, a KPI's measurement, an attachment): the record it is
  // part of, through its first part_of field. Empty for other records, or a parent that is gone.
  std::string parent_kind, parent_id, parent_title;
};

struct SearchRequest {
  std::string text;                // trimmed; an empty question finds nothing
  std::size_t limit = 50;          // at most this many hits in all
  std::vector<std::string> kinds;  // the registers to search; empty: every one
};

// Live records only, case-insensitive (core/util/case_fold.hpp). Within one kind of match the
// shorter title (for Id: the shorter id) comes first, so an exact match leads; then by title.
// Questions of 3 characters or more are answered through the search index (search_index.hpp)
// where the file has one; the results are the same as a scan of every row.
std::vector<SearchHit> search_records(const Repository& records, const SearchRequest& request);
// The same, scanning every row when `use_search_index` is false: the oracle the index's tests
// and the benchmark compare against.
std::vector<SearchHit> search_records(const Repository& records, const SearchRequest& request, bool use_search_index);

// The ranking alone, for one record that holds the question somewhere, the question already
// folded (fold_case) and trimmed: Text when neither its title nor its id explains the match.
SearchMatch rank_match(std::string_view title, std::string_view id, std::string_view folded_question);

}  // namespace isms
