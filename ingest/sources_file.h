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
#pragma once

#include <chrono>
#include <string>
#include <string_view>
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
// expressions, selectors, charsets or durations, duplicate names, pages > 1
// without a way to find the next page, and a file without sources.
Result<SourcesFile> ParseSourcesFile(std::string_view toml_text, std::string_view origin);

// Reads and parses a sources file. Errors: kIoError if unreadable, then as
// ParseSourcesFile.
Result<SourcesFile> LoadSourcesFile(const std::string& path);

// "90" -> 90 s, "500ms", "30s", "15m", "2h", "1d". nullopt for anything else.
std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text);

// The URL of list page `page` (2, 3, ...) from `url_template`: "{page}" is
// replaced by page, "{index}" by page - 1.
std::string ExpandPageTemplate(std::string_view url_template, int page);

}  // namespace regdiff::ingest
