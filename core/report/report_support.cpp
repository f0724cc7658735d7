#include "core/report/report_support.hpp"

#include <algorithm>
#include <cctype>

#include "core/model/links.hpp"
#include "core/util/text.hpp"

namespace isms::report::support {

std::string RecordText::operator()(const Record& record, std::string_view key) {
  const EntityDef* def = records_.registry().find(record.kind);
  const FieldDef* field = def != nullptr ? def->field(key) : nullptr;
  return field != nullptr ? cell_text(*field, record.get(key), titles_) : std::string();
}

Html RecordText::status(const Record& record, std::string_view key) {
  const std::string value = to_display(record.get(key));
  if (value.empty()) return {};
  return chip((*this)(record, key), tone_of(value));
}

Html RecordText::lines(const Record& record, std::string_view key, std::string_view when_empty) {
  const EntityDef* def = records_.registry().find(record.kind);
  const FieldDef* field = def != nullptr ? def->field(key) : nullptr;
  if (field == nullptr) return long_text("", when_empty);
  std::vector<std::string> names;
  for (const std::string& id : linked_ids(*field, record.get(key)))
    names.push_back(titles_.title(field->link_kind, id));
  if (names.empty()) return long_text("", when_empty);
  std::stable_sort(names.begin(), names.end(),
                   [](const std::string& a, const std::string& b) { return title_less(a, b); });
  std::vector<Html> shown;
  for (const std::string& name : names) shown.push_back(text(name));
  return join_lines(shown);
}

std::vector<Record> parts_of(const Repository& records, std::string_view kind, std::string_view field,
                             const std::string& id) {
  return records.query(kind, RecordQuery().where_is(std::string(field), Condition::Op::Equal, {Value(id)}));
}

bool ref_less(std::string_view a, std::string_view b) {
  std::size_t i = 0, j = 0;
  const auto digit = [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; };
  while (i < a.size() && j < b.size()) {
    if (digit(a[i]) && digit(b[j])) {
      std::size_t end_a = i, end_b = j;
      while (end_a < a.size() && digit(a[end_a])) ++end_a;
      while (end_b < b.size() && digit(b[end_b])) ++end_b;
      // Compare as numbers without converting (no overflow): skip leading zeros, then length, then digits.
      std::string_view number_a = a.substr(i, end_a - i), number_b = b.substr(j, end_b - j);
      while (number_a.size() > 1 && number_a.front() == '0') number_a.remove_prefix(1);
      while (number_b.size() > 1 && number_b.front() == '0') number_b.remove_prefix(1);
      if (number_a.size() != number_b.size()) return number_a.size() < number_b.size();
      if (number_a != number_b) return number_a < number_b;
      i = end_a;
      j = end_b;
      continue;
    }
    const char ca = static_cast<char>(std::tolower(static_cast<unsigned char>(a[i])));
    const char cb = static_cast<char>(std::tolower(static_cast<unsigned char>(b[j])));
    if (ca != cb) return ca < cb;
    ++i;
    ++j;
  }
  return a.size() - i < b.size() - j;
}

bool value_is(const Record& record, std::string_view key, std::string_view expected) {
  const auto* text = std::get_if<std::string>(&record.get(key));
  return text != nullptr && *text == expected;
}

bool title_less(std::string_view a, std::string_view b) { return to_lower_ascii(a) < to_lower_ascii(b); }

std::string date_range(const std::string& from, const std::string& to) {
  if (from.empty()) return to;
  if (to.empty() || to == from) return from;
  return from + " \xE2\x80\x93 " + to;
}

std::string count_text(std::size_t count) { return std::to_string(count); }

}  // namespace isms::report::support
