// The page frame: head, style sheet, navigation, footer, error pages, links.
#include "tools/web/page_frame.h"

#include <cstdio>

#include "corpus/display_text.h"
#include "corpus/strings.h"

namespace regdiff::tools::web {
namespace {

constexpr char kStyle[] = R"css(
:root{--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg-soft:#f6f8fa;--link:#0550ae;--mark:#fff3b0;--mark-strong:#ffd33d;--add:#e6ffec;--del:#ffebe9;--chg:#fff8c5}
*{box-sizing:border-box}
body{font:15px/1.55 -apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:var(--ink);margin:0}
a{color:var(--link)}
header.site{background:#24292f;color:#fff;padding:0 24px;display:flex;flex-wrap:wrap;align-items:center;gap:4px 20px}
header.site .brand{font-weight:700;color:#fff;text-decoration:none;padding:10px 0;margin-right:12px}
header.site nav a{color:#d1d9e0;text-decoration:none;padding:10px 4px;display:inline-block;margin-right:10px}
header.site nav a[aria-current=page]{color:#fff;border-bottom:2px solid #fd8c73}
main{max-width:1280px;margin:0 auto;padding:20px 24px}
h1{font-size:1.45em;margin:0 0 .5em}h2{font-size:1.15em;border-bottom:1px solid var(--line);padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:var(--bg-soft)}td.code,td.hs,code{font-family:ui-monospace,"Noto Sans Mono CJK SC",monospace}
td.num{text-align:right;white-space:nowrap}
form.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-end;background:var(--bg-soft);border:1px solid var(--line);padding:10px 12px;margin:.5em 0 1em}
form.filters label{display:flex;flex-direction:column;font-size:.85em;color:var(--muted)}
form.filters input,form.filters select{font:inherit;padding:3px 6px}
.muted{color:var(--muted)}.error{color:#cf222e}
mark{background:var(--mark);scroll-margin-top:4em}mark:target,mark.current{background:var(--mark-strong);outline:2px solid #bf8700}
.columns{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px}
@media (max-width:900px){.columns{grid-template-columns:1fr}}
pre.source{white-space:pre-wrap;word-break:break-word;background:var(--bg-soft);border:1px solid var(--line);padding:12px;font:14px/1.7 "Noto Sans CJK SC","Noto Sans",sans-serif}
tr.added td{background:var(--add)}tr.removed td{background:var(--del)}tr.changed td,tr.suspended td{background:var(--chg)}
svg{max-width:100%;height:auto}
figure.timeline-picture{margin:.5em 0;overflow-x:auto}.timeline-legend .swatch{display:inline-block;width:14px;height:9px;margin:0 4px 0 10px;border:1px solid var(--line)}
.timeline-legend .swatch.controlled{background:#2da44e}.timeline-legend .swatch.suspended{background:#fff1e5;border-color:#bc4c00}.timeline-legend .swatch.ended{background:#d1d9e0}
#timeline-events td.evidence q{color:var(--muted)}#watch-sources tr.failing td{background:var(--del)}
footer.site{max-width:1280px;margin:2em auto 0;padding:12px 24px;color:var(--muted);font-size:.85em;border-top:1px solid var(--line)}
.doc-columns.bilingual{grid-template-columns:minmax(0,1fr) minmax(0,2fr)}
.doc-pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px}
@media (max-width:900px){.doc-columns.bilingual,.doc-pair{grid-template-columns:1fr}}
table.doc-facts th{width:7em}.doc-provenance{font-size:.85em;word-break:break-all}
a.ev-back{text-decoration:none}a.ev-back::after{content:"\2191";font-size:.75em;vertical-align:super}
a.evidence-link:target{outline:2px solid #bf8700}
#search-results li{margin:.4em 0}.hit-line{font-family:"Noto Sans CJK SC","Noto Sans",sans-serif}
section.disagreements{border-left:4px solid #bc4c00;padding-left:10px}section.disagreements[data-count="0"]{border-left-color:#2da44e}
pre.source span.text-break{display:block;margin:.8em 0 .2em;border-top:1px dashed #8c959f;font-size:.8em;color:var(--muted)}pre.source span.text-break::before{content:attr(data-place)}
mark.hit{background:#c8e1ff}mark.hit:target{outline:2px solid #0550ae}nav.pages{margin:1em 0}nav.pages a,nav.pages span{padding:2px 6px}nav.pages span[aria-current=page]{font-weight:700;border:1px solid var(--line)}
)css";

struct NavEntry {
  Section section;
  const char* href;
  const char* label;
};

// The navigation bar, in its order.
constexpr NavEntry kNav[] = {
    {Section::kAnnouncements, "/", "Announcements"},
    {Section::kAsof, "/asof", "In force"},
    {Section::kTimeline, "/timeline", "Timeline"},
    {Section::kDiff, "/diff", "Diff"},
    {Section::kSearch, "/search", "Search"},
    {Section::kWatch, "/watch", "Watch"},
};

}  // namespace

std::string BeginPage(std::string_view title, Section current, std::string_view extra_style) {
  std::string out = "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>";
  out += HtmlEscape(title);
  // An empty icon: without one the browser asks for /favicon.ico, which
  // is no page, and logs the 404 as an error on every first visit.
  out += " · regdiff</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>";
  out += kStyle;
  out += extra_style;
  out += "</style>\n</head>\n<body>\n<header class=\"site\"><a class=\"brand\" href=\"/\">regdiff</a>"
         "<nav aria-label=\"Sections\">";
  for (const NavEntry& entry : kNav) {
    out += "<a href=\"";
    out += entry.href;
    out += '"';
    if (entry.section == current) out += " aria-current=\"page\"";
    out += '>';
    out += entry.label;
    out += "</a>";
  }
  out += "</nav></header>\n<main>\n";
  return out;
}

std::string EndPage() {
  std::string out = "</main>\n<footer class=\"site\">regdiff ";
  out += HtmlEscape(REGDIFF_VERSION);
  out += " · read-only · <a href=\"/api/announcements\">JSON API</a> · "
         "<a href=\"/feed.atom\">Atom feed</a></footer>\n</body>\n</html>\n";
  return out;
}

std::string ErrorPage(int status, std::string_view message) {
  const std::string heading = status == 404 ? "Not found" : status < 500 ? "Bad request" : "Error";
  std::string out = BeginPage(heading, Section::kNone);
  out += "<h1>";
  out += heading;
  out += "</h1>\n<p class=\"error\" id=\"error-message\">";
  out += HtmlEscape(message);
  out += "</p>\n<p><a href=\"/\">All announcements</a></p>\n";
  out += EndPage();
  return out;
}

std::string UrlEncode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

std::string Href(std::string_view path,
                 const std::vector<std::pair<std::string, std::string>>& params) {
  std::string url(path);
  char separator = '?';
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    url += separator;
    url += UrlEncode(name);
    url += '=';
    url += UrlEncode(value);
    separator = '&';
  }
  return HtmlEscape(url);
}

std::string AnnouncementLink(std::string_view doc_id, std::string_view attributes,
                             const std::vector<std::pair<std::string, std::string>>& params,
                             std::string_view fragment) {
  std::string out = "<a";
  out += attributes;
  out += " href=\"";
  out += Href("/announcements/" + UrlEncode(doc_id), params);
  if (!fragment.empty()) {
    out += '#';
    out += HtmlEscape(fragment);
  }
  out += "\">";
  out += HtmlEscape(Utf8DisplayForm(doc_id));
  out += "</a>";
  return out;
}

}  // namespace regdiff::tools::web
