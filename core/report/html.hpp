#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The pieces the printable reports are made of. Every text goes in through a function that
// escapes it, and markup is its own type (Html), so a report cannot put a record's title into a
// page unescaped by forgetting to: `<script>alert(1)</script>` as a title prints as those
// characters.
namespace isms::report {

// & < > " ' as character references: enough for text in elements and in quoted attributes.
std::string escape_html(std::string_view text);

// Text as a CSS string literal ("..."), for the page's margin boxes in the <style> element,
// where character references mean nothing. Every ASCII character but letters, digits and the
// space is written as a hex escape ("\3c " for <), so no text can close the string, the rule or
// the <style> element. Bytes of multi-byte UTF-8 characters are kept as they are.
std::string css_string(std::string_view text);

class Html;
namespace detail {
Html trusted(std::string markup);  // markup written in code: for html.cpp only
}

// Markup that is safe to put into a page: made only by the functions below, which escape every
// text they are given.
class Html {
 public:
  Html() = default;
  const std::string& markup() const { return markup_; }
  bool empty() const { return markup_.empty(); }
  Html& operator+=(const Html& more) {
    markup_ += more.markup_;
    return *this;
  }
  friend Html operator+(Html first, const Html& second) { return first += second; }

 private:
  friend Html detail::trusted(std::string markup);
  explicit Html(std::string markup) : markup_(std::move(markup)) {}
  std::string markup_;
};

Html text(std::string_view text);  // escaped, inline
// Text written on several lines (minutes, justifications): escaped, its line breaks kept.
// `when_empty` is shown, muted, when there is no text (nothing at all when it is empty too).
Html long_text(std::string_view text, std::string_view when_empty = "Not recorded.");
// An element around content. The tag and class are written in code, never taken from data:
// std::invalid_argument for a tag that is not lowercase letters and digits.
Html element(std::string_view tag, const Html& content, std::string_view css_class = {});
Html heading(int level, std::string_view title);  // h1 to h4
Html paragraph(std::string_view text, std::string_view css_class = {});
Html empty_note(std::string_view sentence);                // "No risks recorded.", muted
Html section(const Html& content, bool new_page = false);  // a part that prints on a new page if asked
Html join_lines(const std::vector<Html>& lines);           // one per line within a cell

// Status chips: the only colour in a report. The label always says it too, for a printer
// without colour and for people who do not tell these colours apart.
enum class Tone { Neutral, Good, Warning, Bad };
Html chip(std::string_view label, Tone tone);
// The tone of a status, level or result value as the registers store them ("implemented",
// "major_nonconformity", "high", "off_target", ...): one meaning across registers, Neutral for
// what is neither good nor bad (planned, open, not assessed).
Tone tone_of(std::string_view value);

// A table with a header row that repeats on every printed page.
class Table {
 public:
  explicit Table(std::vector<std::string> headers, std::string css_class = {});
  // One cell per header (std::invalid_argument otherwise).
  Table& row(std::vector<Html> cells);
  std::size_t rows() const { return rows_; }
  Html html() const;

 private:
  std::vector<std::string> headers_;
  std::string css_class_;
  std::string body_;
  std::size_t rows_ = 0;
};

// Labelled facts about one record (Date, Attendees, Approved by): a two-column table.
Html facts(const std::vector<std::pair<std::string, Html>>& rows);

// Key figures in a row of tiles: "93" over "controls".
struct Tile {
  std::string value, label;
};
Html tiles(const std::vector<Tile>& figures);

// A bar for a share from 0 to 1 (clamped), with its percentage written beside it.
Html progress_bar(double share);

}  // namespace isms::report
