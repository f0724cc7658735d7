#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/record.hpp"
#include "core/report/html.hpp"
#include "core/report/table_text.hpp"
#include "core/store/repository.hpp"

// What the printable reports share for reading records: a field as the tables show it, a status
// as a chip, the records that are part of another. For core/report/*_report.cpp only.
namespace isms::report::support {

class RecordText {
 public:
  explicit RecordText(const Repository& records) : records_(records), titles_(records) {}

  // The field as cell_text shows it; "" for a field the record's register lacks.
  std::string operator()(const Record& record, std::string_view key);
  Html cell(const Record& record, std::string_view key) { return text((*this)(record, key)); }
  // An Enum field as a chip in the tone of its value; nothing when it has no value.
  Html status(const Record& record, std::string_view key);
  // A LinkList field's titles, one per line (attendees, auditors).
  Html lines(const Record& record, std::string_view key, std::string_view when_empty);
  const std::string& title(std::string_view kind, const std::string& id) { return titles_.title(kind, id); }

  TitleCache& titles() { return titles_; }
  const Repository& records() const { return records_; }

 private:
  const Repository& records_;
  TitleCache titles_;
};

// The live records of `kind` whose `field` holds `id` (a review's inputs, an audit's checklist),
// in creation order.
std::vector<Record> parts_of(const Repository& records, std::string_view kind, std::string_view field,
                             const std::string& id);

// Reference order, numbers compared as numbers: "5.9" before "5.10", "C-2" before "C-10".
bool ref_less(std::string_view a, std::string_view b);

// Whether the field holds exactly this text (an Enum value, an id).
bool value_is(const Record& record, std::string_view key, std::string_view expected);

// ASCII-case-insensitive order for titles and names.
bool title_less(std::string_view a, std::string_view b);

// "2026-03-01 – 2026-03-05", one of them alone, or "" with neither.
std::string date_range(const std::string& from, const std::string& to);

std::string count_text(std::size_t count);  // "12": for tiles

}  // namespace isms::report::support
