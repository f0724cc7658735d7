// The pieces every printable report is made of: escaping, the CSS strings of the margin boxes,
// tables, and the page frame (header, footer, print styles, content policy).
#include <doctest/doctest.h>

#include <stdexcept>

#include "core/report/html.hpp"
#include "core/report/page.hpp"
#include "tests/core/report_test_support.hpp"

using namespace isms;
using namespace isms::report;
using isms::test::ReportFixture;

TEST_CASE("report: escape_html turns the five special characters into references and leaves the rest") {
  CHECK(escape_html("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(escape_html("Zürich – 5 € ✓") == "Zürich – 5 € ✓");
  CHECK(escape_html("&amp;") == "&amp;amp;");  // text, not markup: escaped again
  CHECK(escape_html("") == "");
}

TEST_CASE("report: css_string writes every ASCII sign as a hex escape, so no text leaves the string") {
  CHECK(css_string("Client GmbH 2027") == "\"Client GmbH 2027\"");
  CHECK(css_string("\"; } </style><script>") == "\"\\22 \\3b  \\7d  \\3c \\2f style\\3e \\3c script\\3e \"");
  CHECK(css_string("a\\b\nc") == "\"a\\5c b\\a c\"");
  CHECK(css_string("Zürich") == "\"Zürich\"");
}

TEST_CASE("report: markup escapes every text it is given") {
  CHECK(text("<b>").markup() == "&lt;b&gt;");
  CHECK(paragraph("a < b").markup() == "<p>a &lt; b</p>");
  CHECK(heading(2, "R&D").markup() == "<h2>R&amp;D</h2>");
  CHECK(heading(9, "x").markup() == "<h4>x</h4>");
  CHECK(long_text("line 1\n<line 2>").markup() == "<div class=\"long\">line 1\n&lt;line 2&gt;</div>");
  CHECK(long_text("  \n", "No agenda recorded.").markup() == "<span class=\"none\">No agenda recorded.</span>");
  CHECK(long_text("", "").empty());
  CHECK(empty_note("No risks recorded.").markup() == "<p class=\"none\">No risks recorded.</p>");
  CHECK(chip("Major <nc>", Tone::Bad).markup() == "<span class=\"chip bad\">Major &lt;nc&gt;</span>");
  CHECK(chip("Planned", Tone::Neutral).markup() == "<span class=\"chip\">Planned</span>");
  CHECK(join_lines({text("Anna"), text("<Bob>")}).markup() == "Anna<br>&lt;Bob&gt;");
  CHECK(section(text("x"), true).markup() == "<section class=\"new-page\">x</section>");
  CHECK(tiles({{"93", "<controls>"}}).markup() ==
        "<div class=\"tiles\"><div class=\"tile\"><div class=\"figure\">93</div><div class=\"caption\">&lt;controls&gt;"
        "</div></div></div>\n");
  CHECK(progress_bar(0.456).markup() ==
        "<span class=\"bar\"><span class=\"fill\" style=\"width:46%\"></span></span> 46%");
  CHECK(progress_bar(7).markup().ends_with(" 100%"));
  CHECK_THROWS_WITH_AS(element("div onclick=x", text("")), "Not an HTML tag name: div onclick=x",
                       std::invalid_argument);
}

TEST_CASE("report: tone_of gives one meaning to a value across registers") {
  CHECK(tone_of("implemented") == Tone::Good);
  CHECK(tone_of("done") == Tone::Good);
  CHECK(tone_of("partially_implemented") == Tone::Warning);
  CHECK(tone_of("minor_nonconformity") == Tone::Warning);
  CHECK(tone_of("critical") == Tone::Bad);
  CHECK(tone_of("off_target") == Tone::Bad);
  CHECK(tone_of("planned") == Tone::Neutral);
  CHECK(tone_of("not_assessed") == Tone::Neutral);
}

TEST_CASE("report: a table escapes its headers and cells, and refuses a row of the wrong width") {
  Table table({"Ref", "<Title>"}, "soa");
  table.row({text("5.1"), text("A & B")});
  CHECK(table.rows() == 1);
  CHECK(table.html().markup() ==
        "<table class=\"soa\">\n<thead><tr><th>Ref</th><th>&lt;Title&gt;</th></tr></thead>\n<tbody>\n"
        "<tr><td>5.1</td><td>A &amp; B</td></tr>\n</tbody>\n</table>\n");
  CHECK_THROWS_WITH_AS(table.row({text("only one")}), "A table row needs 2 cells, not 1.", std::invalid_argument);
  CHECK(facts({{"Date", text("2026-11-26")}}).markup() ==
        "<table class=\"facts\">\n<tbody>\n<tr><th scope=\"row\">Date</th><td>2026-11-26</td></tr>\n</tbody>\n"
        "</table>\n");
}

TEST_CASE("report: the context gives the day and the time shown") {
  const ReportContext context{"2026-11-26T09:30:59Z"};
  CHECK(context.today() == "2026-11-26");
  CHECK(context.shown_time() == "2026-11-26 09:30 UTC");
  CHECK(ReportContext{"26 November 2026"}.shown_time() == "26 November 2026");
  FixedClock clock("2027-01-02T03:04:05Z");
  CHECK(context_at(clock).now_utc == "2027-01-02T03:04:05Z");
}

TEST_CASE_FIXTURE(ReportFixture, "report: the page frame holds the header, the body, the footer and print styles") {
  const std::string html = page(*workspace, context, "Test report", paragraph("Body text."));
  test::check_header(html, "Test report");
  test::check_self_contained(html);
  CHECK(html.find("<meta charset=\"utf-8\">") != std::string::npos);
  CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                  "'unsafe-inline'\">") != std::string::npos);
  CHECK(html.find("<title>Test report – Client GmbH</title>") != std::string::npos);
  CHECK(html.find("<main>\n<p>Body text.</p></main>") != std::string::npos);
  CHECK(html.find("@page { size: A4 portrait; margin: 18mm 15mm 20mm 15mm;") != std::string::npos);
  CHECK(html.find("@top-left { content: \"Client GmbH · ISMS 2027\";") != std::string::npos);
  CHECK(html.find("@bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);") != std::string::npos);
  CHECK(html.find("thead { display: table-header-group; }") != std::string::npos);
  CHECK(test::in_order(html, {"<header", "<h1>Test report</h1>", "<main>", "Body text.", "<footer"}));

  const std::string wide = page(*workspace, context, "Wide", Html(), Orientation::Landscape);
  CHECK(wide.find("@page { size: A4 landscape;") != std::string::npos);
}

