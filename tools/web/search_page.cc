// SearchPage: a text search's hits as a list of lines with their matches.
#include "tools/web/search_page.h"

#include <vector>

#include "corpus/display_text.h"
#include "corpus/strings.h"
#include "tools/search_answer.h"
#include "tools/web/page_frame.h"
#include "tools/web/source_marks.h"

namespace regdiff::tools::web {

Result<std::string> SearchPage(AnnouncementStore& store,
                               const std::multimap<std::string, std::string>& params) {
  auto it = params.find("q");
  const std::string q = it == params.end() ? std::string() : it->second;
  std::string out = BeginPage(q.empty() ? std::string("Search") : "Search: " + q, Section::kSearch);
  out += "<h1>Search the stored texts</h1>\n<form class=\"search\" method=\"get\" "
         "action=\"/search\"><label>Text <input name=\"q\" type=\"search\" size=\"40\" value=\"";
  out += HtmlEscape(q);
  out += "\"></label> <button type=\"submit\">Search</button></form>\n"
         "<p class=\"muted\">Any part of a text: Chinese in either script (锑 finds 銻), Latin "
         "letters in any case.</p>\n";
  if (q.empty()) {
    out += EndPage();
    return out;
  }
  auto answer = SearchText(store, q, kSearchPageHits);
  if (!answer.ok()) return answer.status();
  const SearchResults& found = answer->found;
  out += "<p id=\"search-count\" data-lines=\"";
  out += std::to_string(found.lines);
  out += "\" data-texts=\"";
  out += std::to_string(found.texts);
  out += "\" data-shown=\"";
  out += std::to_string(found.hits.size());
  out += "\">";
  out += std::to_string(found.lines);
  out += found.lines == 1 ? " matching line in " : " matching lines in ";
  out += std::to_string(found.texts);
  out += found.texts == 1 ? " text" : " texts";
  if (answer->forms.size() > 1) {
    std::vector<std::string> others(answer->forms.begin() + 1, answer->forms.end());
    out += " (also as ";
    out += HtmlEscape(Join(others, ", "));
    out += ')';
  }
  if (found.hits.size() < found.lines) {
    out += "; the first ";
    out += std::to_string(found.hits.size());
    out += " shown";
  }
  out += ".</p>\n";
  if (found.unindexed_texts > 0) {
    out += "<p class=\"muted\">";
    out += std::to_string(found.unindexed_texts);
    out += " texts stored since the search index was last brought up to date were searched line "
           "by line; <code>regdiff search</code> brings it up to date.</p>\n";
  }
  if (found.hits.empty()) {
    out += "<p class=\"muted\" id=\"search-empty\">No stored text holds it.</p>\n";
    out += EndPage();
    return out;
  }
  out += "<ol id=\"search-results\">\n";
  for (const SearchHit& h : found.hits) {
    out += "<li";
    if (h.doc_id) {
      out += " data-doc=\"";
      out += HtmlEscape(*h.doc_id);
      out += '"';
    }
    out += " data-source=\"";
    out += HtmlEscape(Utf8DisplayForm(h.locator));
    out += "\" data-line=\"";
    out += std::to_string(h.line_number);
    out += "\">";
    if (h.doc_id) {
      // To the announcement's page with the text marked, at its first match.
      out += AnnouncementLink(*h.doc_id, " class=\"hit-doc\"", {{"q", q}}, "hit-1");
    } else {
      out += "<span class=\"muted\">(no number read)</span>";
    }
    out += " <span class=\"muted hit-source\">";
    out += HtmlEscape(Utf8DisplayForm(h.locator));
    out += ':';
    out += std::to_string(h.line_number);
    out += "</span><br><span class=\"hit-line\">";
    out += MarkedText(h.line, MatchSpans(h.line, answer->forms));
    out += "</span></li>\n";
  }
  out += "</ol>\n";
  out += EndPage();
  return out;
}

}  // namespace regdiff::tools::web
