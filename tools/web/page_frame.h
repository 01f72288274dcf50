// The frame every page of `regdiff serve` shares: the document head with the
// one inline style sheet, the navigation bar, the footer, error pages, and
// links with query strings. Pages are HTML5 without script or external
// resource; every text from the store goes through HtmlEscape (a stored
// title holding "<script>" shows as text). The server sends them with a
// Content-Security-Policy that forbids scripts anyway (kPageSecurityPolicy).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace regdiff::tools::web {

inline constexpr char kHtmlType[] = "text/html; charset=utf-8";

// No script, no plug-in, no frame, nothing loaded from elsewhere: styles
// inline, pictures inline SVG, forms sent to this server only.
inline constexpr char kPageSecurityPolicy[] =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

// The sections of the navigation bar; a page names the one it belongs to.
enum class Section { kAnnouncements, kAsof, kTimeline, kDiff, kSearch, kWatch, kNone };

// `<!doctype html>` up to the opening of <main>: title "TITLE · regdiff",
// the style sheet, the navigation bar with `current` marked
// (aria-current="page").
// `extra_style`: rules of the page's own appended to the one style sheet
// (the diff page's are the HTML report's, diff/render_html.h).
std::string BeginPage(std::string_view title, Section current, std::string_view extra_style = {});

// From the closing of <main> to </html>: a footer naming regdiff's version.
std::string EndPage();

// A whole page for an error: status, message, a link home.
std::string ErrorPage(int status, std::string_view message);

// `text` percent-encoded for a query-string value (RFC 3986 unreserved
// bytes kept, everything else %XX, so UTF-8 names survive).
std::string UrlEncode(std::string_view text);

// "PATH?k1=v1&k2=v2" with the values encoded and empty values left out,
// HTML-escaped for an href attribute.
std::string Href(std::string_view path,
                 const std::vector<std::pair<std::string, std::string>>& params = {});

// A link to the page of announcement `doc_id`, the id its text:
// <a ATTRIBUTES href="/announcements/ID[?PARAMS][#FRAGMENT]">ID</a>;
// `attributes` (" class=..."), when given, starts with a space.
std::string AnnouncementLink(std::string_view doc_id, std::string_view attributes = "",
                             const std::vector<std::pair<std::string, std::string>>& params = {},
                             std::string_view fragment = "");

}  // namespace regdiff::tools::web
