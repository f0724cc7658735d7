#include "core/report/html.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace isms::report {

Html detail::trusted(std::string markup) { return Html(std::move(markup)); }

using detail::trusted;

namespace {

bool is_tag_name(std::string_view tag) {
  return !tag.empty() &&
         std::all_of(tag.begin(), tag.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); });
}

std::string class_attribute(std::string_view css_class) {
  return css_class.empty() ? std::string() : " class=\"" + escape_html(css_class) + "\"";
}

std::string_view tone_name(Tone tone) {
  switch (tone) {
    case Tone::Good:
      return "good";
    case Tone::Warning:
      return "warning";
    case Tone::Bad:
      return "bad";
    default:
      return "";
  }
}

std::string with_tone(std::string_view base, Tone tone) {
  const std::string_view name = tone_name(tone);
  return name.empty() ? std::string(base) : std::string(base) + " " + std::string(name);
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string css_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = byte >= 0x80 || byte == ' ' || (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
                       (byte >= 'A' && byte <= 'Z');
    if (plain) {
      out += c;
      continue;
    }
    // The space ends the escape, so a hex digit that follows is not read as part of it.
    char escaped[8];
    std::snprintf(escaped, sizeof escaped, "\\%x ", static_cast<unsigned>(byte));
    out += escaped;
  }
  return out + "\"";
}

Html text(std::string_view text) { return trusted(escape_html(text)); }

Html long_text(std::string_view text, std::string_view when_empty) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return when_empty.empty() ? Html() : trusted("<span class=\"none\">" + escape_html(when_empty) + "</span>");
  }
  return trusted("<div class=\"long\">" + escape_html(text) + "</div>");
}

Html element(std::string_view tag, const Html& content, std::string_view css_class) {
  if (!is_tag_name(tag)) throw std::invalid_argument("Not an HTML tag name: " + std::string(tag));
  const std::string name(tag);
  return trusted("<" + name + class_attribute(css_class) + ">" + content.markup() + "</" + name + ">");
}

Html heading(int level, std::string_view title) {
  std::string tag = "h";  // appended, not "h" + ...: GCC 12 warns falsely (-Wrestrict) about that form
  tag += std::to_string(std::clamp(level, 1, 4));
  return element(tag, text(title));
}

Html paragraph(std::string_view words, std::string_view css_class) { return element("p", text(words), css_class); }

Html empty_note(std::string_view sentence) { return paragraph(sentence, "none"); }

Html section(const Html& content, bool new_page) {
  return element("section", content, new_page ? "new-page" : std::string_view());
}

Html join_lines(const std::vector<Html>& lines) {
  std::string markup;
  for (const Html& line : lines) markup += (markup.empty() ? "" : "<br>") + line.markup();
  return trusted(markup);
}

Html chip(std::string_view label, Tone tone) { return element("span", text(label), with_tone("chip", tone)); }

Tone tone_of(std::string_view value) {
  static const std::vector<std::string_view> good = {"implemented", "done",     "met",       "effective", "approved",
                                                     "conform",     "achieved", "on_target", "closed",    "low",
                                                     "yes",         "treated",  "accepted",  "in_place"};
  static const std::vector<std::string_view> warning = {
      "partially_implemented",       "partially_met",       "in_progress",     "at_risk", "observation",
      "opportunity_for_improvement", "minor_nonconformity", "minor",           "medium",  "undecided",
      "treatment_planned",           "verification",        "actions_planned", "analysed"};
  static const std::vector<std::string_view> bad = {"major_nonconformity", "major",   "high",   "critical",
                                                    "off_target",          "overdue", "missed", "gap"};
  const auto in = [value](const std::vector<std::string_view>& list) {
    return std::find(list.begin(), list.end(), value) != list.end();
  };
  if (in(good)) return Tone::Good;
  if (in(warning)) return Tone::Warning;
  if (in(bad)) return Tone::Bad;
  return Tone::Neutral;
}

Table::Table(std::vector<std::string> headers, std::string css_class)
    : headers_(std::move(headers)), css_class_(std::move(css_class)) {}

Table& Table::row(std::vector<Html> cells) {
  if (cells.size() != headers_.size()) {
    throw std::invalid_argument("A table row needs " + std::to_string(headers_.size()) + " cells, not " +
                                std::to_string(cells.size()) + ".");
  }
  body_ += "<tr>";
  for (const Html& cell : cells) body_ += "<td>" + cell.markup() + "</td>";
  body_ += "</tr>\n";
  ++rows_;
  return *this;
}

Html Table::html() const {
  std::string markup = "<table" + class_attribute(css_class_) + ">\n<thead><tr>";
  for (const std::string& header : headers_) markup += "<th>" + escape_html(header) + "</th>";
  markup += "</tr></thead>\n<tbody>\n" + body_ + "</tbody>\n</table>\n";
  return trusted(markup);
}

Html facts(const std::vector<std::pair<std::string, Html>>& rows) {
  std::string markup = "<table class=\"facts\">\n<tbody>\n";
  for (const auto& [label, value] : rows) {
    markup += "<tr><th scope=\"row\">" + escape_html(label) + "</th><td>" + value.markup() + "</td></tr>\n";
  }
  return trusted(markup + "</tbody>\n</table>\n");
}

Html tiles(const std::vector<Tile>& figures) {
  std::string markup = "<div class=\"tiles\">";
  for (const Tile& tile : figures) {
    markup += "<div class=\"tile\"><div class=\"figure\">" + escape_html(tile.value) + "</div><div class=\"caption\">" +
              escape_html(tile.label) + "</div></div>";
  }
  return trusted(markup + "</div>\n");
}

Html progress_bar(double share) {
  const double clamped = std::isfinite(share) ? std::clamp(share, 0.0, 1.0) : 0.0;
  const long percent = std::lround(clamped * 100);
  const std::string width = std::to_string(percent);
  return trusted("<span class=\"bar\"><span class=\"fill\" style=\"width:" + width + "%\"></span></span> " + width +
                 "%");
}

}  // namespace isms::report
