// The announcement links of an index (list) page: libxml2's HTML parser and
// XPath pick the candidate links, each href is resolved against the page URL
// (ingest/url.h: absolute http/https only, never a local path), then filtered
// by host, URL pattern (ICU regex) and title keywords, and deduplicated. Links
// a list states otherwise (a JSON list, ingest/json_list.h) pass the same
// filter (FilterLinks).
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
// or pattern; kCorruption when libxml2 builds no document, or as FilterLinks.
Result<std::vector<Link>> ExtractLinks(std::string_view utf8_html, std::string_view page_url,
                                       const LinkRules& rules);

// A link as a list states it, before it is resolved and filtered.
struct ListedLink {
  std::string href;          // as written; resolved against the list's URL
  std::string title;         // whitespace collapsed
  std::string keyword_text;  // where title_keywords are looked for; "" -> title
};

// The links of `listed` that `rules` take (its xpath aside), resolved against
// `page_url`, in order, first occurrence kept; links to the page itself are
// dropped. Errors: kInvalidArgument for a page_url that is not http/https or
// a bad pattern; kCorruption when most links the host and pattern would take
// carry titles the server replaced by '?' (LooksLikeLostText): their text was
// lost on the way, and an empty or keyword-filtered list would hide that.
Result<std::vector<Link>> FilterLinks(const std::vector<ListedLink>& listed,
                                      std::string_view page_url, const LinkRules& rules);

// True for a title whose text a server replaced by question marks because it
// could not encode it ("????2025??18?"): a run of three or more '?' and no
// byte outside ASCII. exportcontrol.mofcom.gov.cn answers so to a request
// without X-Requested-With.
bool LooksLikeLostText(std::string_view title);

// The first link `xpath` selects on the page (the "next page" link),
// resolved against `page_url`, on the same host and never from https down
// to http; "" when none.
Result<std::string> FindNextPageUrl(std::string_view utf8_html, std::string_view page_url,
                                    std::string_view xpath);

// An attachment an announcement page links to (附件, "Annex", "Attachment"):
// a document in a format regdiff reads or names (PDF, Word, Excel).
struct AttachmentLink {
  std::string url;        // absolute http/https, no fragment
  std::string file_name;  // the link's text when it has one, else the URL's last segment
  bool operator==(const AttachmentLink&) const = default;
};

// The attachments of an announcement page, in page order, each URL once: the
// links whose path ends in .pdf .doc .docx .xls .xlsx (any case), and those
// whose text starts with 附件, "Annex" or "Attachment" and whose path is no
// web page (a download.jsp?id=... link). Any host: attachments often sit on
// a file server. At most `max_links`. Errors: kInvalidArgument for a
// page_url that is not http/https; kCorruption when libxml2 builds no
// document.
Result<std::vector<AttachmentLink>> ExtractAttachmentLinks(std::string_view utf8_html,
                                                           std::string_view page_url,
                                                           size_t max_links);

// Checks an XPath expression compiles. Errors: kInvalidArgument.
Status ValidateXPath(std::string_view xpath);

// Checks an ICU regular expression compiles. Errors: kInvalidArgument.
Status ValidateLinkPattern(std::string_view pattern);

}  // namespace regdiff::ingest
