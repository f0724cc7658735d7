#pragma once

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/report/page.hpp"
#include "core/version.hpp"
#include "core/workspace/workspace.hpp"
#include "tests/core/temp_dir.hpp"

// What the tests of the printable reports share: a small workspace, a pinned moment, and the
// checks every report must pass (its header, escaping, nothing fetched from anywhere).
namespace isms::test {

inline const std::string evil_title = "<script>alert(1)</script>";
inline const std::string evil_escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";

struct ReportFixture {
  TempDir dir;
  FixedClock clock{"2026-11-26T09:30:00Z"};
  std::unique_ptr<Workspace> workspace =
      Workspace::create(dir.str(), "ws-report", {"ISMS 2027", "Client GmbH", "Anna Consultant"}, clock, nullptr);
  Repository& records = workspace->records();
  report::ReportContext context{"2026-11-26T09:30:00Z"};

  std::string person(const std::string& name) { return records.create("person", {{"name", Value(name)}}); }
};

inline std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

inline std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size())) ++count;
  return count;
}

// Self-contained and inert: no script, nothing loaded from anywhere. The one "http" allowed is
// the Content-Security-Policy's http-equiv attribute.
inline void check_self_contained(const std::string& html) {
  std::string page = lower(html);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(occurrences(page, "http-equiv") == 1);
  for (std::size_t at = page.find("http-equiv"); at != std::string::npos; at = page.find("http-equiv")) {
    page.erase(at, 10);
  }
  for (const char* forbidden :
       {"http", " src=", "url(", "@import", "<link", "<img", "<iframe", "<object", "<embed", "javascript:"}) {
    INFO("found: " << forbidden);
    CHECK(page.find(forbidden) == std::string::npos);
  }
  // No event handler attribute (onload=, onclick=...): " on" then letters then "=".
  for (std::size_t at = page.find(" on"); at != std::string::npos; at = page.find(" on", at + 3)) {
    std::size_t end = at + 3;
    while (end < page.size() && std::isalpha(static_cast<unsigned char>(page[end]))) ++end;
    INFO("at: " << page.substr(at, 20));
    CHECK(!(end > at + 3 && end < page.size() && page[end] == '='));
  }
}

// The shared header: report title, client, workspace, consultant, date and app version; and the footer.
inline void check_header(const std::string& html, const std::string& title_html) {
  CHECK(html.starts_with("<!DOCTYPE html>\n"));
  CHECK(html.find("<h1>" + title_html + "</h1>") != std::string::npos);
  CHECK(html.find("<dt>Client</dt><dd>Client GmbH</dd><dt>Workspace</dt><dd>ISMS 2027</dd><dt>Prepared by</dt><dd>Anna "
                  "Consultant</dd><dt>Date</dt><dd>2026-11-26 09:30 UTC</dd><dt>Version</dt><dd>ISMS Register " +
                  std::string(app_version) + "</dd>") != std::string::npos);
  CHECK(html.find("<footer class=\"report\"><p>Made by ISMS Register " + std::string(app_version) +
                  " on 2026-11-26 09:30 UTC from the workspace ISMS 2027 of Client GmbH.</p></footer>") !=
        std::string::npos);
  CHECK(html.ends_with("</body>\n</html>\n"));
}

// Each text is found, after the one before it.
inline bool in_order(const std::string& html, const std::vector<std::string>& texts) {
  std::size_t from = 0;
  for (const std::string& text : texts) {
    const std::size_t at = html.find(text, from);
    if (at == std::string::npos) {
      MESSAGE("not found in order: " << text);
      return false;
    }
    from = at + text.size();
  }
  return true;
}

}  // namespace isms::test
