#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/entity.hpp"
#include "core/model/value.hpp"
#include "core/store/repository.hpp"

// A register's cells as people read them, shared by the interface's tables, the CSV export and
// the printed reports, so the three can never disagree about what a cell says.
namespace isms::report {

// The titles of linked records, each read once for one table, export or report: a column of
// 10,000 links to the same 20 people costs 20 reads, not 10,000. Holds a reference: the
// Repository must outlive it. Not meant to outlive the data either: make a new one after a write.
class TitleCache {
 public:
  explicit TitleCache(const Repository& records) : records_(records) {}

  // The title of the record (Repository::title_of; tombstones keep their title), or the id itself
  // when there is no such record. `kind` is the link's kind; any_kind looks in every register.
  const std::string& title(std::string_view kind, const std::string& id);

  // Reads the titles of many records of one kind in a few queries (for a whole column), so that
  // the title() calls that follow find them. Ids already known are not read again.
  void prefetch(std::string_view kind, const std::vector<std::string>& ids);

  const Repository& records() const { return records_; }

 private:
  const Repository& records_;
  std::unordered_map<std::string, std::string> titles_;  // by id: ids are unique across registers
};

// A field's value as a register table shows it: an Enum's option label, a Link's target title,
// a LinkList's target titles in alphabetical order (ignoring ASCII case) joined by "; ", dates
// as stored ("YYYY-MM-DD"), numbers in their shortest exact form (to_display), text as it is,
// and "" for no value. A value the definition does not expect (an unknown option, a malformed
// list from a damaged import) is shown as stored rather than hidden.
std::string cell_text(const FieldDef& field, const Value& value, TitleCache& titles);

}  // namespace isms::report