TEST_CASE_FIXTURE(ReportFixture,
                  "report: a client, workspace or title with markup is text in every part of the frame") {
  workspace->rename(test::evil_title);
  records.update("workspace", workspace->id(), {{"client", Value("Evil \"</style><script>x()</script>")}});
  const std::string html = page(*workspace, context, "R&D <b>report</b>", Html());
  test::check_self_contained(html);
  CHECK(html.find("<h1>R&amp;D &lt;b&gt;report&lt;/b&gt;</h1>") != std::string::npos);
  CHECK(html.find("<dd>" + test::evil_escaped + "</dd>") != std::string::npos);
  CHECK(html.find("<dd>Evil &quot;&lt;/style&gt;&lt;script&gt;x()&lt;/script&gt;</dd>") != std::string::npos);
  CHECK(html.find("<title>R&amp;D &lt;b&gt;report&lt;/b&gt; – Evil &quot;&lt;/style&gt;") != std::string::npos);
  CHECK(test::occurrences(html, "</style>") == 1);  // the page's own, and no other
  CHECK(html.find("@top-left { content: \"Evil \\22 \\3c \\2f style\\3e \\3c script\\3e x\\28 \\29 \\3c \\2f "
                  "script\\3e  · \\3c script\\3e alert\\28 1\\29 \\3c \\2f script\\3e \";") != std::string::npos);
}
