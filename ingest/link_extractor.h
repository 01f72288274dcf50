// The announcement links of an index (list) page: libxml2's HTML parser and
// XPath pick the candidate links, each href is resolved against the page URL
// (ingest/url.h: absolute http/https only, never a local path), then filtered
// by host, URL pattern (ICU regex) and title keywords, and deduplicated.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"

namespace regdiff::ingest {

struct Link {
  std::string url;    // absolute, normalised, no fragment
  std::string title;  // the link's text (whitespace collapsed), else its title attribute
  bool operator==(const Link&) const = default;
};

struct LinkRules {
  // XPath selecting <a> elements (their href is used) or href attributes;
  // "" means "//a[@href]". Other elements count through the <a href>
  // elements inside them.
  std::string xpath;
  std::string pattern;                      // ICU regex found in the URL; "" for any
  std::vector<std::string> title_keywords;  // one must occur in the title; none: any title
  // Hosts (lowercase, with ":port" when not the default) allowed besides the
  // page's own; links elsewhere are dropped.
  std::vector<std::string> allowed_hosts;
};

// The links of a UTF-8 HTML page at `page_url`, in document order, first
// occurrence kept. Links to the page itself are dropped.
// Errors: kInvalidArgument for a page_url that is not http/https, a bad XPath
// or pattern; kCorruption when libxml2 builds no document.
Result<std::vector<Link>> ExtractLinks(std::string_view utf8_html, std::string_view page_url,
                                       const LinkRules& rules);

// The first link `xpath` selects on the page (the "next page" link),
// resolved against `page_url` and on the same host; "" when none.
Result<std::string> FindNextPageUrl(std::string_view utf8_html, std::string_view page_url,
                                    std::string_view xpath);

// Checks an XPath expression compiles. Errors: kInvalidArgument.
Status ValidateXPath(std::string_view xpath);

// Checks an ICU regular expression compiles. Errors: kInvalidArgument.
Status ValidateLinkPattern(std::string_view pattern);

}  // namespace regdiff::ingest
