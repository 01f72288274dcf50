// Main-content and title selectors, one row per selector, and their matcher.
#include "ingest/site_selectors.h"

#include <array>
#include <cctype>

namespace regdiff::ingest {
namespace {

constexpr std::array<SiteSelector, 10> kMainContent = {{
    {"div.art-con", "MOFCOM article pages (www.mofcom.gov.cn)"},
    {"div#zoom", "MOFCOM and State Council article pages, older layout"},
    {"div.TRS_Editor", "TRS WCM content body, used by many ministries"},
    {"div.easysite-news-text", "GACC customs.gov.cn news and announcement pages"},
    {"div#UCAP-CONTENT", "www.gov.cn policy pages"},
    {"div.article", "generic CMS article body"},
    {"div#article", "generic CMS article body"},
    {"article", "HTML5 article element"},
    {"main", "HTML5 main element"},
    {"div.content", "generic content container"},
}};

constexpr std::array<SiteSelector, 2> kTitle = {{
    {"div.art-title", "MOFCOM article pages"},
    {"h1", "generic"},
}};

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

}  // namespace

std::span<const SiteSelector> MainContentSelectors() { return kMainContent; }
std::span<const SiteSelector> TitleSelectors() { return kTitle; }

std::optional<SimpleSelector> ParseSimpleSelector(std::string_view selector) {
  SimpleSelector out;
  size_t i = 0;
  while (i < selector.size() && IsNameChar(selector[i])) {
    out.tag += static_cast<char>(std::tolower(static_cast<unsigned char>(selector[i])));
    ++i;
  }
  if (out.tag.empty()) return std::nullopt;
  if (i == selector.size()) return out;
  char kind = selector[i++];
  std::string_view rest = selector.substr(i);
  if (rest.empty()) return std::nullopt;
  for (char c : rest) {
    if (!IsNameChar(c)) return std::nullopt;
  }
  if (kind == '.') {
    out.class_name = std::string(rest);
  } else if (kind == '#') {
    out.id = std::string(rest);
  } else {
    return std::nullopt;
  }
  return out;
}

bool MatchesSelector(const SimpleSelector& selector, std::string_view tag,
                     std::string_view class_attr, std::string_view id_attr) {
  if (tag.size() != selector.tag.size()) return false;
  for (size_t i = 0; i < tag.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tag[i])) != selector.tag[i]) return false;
  }
  if (!selector.id.empty() && id_attr != selector.id) return false;
  if (selector.class_name.empty()) return true;
  size_t i = 0;
  while (i < class_attr.size()) {
    while (i < class_attr.size() && IsSpace(class_attr[i])) ++i;
    size_t start = i;
    while (i < class_attr.size() && !IsSpace(class_attr[i])) ++i;
    if (class_attr.substr(start, i - start) == selector.class_name) return true;
  }
  return false;
}

}  // namespace regdiff::ingest
