// The data table of main-content and title selectors for the sites that
// publish announcements (MOFCOM, customs, generic CMS layouts), and a matcher
// for the simple selector forms the table uses: `tag`, `tag.class`, `tag#id`.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace regdiff::ingest {

struct SiteSelector {
  std::string_view selector;  // "div.art-con"
  std::string_view site;      // where it is seen, for the reader of the table
};

// Main-content containers, most specific first. The first selector (in table
// order) with a matching node holding enough text wins.
std::span<const SiteSelector> MainContentSelectors();

// Title nodes, most specific first.
std::span<const SiteSelector> TitleSelectors();

// A node with fewer letters/CJK characters than this is not the main content
// (an empty placeholder div with the right class, a one-line teaser).
inline constexpr int kMinMainContentChars = 40;

// A parsed selector; empty class_name / id mean "any".
struct SimpleSelector {
  std::string tag;         // lowercase element name
  std::string class_name;  // one class token, case-sensitive as in CSS
  std::string id;
};

// Parses "tag", "tag.class" or "tag#id"; nullopt for anything else.
std::optional<SimpleSelector> ParseSimpleSelector(std::string_view selector);

// True when an element with this (lowercase) name, class attribute (a list of
// space-separated tokens) and id attribute matches.
bool MatchesSelector(const SimpleSelector& selector, std::string_view tag,
                     std::string_view class_attr, std::string_view id_attr);

}  // namespace regdiff::ingest
