#include "core/report/page.hpp"

#include "core/util/date.hpp"
#include "core/version.hpp"

namespace isms::report {
namespace {

constexpr const char* product = "ISMS Register";

// Calm and plain: the system's own font, thin grey rules, black text; colour only in the status
// chips (and printed as such: print-color-adjust). Margin boxes put the client, the report and
// the page number on every printed page after the first (Chromium 131 and later; other browsers
// leave the margins empty); their texts come from css_string, never from raw data.
constexpr const char* style = R"css(
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 62rem; padding: 2rem 2.5rem; color: #1d2330; background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-size: 10.5pt; line-height: 1.45; }
header.report { border-bottom: 2px solid #1d2330; padding-bottom: .8rem; margin-bottom: 1.2rem; }
header.report .kicker { font-size: 9pt; letter-spacing: .06em; text-transform: uppercase; color: #5b6475; }
h1 { font-size: 20pt; font-weight: 600; margin: .2rem 0 .7rem; }
h2 { font-size: 14pt; font-weight: 600; margin: 1.6rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 1px solid #c9ced8; break-after: avoid; }
h3 { font-size: 11.5pt; font-weight: 600; margin: 1.2rem 0 .4rem; break-after: avoid; }
h4 { font-size: 10.5pt; font-weight: 600; margin: 1rem 0 .3rem; break-after: avoid; }
p { margin: .3rem 0 .6rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: .15rem 1.2rem; margin: 0;
  font-size: 9.5pt; }
dl.meta dt { color: #5b6475; }
dl.meta dd { margin: 0; }
table { width: 100%; border-collapse: collapse; margin: .4rem 0 1rem; font-size: 9.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 1px solid #c9ced8; padding: .3rem .45rem; text-align: left; vertical-align: top; }
thead th { background: #f1f3f6; font-weight: 600; }
table.facts th { width: 26%; background: #f7f8fa; font-weight: 600; }
.long { white-space: pre-wrap; }
.none { color: #6b7280; font-style: italic; }
.chip { display: inline-block; padding: 0 .45rem; border: 1px solid #d5d9e0; border-radius: .6rem;
  background: #eef0f3; color: #374151; font-size: 8.5pt; line-height: 1.5; white-space: nowrap; }
.chip.good { background: #e7f5ec; color: #17663a; border-color: #b7e0c5; }
.chip.warning { background: #fff4e0; color: #8a5200; border-color: #f3d29b; }
.chip.bad { background: #fdecec; color: #a11a1a; border-color: #f2bcbc; }
.tiles { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0 1rem; }
.tile { flex: 1 1 0; min-width: 6rem; border: 1px solid #c9ced8; padding: .45rem .7rem; break-inside: avoid; }
.tile .figure { font-size: 16pt; font-weight: 600; }
.tile .caption { font-size: 8.5pt; color: #5b6475; }
.bar { display: inline-block; width: 6rem; height: .55rem; border: 1px solid #9aa3b2; vertical-align: middle; }
.bar .fill { display: block; height: 100%; background: #5b6475; }
section.new-page { break-before: page; }
footer.report { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid #c9ced8; font-size: 8.5pt;
  color: #5b6475; }
@media print { body { max-width: none; padding: 0; font-size: 9.5pt; } }
)css";

std::string page_rule(const WorkspaceMeta& meta, const ReportContext& context, std::string_view title,
                      Orientation orientation) {
  const std::string box = " font-family: system-ui, sans-serif; font-size: 8pt; color: #5b6475; }\n";
  return std::string("@page { size: A4 ") + (orientation == Orientation::Landscape ? "landscape" : "portrait") +
         "; margin: 18mm 15mm 20mm 15mm;\n"
         "  @top-left { content: " +
         css_string(meta.client + " \xC2\xB7 " + meta.name) + ";" + box +
         "  @top-right { content: " + css_string(title) + ";" + box + "  @bottom-left { content: " +
         css_string(std::string(product) + " " + app_version + " \xC2\xB7 " + context.shown_time()) + ";" + box +
         "  @bottom-right { content: \"Page \" counter(page) \" of \" counter(pages);" + box + "}\n" +
         "@page :first { @top-left { content: none; } @top-right { content: none; } }\n";
}

Html header(const WorkspaceMeta& meta, const ReportContext& context, std::string_view title) {
  const auto fact = [](std::string_view label, std::string_view value) {
    return element("dt", text(label)) + element("dd", text(value));
  };
  const Html meta_list = fact("Client", meta.client) + fact("Workspace", meta.name) +
                         fact("Prepared by", meta.consultant) + fact("Date", context.shown_time()) +
                         fact("Version", std::string(product) + " " + app_version);
  return element("header",
                 element("div", text(meta.client), "kicker") + heading(1, title) + element("dl", meta_list, "meta"),
                 "report");
}

Html footer(const WorkspaceMeta& meta, const ReportContext& context) {
  return element("footer",
                 paragraph(std::string("Made by ") + product + " " + app_version + " on " + context.shown_time() +
                           " from the workspace " + meta.name + " of " + meta.client + "."),
                 "report");
}

}  // namespace

std::string ReportContext::today() const { return date_of_timestamp(now_utc); }

std::string ReportContext::shown_time() const {
  // "2026-11-26T09:30:00Z": the shape Clock writes; anything else is shown as it is.
  const bool clock_shape = now_utc.size() == 20 && now_utc[10] == 'T' && now_utc[19] == 'Z' &&
                           parse_date(std::string_view(now_utc).substr(0, 10)).has_value();
  if (!clock_shape) return now_utc;
  return now_utc.substr(0, 10) + " " + now_utc.substr(11, 5) + " UTC";
}

ReportContext context_at(const Clock& clock) { return ReportContext{clock.now_utc()}; }

std::string page(const Workspace& workspace, const ReportContext& context, std::string_view title, const Html& body,
                 Orientation orientation) {
  const WorkspaceMeta meta = workspace.meta();
  // The policy is a second line of defence: even a text that escaped escaping could run no
  // script and fetch nothing. Styles are inline, so only they are allowed.
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  out += escape_html(std::string(title) + " \xE2\x80\x93 " + meta.client);
  out += "</title>\n<style>";
  out += style;
  out += page_rule(meta, context, title, orientation);
  out += "</style>\n</head>\n<body>\n";
  out += header(meta, context, title).markup();
  out += "\n<main>\n" + body.markup() + "</main>\n";
  out += footer(meta, context).markup();
  out += "\n</body>\n</html>\n";
  return out;
}

}  // namespace isms::report
