// The announcement links of a JSON list endpoint, the kind a page filled by
// JavaScript loads: either an HTML fragment inside the JSON (MOFCOM's
// api-gateway/jpaas-publish-server answers {"data":{"html":"<ul ...>"}}), read
// as a list page, or an array of article objects (exportcontrol.mofcom.gov.cn
// answers {"pageInfo":{"rows":[{"url":...,"title":...}]}}), whose URL and
// title fields become links. RFC 6901 JSON pointers name where either is.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "corpus/status.h"
#include "ingest/link_extractor.h"

namespace regdiff::ingest {

// Where the links are in the JSON. Exactly one pointer is set.
struct JsonListRules {
  std::string html_pointer;   // an HTML fragment, read with LinkRules (xpath included)
  std::string items_pointer;  // an array of objects
  std::string url_field;      // items: the member holding the URL (resolved against the endpoint)
  std::string title_field;    // items: the member holding the title; "" -> no title
};

// The links of the UTF-8 JSON `utf8_json` answered by `endpoint_url`,
// filtered by `rules` as ExtractLinks / FilterLinks do; relative URLs resolve
// against `endpoint_url`. Errors (the message says what the JSON holds
// instead): kCorruption when the body is no JSON (an HTML error page, a
// maintenance notice), when a pointer names nothing or a value of the wrong
// type, or when no item of a non-empty array has a string `url_field`;
// kInvalidArgument for a malformed pointer; and those of ExtractLinks.
Result<std::vector<Link>> ExtractJsonListLinks(std::string_view utf8_json,
                                               std::string_view endpoint_url,
                                               const JsonListRules& json, const LinkRules& rules);

// The HTML fragment `html_pointer` names in `utf8_json` (for a "next page"
// link). Errors as ExtractJsonListLinks.
Result<std::string> JsonListFragment(std::string_view utf8_json, std::string_view html_pointer);

// Checks an RFC 6901 JSON pointer ("" or "/a/0/b"; "~0" "~1" escapes).
// Errors: kInvalidArgument.
Status ValidateJsonPointer(std::string_view pointer);

}  // namespace regdiff::ingest
