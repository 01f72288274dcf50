// The sources file of `regdiff watch` (TOML): the index pages to poll and,
// per source, how to find announcement links on them, how to read the
// announcement pages, how deep to page through the list and how often to
// poll. Loading validates everything up front; every error names the source
// and the key.
//
//   [fetch]                       # optional; defaults in ingest/fetch.h
//   timeout = "60s"               # durations: seconds as a number, or "500ms" "30s" "15m" "2h" "1d"
//   browser = "chromium"          # the headless browser of browser = true sources
//   recheck_delay = "250ms"       # host_delay for conditional rechecks (at most host_delay)
//
//   [[source]]
//   name = "mofcom-blgg"          # [a-z0-9._-]+, unique
//   index_url = "https://www.mofcom.gov.cn/zcfb/blgg/index.html"
//   link_xpath = "//ul[@class='list']//a"   # elements with href, or @href attributes
//   link_pattern = 'art_[0-9a-f]{32}\.html$' # ICU regex searched in the absolute URL
//   title_keywords = ["公告"]       # a link's text must hold one of them
//   content_selector = "div.art-con"
//   charset = "gb18030"           # overrides the pages' own declaration
//   pages = 2                     # list pages read per poll
//   page_url_template = "https://.../index_{index}.html"  # {page}: 2, 3...; {index}: 1, 2...
//   next_page_xpath = "//a[text()='下一页']"              # or follow the "next" link
//   poll_interval = "30m"
//   recheck_interval = "1d"       # how often a known announcement page is re-fetched
//   allowed_hosts = ["www.mofcom.gov.cn"]  # link hosts besides the index page's own; they
//                                 # (and the index page's host) may be at a loopback or
//                                 # private address, no other host may
//   max_links = 500               # links taken from one poll's list pages
//   max_new_pages = 50            # new announcement pages fetched per run; the rest wait
//   relevance = "export-control"  # or "all": see SourceConfig::export_control_only
//   browser = true                # render list and pages in headless chromium ([fetch] browser)
//
// How the list is asked for (every list page of the source):
//   method = "POST"               # "GET" (the default) or "POST"
//   body = "pageNumber={page}&columnID=9"  # POST only; {page} and {index} as in
//                                 # page_url_template, page 1 included ({page} 1, {index} 0),
//                                 # so a body with either reaches later pages without a template
//   content_type = "application/x-www-form-urlencoded"  # POST only; that is also the default
//   headers = { "X-Requested-With" = "XMLHttpRequest", "Referer" = "https://..." }
//                                 # sent with every request of the source, its announcement
//                                 # pages included; Accept and Accept-Language replace
//                                 # regdiff's; Host, Content-Length, Content-Type,
//                                 # Transfer-Encoding, Connection, User-Agent, If-None-Match
//                                 # and If-Modified-Since are regdiff's own and refused
//
// A list answered as JSON (ingest/json_list.h); without these keys the
// answer is read as an HTML page:
//   list_html_pointer = "/data/html"     # JSON pointer to an HTML fragment holding the
//                                        # list; link_xpath, link_pattern, next_page_xpath
//                                        # apply to it, hrefs resolve against the endpoint
//   list_items_pointer = "/pageInfo/rows"  # or: JSON pointer to an array of articles,
//   item_url_field = "url"                 # the member holding each one's URL (resolved
//   item_title_field = "title"             # against the endpoint) and its title (for
//                                          # title_keywords); link_xpath and
//                                          # next_page_xpath do not apply
// A pointer starts with '/' (RFC 6901; a list at the top level of the JSON
// is not supported). A body that is no JSON, a pointer naming nothing or a
// value of the wrong kind fails the poll with what the answer holds instead.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus/status.h"
#include "ingest/fetch.h"

namespace regdiff::ingest {

using Seconds = std::chrono::seconds;

// Limits on what a sources file may ask for.
inline constexpr int kMaxListPages = 50;
inline constexpr int kMaxLinksCeiling = 100'000;
inline constexpr Seconds kMinPollInterval{1};
inline constexpr Seconds kMaxPollInterval{30 * 86'400};
// Any other duration (timeouts, delays, recheck_interval).
inline constexpr std::chrono::milliseconds kMaxDuration{365LL * 86'400'000};

struct SourceConfig {
  std::string name;
  std::string index_url;
  std::string link_xpath;      // "" -> every <a href> on the page
  std::string link_pattern;    // "" -> every link (subject to the other filters)
  std::vector<std::string> title_keywords;  // empty -> no title filter
  std::string content_selector;  // "" -> the built-in selector table
  std::string charset;           // "" -> declared or detected
  int pages = 1;
  std::string page_url_template;
  std::string next_page_xpath;
  Seconds poll_interval{3600};
  Seconds recheck_interval{86400};  // 0: every poll
  std::vector<std::string> allowed_hosts;  // lowercase
  int max_links = 500;      // links taken from the list pages of one poll
  int max_new_pages = 50;   // new pages fetched in one run; the rest wait for the next
  // Report only pages about export control: a link or page title naming it
  // (watch/relevance.h) or a parse with controlled items, HS codes, listed
  // parties or relations. Other pages are remembered, not stored.
  bool export_control_only = true;
  // Every page of the source rendered by the headless browser (ingest/browser.h):
  // for lists filled by JavaScript and sites that turn scripts away.
  bool browser = false;

  // The request for each list page.
  std::string method = "GET";  // "GET" or "POST"
  std::string body;            // POST only; {page} / {index} expanded per page
  std::string content_type;    // POST only; "" -> application/x-www-form-urlencoded
  // Sent with every request of this source (list and announcement pages),
  // in file order; names as written.
  std::vector<std::pair<std::string, std::string>> headers;

  // A JSON list: at most one pointer is set (RFC 6901, starting with '/').
  std::string list_html_pointer;   // to an HTML fragment
  std::string list_items_pointer;  // to an array of article objects
  std::string item_url_field;      // with list_items_pointer: the URL member
  std::string item_title_field;    // with list_items_pointer: the title member, "" for none

  bool json_list() const { return !list_html_pointer.empty() || !list_items_pointer.empty(); }
  // True when the body changes from page to page ({page} or {index}).
  bool body_pages() const;
};

struct SourcesFile {
  FetchOptions fetch;
  std::vector<SourceConfig> sources;  // in file order

  // The source named `name`, or nullptr.
  const SourceConfig* Find(std::string_view name) const;
};

// Parses and validates TOML text. `origin` (a path) prefixes error messages.
// Errors: kInvalidArgument for TOML syntax errors (with line and column),
// unknown tables or keys, wrong types, bad URLs, patterns, XPath
// expressions, selectors, charsets, durations, methods, headers or JSON
// pointers, duplicate names, pages > 1 without a way to find the next page,
// keys that do not go together (a body without POST, item fields without an
// items pointer, link_xpath with one), and a file without sources.
Result<SourcesFile> ParseSourcesFile(std::string_view toml_text, std::string_view origin);

// Reads and parses a sources file (ReadFileBytes: a regular file, at most
// 1 MiB). Errors: kIoError if unreadable or not a regular file, kTooLarge,
// then as ParseSourcesFile.
Result<SourcesFile> LoadSourcesFile(const std::string& path);

// "90" -> 90 s, "500ms", "30s", "15m", "2h", "1d". nullopt for anything else.
std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text);

// The URL of list page `page` (2, 3, ...) from `url_template`: "{page}" is
// replaced by page, "{index}" by page - 1. The same for a request body (page
// 1 included).
std::string ExpandPageTemplate(std::string_view url_template, int page);

}  // namespace regdiff::ingest
